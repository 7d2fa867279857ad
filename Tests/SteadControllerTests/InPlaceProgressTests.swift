import Foundation
import KubeModel
import SteadAPI
import Testing
@testable import SteadController

@Suite("Graceful in-place steps and events")
struct InPlaceProgressTests {
    static func pod(revision: String, gate: String?, gateSince: Date = Fixture.now - 5, image: String = "nginx:1.26",
                    running: String = "docker.io/library/nginx:1.26", ready: Bool = true) -> Pod {
        var pod = Pod(metadata: ObjectMeta(name: "web-4", labels: [SteadKeys.revisionHash: revision]),
                      spec: PodSpec(containers: [Container(name: "app", image: image)]))
        var status = PodStatus(phase: "Running")
        if let gate {
            status.conditions = [PodCondition(type: SteadKeys.inPlaceUpdateReady, status: gate,
                                              lastTransitionTime: KubeTime(gateSince))]
        }
        status.containerStatuses = [ContainerStatus(name: "app", image: running, ready: ready)]
        pod.status = status
        return pod
    }

    struct Row: Sendable, CustomTestStringConvertible {
        var name: String
        var pod: Pod
        var step: InPlaceStep
        var testDescription: String { name }
    }

    static let rows: [Row] = [
        Row(name: "gate True on old revision: mark not ready", pod: pod(revision: "old", gate: "True"), step: .markNotReady),
        Row(name: "no gate yet: mark not ready", pod: pod(revision: "old", gate: nil), step: .markNotReady),
        Row(name: "gate False 5s of 30s: wait", pod: pod(revision: "old", gate: "False"), step: .waitGracePeriod(remainingSeconds: 25)),
        Row(name: "gate False 40s: patch", pod: pod(revision: "old", gate: "False", gateSince: Fixture.now - 40), step: .patch),
        Row(name: "patched, old image running", pod: pod(revision: "new", gate: "False", running: "nginx:1.25"),
            step: .waitForKubelet(reason: "container app runs nginx:1.25, not nginx:1.26")),
        Row(name: "patched, new image not ready", pod: pod(revision: "new", gate: "False", ready: false),
            step: .waitForKubelet(reason: "container app not ready")),
        Row(name: "patched, new image ready: mark ready", pod: pod(revision: "new", gate: "False"), step: .markReady),
        Row(name: "done", pod: pod(revision: "new", gate: "True"), step: .done),
    ]

    @Test("next step", arguments: rows)
    func steps(_ row: Row) {
        #expect(InPlaceProgress.nextStep(pod: row.pod, updateRevision: "new", gracePeriodSeconds: 30, now: Fixture.now) == row.step)
    }

    @Test("readiness condition body for pods/status")
    func conditionBody() {
        let body = InPlaceProgress.readinessCondition(ready: false, reason: "InPlaceUpdating", now: Fixture.now)
        let condition = body[path: ["status", "conditions"]]?.arrayValue?.first
        #expect(condition?["type"] == .string(SteadKeys.inPlaceUpdateReady))
        #expect(condition?["status"] == "False")
    }

    /// No grace period: nothing to drain, the patch goes out with the gate left True; until the kubelet
    /// runs the new image the pod is neither ready nor available, even while its Ready condition says True.
    @Test func withoutAGracePeriodThePatchGoesOutAtOnce() {
        let old = Self.pod(revision: "old", gate: "True")
        #expect(InPlaceProgress.nextStep(pod: old, updateRevision: "new", gracePeriodSeconds: 0, now: Fixture.now) == .patch)
        var patched = Self.pod(revision: "new", gate: "True", image: "nginx:1.27", running: "nginx:1.26")
        patched.status?.conditions?.append(PodCondition(type: "Ready", status: "True", lastTransitionTime: KubeTime(Fixture.now - 60)))
        // Nothing left for the controller (the gate never went down); the kubelet's turn holds the rollout.
        #expect(InPlaceProgress.nextStep(pod: patched, updateRevision: "new", gracePeriodSeconds: 0, now: Fixture.now) == .done)
        #expect(InPlaceProgress.kubeletPending(patched) == "container app runs nginx:1.26, not nginx:1.27")
        #expect(!patched.isRunningAndReady && !patched.isAvailable(minReadySeconds: 0, now: Fixture.now))
        var caughtUp = patched
        caughtUp.status?.containerStatuses = [ContainerStatus(name: "app", image: "nginx:1.27", ready: true)]
        #expect(caughtUp.isRunningAndReady && caughtUp.isAvailable(minReadySeconds: 0, now: Fixture.now))
    }

    @Test("events name what happened")
    func events() {
        let rollout = Fixture.rollout(to: Fixture.template(containers: [Fixture.container(image: "nginx:1.26")]),
                                      rolling: RollingUpdateStrategy(maxUnavailable: .int(5)))
        var plan = rollout.plan()
        plan.actions[1].action = .recreateOnSameNode(node: "sim-17", reason: "spec.containers[app].env changed")
        plan.actions[2].action = .reschedule(reason: "node sim-17 NotReady for 300s")
        let messages = RolloutEvents.events(for: plan).map(\.message)
        #expect(messages.prefix(3) == [
            "pod web-4 updated in place: image app: nginx:1.25 -> nginx:1.26",
            "pod web-3 recreated on node sim-17: spec.containers[app].env changed",
            "pod web-2 rescheduled: node sim-17 NotReady for 300s",
        ])
    }
}
