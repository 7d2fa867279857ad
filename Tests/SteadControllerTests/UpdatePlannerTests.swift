import Foundation
import KubeModel
import SteadAPI
import Testing
@testable import SteadController

@Suite("Update planner")
struct UpdatePlannerTests {
    static let newImage = Fixture.template(containers: [Fixture.container(image: "nginx:1.26")])
    static let newEnv = Fixture.template(containers: [Fixture.container(env: ["MODE": "fast"])])

    @Test("image-only change: in place, highest ordinal first, zero recreate")
    func imageOnlyInPlace() {
        let rollout = Fixture.rollout(to: Self.newImage)
        let plan = rollout.plan()
        #expect(plan.changes.map(\.ordinal) == [4])
        let inPlace = plan.changes.first?.action.inPlacePlan
        #expect(inPlace?.imageChanges == [ImageChange(container: "app", from: "nginx:1.25", to: "nginx:1.26")])
        #expect(inPlace?.revisionHash == rollout.update.name)
        #expect(plan.actions.allSatisfy { !$0.action.isSameNode && !$0.action.isReschedule })
        #expect(plan.action(forOrdinal: 3)?.isWait == true)
    }

    @Test("a whole rollout in place, step by step: every pod in place, none recreated")
    func wholeRolloutInPlace() {
        var rollout = Fixture.rollout(to: Self.newImage)
        var order: [Int] = []
        for _ in 0..<10 {
            let plan = rollout.plan()
            guard let change = plan.changes.first else { break }
            #expect(change.action.isInPlace)
            order.append(change.ordinal)
            rollout.replacePod(change.ordinal, with: Fixture.pod(rollout.set, ordinal: change.ordinal, revision: rollout.update))
        }
        #expect(order == [4, 3, 2, 1, 0])
        #expect(rollout.plan().changes.isEmpty)
    }

    @Test("a pod whose in-place gate is False is unavailable even while its Ready condition still says True")
    func gateFalseCountsAsUnavailable() {
        var rollout = Fixture.rollout(to: Self.newImage)
        var updated = Fixture.pod(rollout.set, ordinal: 4, revision: rollout.update)
        let conditions = updated.status?.conditions ?? []
        updated.status?.conditions = conditions.map { condition in
            var condition = condition
            if condition.type == SteadKeys.inPlaceUpdateReady { condition.status = "False" }
            return condition
        }
        rollout.replacePod(4, with: updated)
        let plan = rollout.plan()
        #expect(plan.changes.isEmpty)
        #expect(plan.action(forOrdinal: 3)?.isWait == true)
    }

    @Test("env change: recreated on the same node")
    func envChangeSameNode() {
        let plan = Fixture.rollout(to: Self.newEnv).plan()
        #expect(plan.changes.count == 1)
        #expect(plan.changes[0].action == .recreateOnSameNode(node: "sim-4", reason: "spec.containers[app].env changed"))
    }

    @Test("nodeSelector change: recreate; rescheduled when the old node no longer matches")
    func nodeSelectorChange() {
        let moved = Fixture.template(spec: ["nodeSelector": ["disk": "ssd"]])
        let rollout = Fixture.rollout(to: moved)
        let matching = rollout.plan(nodes: ["sim-4": NodeState(health: .ready, labels: ["disk": "ssd"])])
        #expect(matching.changes[0].action == .recreateOnSameNode(node: "sim-4", reason: "spec.nodeSelector changed"))
        let notMatching = rollout.plan(nodes: ["sim-4": NodeState(health: .ready, labels: ["disk": "hdd"])])
        #expect(notMatching.changes[0].action.isReschedule)
        if case .reschedule(let reason) = notMatching.changes[0].action {
            #expect(reason.contains("no longer matches"))
        }
    }

    @Test("Recreate policy: every pod rescheduled (the baseline), one at a time")
    func recreatePolicy() {
        var rollout = Fixture.rollout(to: Self.newImage, rolling: RollingUpdateStrategy(podUpdatePolicy: .recreate))
        var ordinals: [Int] = []
        for _ in 0..<10 {
            guard let change = rollout.plan().changes.first else { break }
            #expect(change.action == .reschedule(reason: "podUpdatePolicy Recreate"))
            ordinals.append(change.ordinal)
            rollout.replacePod(change.ordinal, with: Fixture.pod(rollout.set, ordinal: change.ordinal, revision: rollout.update))
        }
        #expect(ordinals == [4, 3, 2, 1, 0])
    }

    @Test("SameNodeRecreate policy: even an image change recreates on the same node")
    func sameNodeRecreatePolicy() {
        let plan = Fixture.rollout(to: Self.newImage, rolling: RollingUpdateStrategy(podUpdatePolicy: .sameNodeRecreate))
            .plan()
        #expect(plan.changes[0].action == .recreateOnSameNode(node: "sim-4", reason: "podUpdatePolicy SameNodeRecreate"))
    }

