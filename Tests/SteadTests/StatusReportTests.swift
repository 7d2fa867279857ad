import Foundation
import KubeModel
import SteadAPI
import SteadController
import Testing

@testable import stead

/// `stead status`: how a pod's last update is read back from the pod.
@Suite("stead status")
struct StatusReportTests {
    static func pod(revision: String = "web-new", marker: String? = nil, annotations: [String: String] = [:],
                    gate: PodCondition? = nil) -> Pod {
        var pod = Pod(metadata: ObjectMeta(name: "web-0", namespace: "web"))
        pod.metadata.labels = [SteadKeys.revisionHash: revision]
        var annotations = annotations
        annotations[SteadKeys.updatedBy] = marker
        pod.metadata.annotations = annotations
        if let gate {
            var status = PodStatus(phase: "Running")
            status.conditions = [gate]
            pod.status = status
        }
        return pod
    }

    /// An Event of the controller's, on the set.
    static func event(_ reason: String, _ message: String, version: Int) -> Event {
        var event = Event(
            metadata: ObjectMeta(name: "web.\(version)", namespace: "web"),
            involvedObject: ObjectReference(apiVersion: "stead.dev/v1alpha1", kind: "StatefulPodSet", namespace: "web", name: "web"),
            reason: reason, message: message, type: "Normal")
        event.metadata.resourceVersion = "\(version)"
        event.lastTimestamp = KubeTime(Date(timeIntervalSince1970: 1_000_000))
        return event
    }

    @Test func classifiesEveryKindOfUpdateFromThePodsMarker() {
        func of(_ pod: Pod, _ events: [Event] = []) -> LastUpdate {
            LastUpdate.of(pod, updateRevision: "web-new", events: events)
        }
        let inPlace = Self.event("UpdatedInPlace", "pod web-0 updated in place: image nginx:1.28", version: 10)
        let newerInPlace = Self.event("UpdatedInPlace", "pod web-0 updated in place: image nginx:1.29", version: 14)
        let recreated = Self.event("RecreatedOnSameNode", "pod web-0 recreated on node sim-1: env changed", version: 11)
        let moved = Self.event("Rescheduled", "pod web-0 rescheduled: node sim-1 is gone", version: 12)
        let otherPod = Self.event("UpdatedInPlace", "pod web-01 updated in place: image x", version: 13)

        #expect(of(Self.pod(marker: "web-new/InPlace"), [inPlace, otherPod]) == .inPlace("image nginx:1.28"))
        #expect(of(Self.pod(marker: "web-new/InPlace"), [newerInPlace, inPlace]) == .inPlace("image nginx:1.29"))
        #expect(of(Self.pod(marker: "web-new/InPlace"), [otherPod]) == .inPlace(""))
        #expect(of(Self.pod(marker: "web-new/SameNode"), [inPlace, recreated]) == .sameNode("env changed"))
        #expect(of(Self.pod(marker: "web-new/Rescheduled:NodeGone"), [moved, inPlace]) == .rescheduled("node sim-1 is gone"))
        #expect(of(Self.pod(marker: "web-new/Rescheduled:NodeGone")) == .rescheduled("NodeGone"))
        // Created at the update revision (a scale-up), or marked for an earlier rollout.
        #expect(of(Self.pod(), [inPlace]) == .created)
        #expect(of(Self.pod(marker: "web-old/InPlace"), [inPlace]) == .created)
        #expect(of(Self.pod(revision: "web-old", marker: "web-old/InPlace")) == .notUpdated)
        // The scheduler's annotation already says "rescheduled: ": it is not said twice.
        let fallback = Self.pod(annotations: [SteadKeys.placementFallback: "rescheduled: node sim-3 is gone"])
        #expect(of(fallback, [recreated]) == .rescheduled("node sim-3 is gone"))
        #expect(LastUpdate.rescheduled("node sim-3 is gone").description == "rescheduled: node sim-3 is gone")
        let gate = PodCondition(type: SteadKeys.inPlaceUpdateReady, status: "False", reason: "InPlaceUpdate", message: "image nginx:1.28")
        #expect(of(Self.pod(revision: "web-old", gate: gate)) == .inPlaceInProgress("image nginx:1.28"))
        #expect(LastUpdate.inPlace("image nginx:1.28").description == "in place (image nginx:1.28)")
    }
}
