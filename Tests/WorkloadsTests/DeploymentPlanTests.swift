import Foundation
import KubeModel
import Testing

@testable import Workloads

/// The rollout arithmetic, step by step, as kube-controller-manager's deployment controller does it.
struct DeploymentPlanTests {
    typealias Set = DeploymentPlan.SetState

    @Test func aRollingUpdateSurgesThenScalesTheOldDownAsNewPodsBecomeAvailable() {
        // 4 replicas, 25%/25%: one surge pod, one unavailable.
        let limits = DeploymentPlan.rollingLimits(nil, replicas: 4)
        #expect(limits.surge == 1 && limits.unavailable == 1)
        var new = Set(name: "new", replicas: 0, available: 0)
        var old = Set(name: "old", replicas: 4, available: 4)
        // Step 1: the new set surges to 1 and nothing else moves in that step.
        #expect(DeploymentPlan.rollingStep(replicas: 4, surge: 1, unavailable: 1, new: new, old: [old]) == ["new": 1])
        new.replicas = 1
        // Step 2: the new pod is not available yet: one old pod may go (4 available - 3 minimum).
        #expect(DeploymentPlan.rollingStep(replicas: 4, surge: 1, unavailable: 1, new: new, old: [old]) == ["old": 3])
        old.replicas = 3
        // Step 3: total is 4 again: one more new pod may surge.
        #expect(DeploymentPlan.rollingStep(replicas: 4, surge: 1, unavailable: 1, new: new, old: [old]) == ["new": 2])
        new.replicas = 2
        old.available = 3
        // Step 4: nothing new is available, 3 old available = the minimum: wait.
        #expect(DeploymentPlan.rollingStep(replicas: 4, surge: 1, unavailable: 1, new: new, old: [old]).isEmpty)
        new.available = 2
        // Step 5: two new pods available: two old ones may go.
        #expect(DeploymentPlan.rollingStep(replicas: 4, surge: 1, unavailable: 1, new: new, old: [old]) == ["old": 1])
    }

    @Test func theSurgeWaitsForAScaledDownSetsPodsToBeDeleted() {
        // The old set was just scaled from 4 to 3; its status still counts 4 pods: no room to surge (and
        // the new pod is not available yet, so no old one may go either).
        let new = Set(name: "new", replicas: 1, available: 0, pods: 1)
        var old = Set(name: "old", replicas: 3, available: 3, pods: 4)
        #expect(DeploymentPlan.rollingStep(replicas: 4, surge: 1, unavailable: 1, new: new, old: [old]).isEmpty)
        old.pods = 3
        #expect(DeploymentPlan.rollingStep(replicas: 4, surge: 1, unavailable: 1, new: new, old: [old]) == ["new": 2])
    }

    @Test func unhealthyOldPodsGoFirstAndScalingDownTheDeploymentShrinksTheNewSet() {
        let new = Set(name: "new", replicas: 2, available: 2)
        let broken = Set(name: "broken", replicas: 2, available: 0)
        #expect(DeploymentPlan.rollingStep(replicas: 2, surge: 1, unavailable: 0, new: new, old: [broken]) == ["broken": 0])
        #expect(DeploymentPlan.rollingStep(replicas: 1, surge: 1, unavailable: 0, new: new, old: []) == ["new": 1])
    }

    @Test func recreateScalesTheOldToZeroWaitsForTheirPodsThenScalesTheNew() {
        let new = Set(name: "new", replicas: 0, available: 0)
        let old = Set(name: "old", replicas: 3, available: 3)
        #expect(DeploymentPlan.recreateStep(replicas: 3, new: new, old: [old], oldPodsRemain: true) == ["old": 0])
        let drained = Set(name: "old", replicas: 0, available: 0)
        #expect(DeploymentPlan.recreateStep(replicas: 3, new: new, old: [drained], oldPodsRemain: true).isEmpty)
        #expect(DeploymentPlan.recreateStep(replicas: 3, new: new, old: [drained], oldPodsRemain: false) == ["new": 3])
    }

    @Test func percentagesAndHashes() {
        #expect(DeploymentPlan.scaled("25%", of: 10, roundUp: true) == 3)
        #expect(DeploymentPlan.scaled("25%", of: 10, roundUp: false) == 2)
        #expect(DeploymentPlan.scaled(2, of: 10, roundUp: false) == 2)
        let template: JSONValue = ["metadata": ["labels": ["app": "web"]], "spec": ["containers": [["name": "a", "image": "a:1"]]]]
        let hash = DeploymentPlan.templateHash(template, collisionCount: 0)
        #expect(hash == DeploymentPlan.templateHash(template, collisionCount: 0))
        #expect(hash != DeploymentPlan.templateHash(template, collisionCount: 1))
        #expect(hash.allSatisfy { "bcdfghjklmnpqrstvwxz2456789".contains($0) })
    }

    @Test func proportionalScalingSpreadsADifferenceBySizeWithLeftoversToTheLargest() {
        let old = Date(timeIntervalSince1970: 1_000)
        let new = Date(timeIntervalSince1970: 2_000)
        let sets = [
            DeploymentPlan.ScaledSet(name: "new", replicas: 5, maxReplicas: 13, created: new),
            DeploymentPlan.ScaledSet(name: "old", replicas: 8, maxReplicas: 13, created: old),
        ]
        // The concept page's example: 10 -> 15 replicas with maxSurge 3.
        #expect(DeploymentPlan.proportionalScale(replicas: 15, maxSurge: 3, statusReplicas: 13, active: sets) == ["old": 11, "new": 7])
        // Down to 6 (+3 surge = 9): in proportion too, the largest first.
        #expect(DeploymentPlan.proportionalScale(replicas: 6, maxSurge: 3, statusReplicas: 13, active: sets) == ["old": 6, "new": 3])
        #expect(DeploymentPlan.proportionalScale(replicas: 0, maxSurge: 0, statusReplicas: 13, active: sets) == ["old": 0, "new": 0])
        // Equal sizes: the newer grows first, and takes what rounding leaves.
        let even = [
            DeploymentPlan.ScaledSet(name: "a", replicas: 2, maxReplicas: nil, created: old),
            DeploymentPlan.ScaledSet(name: "b", replicas: 2, maxReplicas: nil, created: new),
        ]
        #expect(DeploymentPlan.proportionalScale(replicas: 5, maxSurge: 0, statusReplicas: 4, active: even) == ["b": 3, "a": 2])
    }

    @Test func templatesCompareAsTypedObjectsWhereEmptyMeansNone() {
        let spelled: JSONValue = ["metadata": ["labels": ["app": "web"], "annotations": [:]], "spec": ["nodeSelector": [:], "containers": [["name": "web", "env": []]]]]
        let undone: JSONValue = ["metadata": ["labels": ["app": "web"]], "spec": ["containers": [["name": "web"]]]]
        #expect(TemplateEquality.equal(spelled, undone))
        #expect(!TemplateEquality.equal(spelled, ["metadata": ["labels": ["app": "web"]], "spec": ["containers": [["name": "db"]]]]))
        #expect(!TemplateEquality.equal(["spec": ["containers": [[:], ["name": "b"]]]], ["spec": ["containers": [["name": "b"]]]]), "list positions count")
    }
}