    @Test("InPlaceOnly: an env change blocks the rollout and names the field")
    func inPlaceOnlyBlocks() {
        let plan = Fixture.rollout(to: Self.newEnv, rolling: RollingUpdateStrategy(podUpdatePolicy: .inPlaceOnly)).plan()
        #expect(plan.changes.isEmpty)
        #expect(plan.blocked == BlockedRollout(pod: "web-4", fields: ["spec.containers[app].env"]))
        #expect(plan.action(forOrdinal: 4) == .blocked(fields: ["spec.containers[app].env"]))
        #expect(plan.blocked?.message.contains("spec.containers[app].env") == true)
    }

    @Test("partition=3 with 5 replicas touches only ordinals 4 and 3")
    func partition() {
        var rollout = Fixture.rollout(
            to: Self.newImage, rolling: RollingUpdateStrategy(partition: 3, maxUnavailable: .int(5)))
        let plan = rollout.plan()
        #expect(plan.changes.map(\.ordinal) == [4, 3])
        for ordinal in [0, 1, 2] { #expect(plan.action(forOrdinal: ordinal) == PodUpdateAction.nothing) }
        for ordinal in [4, 3] {
            rollout.replacePod(ordinal, with: Fixture.pod(rollout.set, ordinal: ordinal, revision: rollout.update))
        }
        #expect(rollout.plan().changes.isEmpty)
    }

    @Test("maxUnavailable=2: two at a time, never more", arguments: [0, 1, 2])
    func maxUnavailableTwo(alreadyUnavailable: Int) {
        var rollout = Fixture.rollout(to: Self.newImage, rolling: RollingUpdateStrategy(maxUnavailable: .int(2)))
        // Pods 0..<alreadyUnavailable are not Ready (still old revision, below the rollout's front).
        for ordinal in 0..<alreadyUnavailable {
            rollout.replacePod(ordinal, with: Fixture.pod(rollout.set, ordinal: ordinal, revision: rollout.current, readiness: .notReady))
        }
        let plan = rollout.plan()
        let budget = 2 - alreadyUnavailable
        #expect(plan.changes.filter { $0.ordinal >= 2 }.count == budget)
        #expect(plan.changes.filter { $0.ordinal >= 2 }.map(\.ordinal) == Array([4, 3].prefix(budget)))
    }

    @Test("maxUnavailable=2 across a rollout: every step changes at most two pods")
    func maxUnavailableRollout() {
        var rollout = Fixture.rollout(to: Self.newImage, rolling: RollingUpdateStrategy(maxUnavailable: .int(2)))
        var batches: [[Int]] = []
        for _ in 0..<10 {
            let changes = rollout.plan().changes
            if changes.isEmpty { break }
            #expect(changes.count <= 2)
            batches.append(changes.map(\.ordinal))
            // Updated pods are not Ready yet: the next plan must wait.
            for change in changes {
                rollout.replacePod(change.ordinal, with: Fixture.pod(rollout.set, ordinal: change.ordinal, revision: rollout.update, readiness: .notReady))
            }
            #expect(rollout.plan().changes.isEmpty)
            for change in changes {
                rollout.replacePod(change.ordinal, with: Fixture.pod(rollout.set, ordinal: change.ordinal, revision: rollout.update))
            }
        }
        #expect(batches == [[4, 3], [2, 1], [0]])
    }

    @Test("maxUnavailable as a percentage: 40% of 5 is 2")
    func maxUnavailablePercent() {
        let plan = Fixture.rollout(to: Self.newImage, rolling: RollingUpdateStrategy(maxUnavailable: .string("40%"))).plan()
        #expect(plan.changes.map(\.ordinal) == [4, 3])
    }

    @Test("paused plans nothing, then resumes")
    func paused() {
        var rollout = Fixture.rollout(to: Self.newImage, rolling: RollingUpdateStrategy(paused: true))
        let pausedPlan = rollout.plan()
        #expect(pausedPlan.changes.isEmpty)
        #expect(pausedPlan.action(forOrdinal: 4) == .wait(reason: "rollout paused"))
        rollout.set.spec.updateStrategy?.rollingUpdate?.paused = false
        #expect(rollout.plan().changes.map(\.ordinal) == [4])
    }

    @Test("OnDelete: the controller updates nothing")
    func onDelete() {
        let plan = Fixture.rollout(to: Self.newEnv, type: .onDelete).plan()
        #expect(plan.changes.isEmpty)
        #expect(plan.actions.allSatisfy { $0.action == .nothing })
    }

    @Test("the next pod only after the updated one is Ready for minReadySeconds")
    func minReadySeconds() {
        var rollout = Fixture.rollout(to: Self.newImage, minReadySeconds: 30)
        rollout.replacePod(4, with: Fixture.pod(rollout.set, ordinal: 4, revision: rollout.update,
                                                readiness: .ready(since: Fixture.now - 10)))
        #expect(rollout.plan().changes.isEmpty)
        #expect(rollout.plan(now: Fixture.now + 25).changes.map(\.ordinal) == [3])
    }

    @Test("rollback to the old template reuses the old revision and plans in place")
    func rollback() {
        let rollout = Fixture.rollout(to: Self.newImage)
        // Pod 4 moved to the new revision; then the user restores the old template.
        var pods = rollout.pods
        pods[4] = Fixture.pod(rollout.set, ordinal: 4, revision: rollout.update)
        var back = Fixture.set(template: Fixture.template())
        back.status = StatefulPodSetStatus(replicas: 5)
        back.status?.currentRevision = rollout.current.name
        let resolution = RevisionResolver.resolve(set: back, revisions: [rollout.current, rollout.update])
        #expect(resolution.create == nil)
        #expect(resolution.updateRevision.name == rollout.current.name)
        #expect(resolution.updateRevision.revision == 3)
        #expect(resolution.renumber?.name == rollout.current.name)
        let plan = UpdatePlanner.plan(
            set: back, pods: pods, currentRevision: resolution.currentRevision, updateRevision: resolution.updateRevision,
            revisions: [resolution.updateRevision, rollout.update], now: Fixture.now, nodes: [:])
        #expect(plan.changes.map(\.ordinal) == [4])
        #expect(plan.changes[0].action.inPlacePlan?.imageChanges.first?.to == "nginx:1.25")
    }

    @Test("a crashing update stalls the rollout at the first pod")
    func crashingUpdateStalls() {
        var rollout = Fixture.rollout(to: Self.newImage, rolling: RollingUpdateStrategy(maxUnavailable: .int(3)))
        rollout.replacePod(4, with: Fixture.pod(rollout.set, ordinal: 4, revision: rollout.update, readiness: .crashing))
        let plan = rollout.plan()
        #expect(plan.changes.isEmpty)
        #expect(plan.stalled == StalledRollout(pod: "web-4", reason: "container app: CrashLoopBackOff"))
        #expect(plan.action(forOrdinal: 4) == .stalled(reason: "container app: CrashLoopBackOff"))
        #expect(plan.action(forOrdinal: 3)?.isWait == true)
    }

    @Test("an updated pod never Ready past the stall timeout stalls the rollout")
    func notReadyTimeoutStalls() {
        var rollout = Fixture.rollout(to: Self.newImage)
        var pod = Fixture.pod(rollout.set, ordinal: 4, revision: rollout.update, readiness: .notReady)
        pod.metadata.creationTimestamp = KubeTime(Fixture.now - 60)
        rollout.replacePod(4, with: pod)
        #expect(rollout.plan().stalled == nil)
        let late = UpdatePlanner.plan(
            set: rollout.set, pods: rollout.pods, currentRevision: rollout.current, updateRevision: rollout.update,
            revisions: rollout.revisions, now: Fixture.now, nodes: [:], stallTimeoutSeconds: 30)
        #expect(late.stalled?.pod == "web-4")
    }

    struct NodeLossCase: Sendable, CustomTestStringConvertible {
        var name: String
        var health: NodeHealth
        var stickiness: Stickiness
        var reschedules: Bool
        var testDescription: String { name }
    }

    @Test("node loss: Strict waits nodeLossTimeoutSeconds, Preferred moves at once", arguments: [
        NodeLossCase(name: "strict, NotReady 100s", health: .notReady(since: Fixture.now - 100), stickiness: .strict, reschedules: false),
        NodeLossCase(name: "strict, NotReady 300s", health: .notReady(since: Fixture.now - 300), stickiness: .strict, reschedules: true),
        NodeLossCase(name: "preferred, NotReady 1s", health: .notReady(since: Fixture.now - 1), stickiness: .preferred, reschedules: true),
        NodeLossCase(name: "strict, gone", health: .gone, stickiness: .strict, reschedules: true),
        NodeLossCase(name: "strict, ready", health: .ready, stickiness: .strict, reschedules: false),
    ])
    func nodeLoss(_ testCase: NodeLossCase) {
        let set = Fixture.set(placement: Placement(stickiness: testCase.stickiness))
        let revision = Fixture.revision(set)
        let pods = Fixture.pods(set, revision: revision)
        let plan = UpdatePlanner.plan(
            set: set, pods: pods, currentRevision: revision, updateRevision: revision, revisions: [revision],
            now: Fixture.now, nodes: ["sim-2": NodeState(health: testCase.health)])
        #expect(plan.action(forOrdinal: 2)?.isReschedule == testCase.reschedules)
        #expect(plan.changes.count == (testCase.reschedules ? 1 : 0))
    }

    @Test("pods already on the update revision are left alone; extra ordinals are the scaler's")
    func upToDate() {
        let set = Fixture.set(replicas: 3)
        let revision = Fixture.revision(set)
        let pods = Fixture.pods(set, revision: revision, count: 5)
        let plan = UpdatePlanner.plan(
            set: set, pods: pods, currentRevision: revision, updateRevision: revision, revisions: [revision],
            now: Fixture.now, nodes: [:])
        #expect(plan.actions.map(\.ordinal) == [2, 1, 0])
        #expect(plan.changes.isEmpty)
    }
}
