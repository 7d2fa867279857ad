import Foundation
import KubeModel
import Testing
@testable import SteadController

@Suite("Status")
struct StatusTests {
    @Test("counts: replicas, ready, available (minReadySeconds), current, updated")
    func counts() {
        var rollout = Fixture.rollout(to: Fixture.template(containers: [Fixture.container(image: "nginx:1.26")]), minReadySeconds: 30)
        rollout.replacePod(4, with: Fixture.pod(rollout.set, ordinal: 4, revision: rollout.update, readiness: .ready(since: Fixture.now - 5)))
        rollout.replacePod(3, with: Fixture.pod(rollout.set, ordinal: 3, revision: rollout.current, readiness: .notReady))
        let status = StatusCalculator.compute(StatusInputs(
            set: rollout.set, pods: rollout.pods, currentRevision: rollout.current.name,
            updateRevision: rollout.update.name, collisionCount: 0, now: Fixture.now))
        #expect(status.replicas == 5)
        #expect(status.readyReplicas == 4)
        #expect(status.availableReplicas == 3)
        #expect(status.updatedReplicas == 1)
        #expect(status.currentReplicas == 4)
        #expect(status.currentRevision == rollout.current.name)
        #expect(status.updateRevision == rollout.update.name)
        #expect(status.observedGeneration == 1)
        #expect(status.selector == "app=web")
        #expect(status.condition(.progressing)?.reason == "RollingUpdate")
    }

    @Test("a complete rollout promotes the update revision to current")
    func complete() {
        let set = Fixture.set()
        let revision = Fixture.revision(set)
        let status = StatusCalculator.compute(StatusInputs(
            set: set, pods: Fixture.pods(set, revision: revision), currentRevision: "web-old",
            updateRevision: revision.name, now: Fixture.now))
        #expect(status.currentRevision == revision.name)
        #expect(status.currentReplicas == 5)
        #expect(status.condition(.progressing)?.reason == "RolloutComplete")
        #expect(status.condition(.available)?.status == "True")
    }

    @Test("conditions: Invalid, Paused, RolloutBlocked, stalled")
    func conditions() {
        var rollout = Fixture.rollout(to: Fixture.template(containers: [Fixture.container(env: ["A": "1"])]),
                                      rolling: RollingUpdateStrategy(podUpdatePolicy: .inPlaceOnly))
        let plan = rollout.plan()
        let errors = [FieldError("spec.replicas", "must be greater than or equal to 0")]
        let status = StatusCalculator.compute(StatusInputs(
            set: rollout.set, pods: rollout.pods, currentRevision: rollout.current.name,
            updateRevision: rollout.update.name, now: Fixture.now, validationErrors: errors, updatePlan: plan))
        #expect(status.condition(.invalid)?.status == "True")
        #expect(status.condition(.invalid)?.message == "spec.replicas: must be greater than or equal to 0")
        // Its pods are all there and ready, but a set that cannot run is never reported available.
        #expect(status.condition(.available)?.status == "False")
        #expect(status.condition(.available)?.reason == "InvalidSpec")
        #expect(status.condition(.rolloutBlocked)?.status == "True")
        #expect(status.condition(.rolloutBlocked)?.message?.contains("spec.containers[app].env") == true)
        #expect(status.condition(.paused)?.status == "False")

        rollout.set.spec.updateStrategy?.rollingUpdate?.paused = true
        let paused = StatusCalculator.compute(StatusInputs(
            set: rollout.set, pods: rollout.pods, currentRevision: rollout.current.name,
            updateRevision: rollout.update.name, now: Fixture.now))
        #expect(paused.condition(.paused)?.status == "True")
        #expect(paused.condition(.progressing)?.status == "Unknown")
    }

    @Test("transition times are kept while a condition's status does not change")
    func transitionTimes() {
        var set = Fixture.set()
        let revision = Fixture.revision(set)
        let pods = Fixture.pods(set, revision: revision)
        let first = StatusCalculator.compute(StatusInputs(set: set, pods: pods, currentRevision: revision.name,
                                                          updateRevision: revision.name, now: Fixture.now))
        set.status = first
        let later = Fixture.now + 600
        set.spec.updateStrategy = UpdateStrategy(rollingUpdate: RollingUpdateStrategy(paused: true))
        let second = StatusCalculator.compute(StatusInputs(set: set, pods: pods, currentRevision: revision.name,
                                                           updateRevision: revision.name, now: later))
        #expect(second.condition(.invalid)?.lastTransitionTime == KubeTime(Fixture.now))
        #expect(second.condition(.paused)?.lastTransitionTime == KubeTime(later))
    }
}

/// Which status changes wait for the next counts write and which go out at once.
@Suite("Status writes")
struct StatusWriteTests {
    static func status(ready: Int32, updated: Int32, revision: String = "web-2", message: String = "") -> StatefulPodSetStatus {
        var status = StatefulPodSetStatus(replicas: 3)
        status.observedGeneration = 2
        status.readyReplicas = ready
        status.availableReplicas = ready
        status.updatedReplicas = updated
        status.currentRevision = "web-1"
        status.updateRevision = revision
        status.conditions = [StatefulPodSetCondition(type: "Available", status: "True", reason: "MinimumReplicasAvailable", message: message)]
        return status
    }

    @Test func countsAloneWaitUntilEveryReplicaIsCounted() {
        let before = Self.status(ready: 3, updated: 1, message: "3 of 3")
        #expect(StatusWriter.onlyCountsMoved(from: before, to: Self.status(ready: 2, updated: 1, message: "2 of 3"), desired: 3))
        #expect(StatusWriter.onlyCountsMoved(from: before, to: Self.status(ready: 3, updated: 2, message: "3 of 3"), desired: 3))
        // Everything counted: at once, so that the end of a rollout is seen when it happens.
        #expect(!StatusWriter.onlyCountsMoved(from: before, to: Self.status(ready: 3, updated: 3), desired: 3))
    }

    @Test func anyOtherChangeGoesOutAtOnce() {
        let before = Self.status(ready: 3, updated: 1)
        #expect(!StatusWriter.onlyCountsMoved(from: nil, to: before, desired: 3))
        #expect(!StatusWriter.onlyCountsMoved(from: before, to: Self.status(ready: 2, updated: 1, revision: "web-3"), desired: 3))
        var pending = Self.status(ready: 2, updated: 1)
        pending.pendingReplacements = ["web-2": PendingReplacement(uid: "u", marker: "web-2/SameNode")]
        #expect(!StatusWriter.onlyCountsMoved(from: before, to: pending, desired: 3))
        var unavailable = Self.status(ready: 2, updated: 1)
        unavailable.conditions?[0].status = "False"
        #expect(!StatusWriter.onlyCountsMoved(from: before, to: unavailable, desired: 3))
    }
}
