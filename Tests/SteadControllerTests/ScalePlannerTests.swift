import Foundation
import KubeModel
import Testing
@testable import SteadController

@Suite("Scaling")
struct ScalePlannerTests {
    func plan(_ set: StatefulPodSet, _ pods: [Pod], claims: [PersistentVolumeClaim] = [], partitionRevision: String = "web-old")
        -> ScalePlan
    {
        ScalePlanner.plan(set: set, pods: pods, currentRevision: partitionRevision, updateRevision: "web-new", existingClaims: claims)
    }

    @Test("OrderedReady: creates one ordinal at a time, each after the previous is Running and Ready")
    func orderedCreation() {
        let set = Fixture.set()
        let revision = Fixture.revision(set)
        #expect(plan(set, []).create.map(\.ordinal) == [0])
        var pods = [Fixture.pod(set, ordinal: 0, revision: revision, readiness: .notReady)]
        let waiting = plan(set, pods)
        #expect(waiting.create.isEmpty)
        #expect(waiting.waitReason?.contains("web-0") == true)
        pods[0] = Fixture.pod(set, ordinal: 0, revision: revision)
        #expect(plan(set, pods).create.map(\.name) == ["web-1"])
    }

    @Test("Parallel: creates every missing ordinal at once")
    func parallelCreation() {
        let set = Fixture.set(podManagementPolicy: .parallel)
        let created = plan(set, [])
        #expect(created.create.map(\.ordinal) == [0, 1, 2, 3, 4])
        #expect(created.create.allSatisfy { $0.revision == "web-new" })
    }

    @Test("ordinals below the partition are created at the current revision")
    func partitionRevision() {
        let set = Fixture.set(rolling: RollingUpdateStrategy(partition: 3), podManagementPolicy: .parallel)
        #expect(plan(set, []).create.map(\.revision) == ["web-old", "web-old", "web-old", "web-new", "web-new"])
    }

    @Test("OrderedReady scale down: highest first, one at a time, only when the rest are Ready")
    func orderedScaleDown() {
        let big = Fixture.set()
        let revision = Fixture.revision(big)
        var pods = Fixture.pods(big, revision: revision)
        let small = Fixture.set(replicas: 2)
        #expect(plan(small, pods).delete.map(\.name) == ["web-4"])
        pods[4] = Fixture.pod(big, ordinal: 4, revision: revision, readiness: .terminating)
        #expect(plan(small, pods).delete.isEmpty)
        pods.removeLast()
        pods[0] = Fixture.pod(big, ordinal: 0, revision: revision, readiness: .notReady)
        #expect(plan(small, pods).delete.isEmpty)
    }

    @Test("Parallel scale down: every extra ordinal at once")
    func parallelScaleDown() {
        let big = Fixture.set()
        let pods = Fixture.pods(big, revision: Fixture.revision(big))
        #expect(plan(Fixture.set(replicas: 2, podManagementPolicy: .parallel), pods).delete.map(\.ordinal) == [4, 3, 2])
    }

    @Test("a failed pod is deleted so it is made again")
    func failedPod() {
        let set = Fixture.set(replicas: 2)
        let revision = Fixture.revision(set)
        var pods = Fixture.pods(set, revision: revision)
        pods[1].status?.phase = "Failed"
        #expect(plan(set, pods).delete.map(\.name) == ["web-1"])
    }

    @Test("whenScaled: Delete removes the claims of removed ordinals; Retain keeps them", arguments: [
        (RetentionPolicyType.delete, ["data-web-3", "data-web-4"]), (.retain, []),
    ])
    func claimRetention(whenScaled: RetentionPolicyType, expected: [String]) {
        let set = Fixture.set(replicas: 3, podManagementPolicy: .parallel, claims: [Fixture.claimTemplate()],
                              retention: PersistentVolumeClaimRetentionPolicy(whenScaled: whenScaled))
        let revision = Fixture.revision(set)
        let pods = Fixture.pods(set, revision: revision, count: 3)
        let claims = (0..<5).map { PersistentVolumeClaim(metadata: ObjectMeta(name: "data-web-\($0)", namespace: "default")) }
            + [PersistentVolumeClaim(metadata: ObjectMeta(name: "data-other-9", namespace: "default"))]
        #expect(plan(set, pods, claims: claims).deleteClaims == expected)
        #expect(ClaimRetention.claimsToDelete(set: set, pods: pods + [Fixture.pod(set, ordinal: 4, revision: revision)],
                                              existingClaims: claims) == (whenScaled == .delete ? ["data-web-3"] : []))
    }
}
