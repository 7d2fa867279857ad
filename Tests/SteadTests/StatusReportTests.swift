import Foundation
import KubeModel
import SteadController
import Testing

@testable import stead

/// `stead status`: how a pod's last update is read back from the pod.
@Suite("stead status")
struct StatusReportTests {
    static func pod(uid: String = "uid-2", revision: String = "web-new", annotations: [String: String]? = nil,
                    gate: PodCondition? = nil) -> Pod {
        var pod = Pod(metadata: ObjectMeta(name: "web-0", namespace: "web"))
        pod.metadata.uid = uid
        pod.metadata.labels = [SteadLabels.revisionHash: revision]
        pod.metadata.annotations = annotations
        if let gate {
            var status = PodStatus(phase: "Running")
            status.conditions = [gate]
            pod.status = status
        }
        return pod
    }

    static func event(_ reason: String, _ message: String, pod: String = "web-0", uid: String, version: Int) -> Event {
        var event = Event(
            metadata: ObjectMeta(name: "\(pod).\(version)", namespace: "web"),
            involvedObject: ObjectReference(apiVersion: "v1", kind: "Pod", namespace: "web", name: pod, uid: uid),
            reason: reason, message: message, type: "Normal")
        event.metadata.resourceVersion = "\(version)"
        event.lastTimestamp = KubeTime(Date(timeIntervalSince1970: 1_000_000))
        return event
    }

    @Test func classifiesEveryKindOfUpdate() {
        func of(_ pod: Pod, _ events: [Event] = []) -> LastUpdate {
            LastUpdate.of(pod, updateRevision: "web-new", events: events)
        }
        let inPlace = Self.event("UpdatedInPlace", "updated in place: image nginx:1.28", uid: "uid-2", version: 10)
        let recreated = Self.event("RecreatedOnSameNode", "recreated on node sim-1: env changed", uid: "uid-1", version: 11)
        let moved = Self.event("Rescheduled", "rescheduled: node sim-1 is gone", uid: "uid-1", version: 12)
        let otherPod = Self.event("UpdatedInPlace", "updated in place: image x", pod: "web-1", uid: "uid-9", version: 13)

        #expect(of(Self.pod(), [inPlace]) == .inPlace("image nginx:1.28"))
        #expect(of(Self.pod(), [inPlace, recreated]) == .sameNode("recreated on node sim-1: env changed"))
        #expect(of(Self.pod(), [moved, inPlace]) == .rescheduled("node sim-1 is gone"))
        #expect(of(Self.pod(), [otherPod]) == .created)
        #expect(of(Self.pod(revision: "web-old"), [otherPod]) == .notUpdated)
        // An in-place event about an earlier incarnation says nothing about this pod.
        #expect(of(Self.pod(uid: "uid-3"), [inPlace]) == .created)
        #expect(of(Self.pod(annotations: [LastUpdate.fallbackAnnotation: "node sim-3 is gone"]), [recreated])
            == .rescheduled("node sim-3 is gone"))
        let gate = PodCondition(type: SteadLabels.inPlaceUpdateReady, status: "False", reason: "InPlaceUpdate", message: "image nginx:1.28")
        #expect(of(Self.pod(revision: "web-old", gate: gate)) == .inPlaceInProgress("image nginx:1.28"))
        #expect(LastUpdate.inPlace("image nginx:1.28").description == "in place (image nginx:1.28)")
    }
}
