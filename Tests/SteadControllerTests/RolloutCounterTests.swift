import Foundation
import KubeModel
@testable import SteadController
import SteadAPI
import Testing

/// The status counts are derived from the pods' `stead.dev/updated-by` markers and the status's pending
/// replacements, so a restarted controller neither loses nor doubles one.
@Suite("rollout counter")
struct RolloutCounterTests {
    static let update = "web-new"

    @Test func markersRoundTripAndJunkIsIgnored() {
        let markers = [
            RolloutMarker(revision: "web-a", path: .inPlace), RolloutMarker(revision: "web-a", path: .sameNode),
            RolloutMarker(revision: "web-a", path: .rescheduled(category: "NodeLost")),
        ]
        #expect(markers.map(\.annotation) == ["web-a/InPlace", "web-a/SameNode", "web-a/Rescheduled:NodeLost"])
        #expect(markers.map { RolloutMarker(annotation: $0.annotation) } == markers)
        for junk in ["", "web-a", "/InPlace", "web-a/Moved", "web-a/Rescheduled:"] {
            #expect(RolloutMarker(annotation: junk) == nil, "\(junk)")
        }
        #expect(RolloutMarker(action: .reschedule(reason: "podUpdatePolicy Recreate"), revision: "r")?.annotation
            == "r/Rescheduled:RecreatePolicy")
        #expect(RolloutMarker(action: .wait(reason: "paused"), revision: "r") == nil)
    }

    @Test func countsComeFromTheMarkersOfTheUpdateRevision() {
        let set = Fixture.set(replicas: 6)
        var pods = (0..<6).map { Self.pod(set, ordinal: $0) }
        pods[0] = Self.marked(pods[0], "web-old/InPlace")
        pods[1] = Self.marked(pods[1], "web-new/InPlace")
        pods[2] = Self.marked(pods[2], "web-new/InPlace")
        pods[3] = Self.marked(pods[3], "web-new/SameNode")
        pods[4] = Self.marked(pods[4], "web-new/Rescheduled:NodeLost")
        let status = Self.counted(set: set, pods: pods)
        #expect(status.updatedInPlace == 2 && status.recreatedOnSameNode == 1 && status.rescheduled == 1)
        #expect(status.rescheduleReasons == ["NodeLost": 1])
        #expect(status.pendingReplacements == nil)

        let scaledDown = Self.counted(set: set, pods: Array(pods.prefix(4)))
        #expect(scaledDown.updatedInPlace == 2 && scaledDown.recreatedOnSameNode == 1 && scaledDown.rescheduled == 0)
        #expect(scaledDown.rescheduleReasons == nil)
        #expect(Self.counted(set: set, pods: pods, revision: "web-newer").updatedInPlace == 0)
    }

    /// Pass by pass, as the controller goes: recorded before the delete, counted from the delete on (even
    /// by a restarted controller, which reads only the status and the pods), counted once by the successor.
    @Test func aReplacementIsCountedFromItsDeleteOnAndOnce() {
        var set = Fixture.set(replicas: 2)
        let old = Self.pod(set, ordinal: 1)
        let plan = Self.plan(ordinal: 1, .recreateOnSameNode(node: "sim-1", reason: "env changed"))

        set.status = Self.counted(set: set, pods: [old], plan: plan)
        let intent = PendingReplacement(uid: "pod-uid-1", marker: "web-new/SameNode")
        #expect(set.status?.pendingReplacements == ["web-1": intent])
        #expect(set.status?.recreatedOnSameNode == 0, "recorded, not yet deleted")

        var terminating = old
        terminating.metadata.deletionTimestamp = KubeTime(Fixture.now)
        set.status = Self.counted(set: set, pods: [terminating])
        #expect(set.status?.recreatedOnSameNode == 1)
        set.status = Self.counted(set: set, pods: [])
        #expect(set.status?.recreatedOnSameNode == 1 && set.status?.pendingReplacements == ["web-1": intent])

        let marker = ScaleExecutor.successorMarker(of: "web-1", revision: Self.update, status: set.status)
        #expect(marker == "web-new/SameNode")
        #expect(ScaleExecutor.successorMarker(of: "web-0", revision: Self.update, status: set.status) == nil)
        var successor = Self.marked(Self.pod(set, ordinal: 1), marker ?? "")
        successor.metadata.uid = "pod-uid-1b"
        set.status = Self.counted(set: set, pods: [successor])
        #expect(set.status?.recreatedOnSameNode == 1 && set.status?.pendingReplacements == nil)
    }

    @Test func aPodReplacedTwiceCountsOnceForItsLatestPath() {
        var set = Fixture.set(replicas: 2)
        var first = Self.marked(Self.pod(set, ordinal: 1), "web-new/SameNode")
        first.metadata.uid = "pod-uid-1b"
        set.status = Self.counted(
            set: set, pods: [first], plan: Self.plan(ordinal: 1, .reschedule(reason: "node sim-1 is gone")))
        #expect(set.status?.recreatedOnSameNode == 1 && set.status?.rescheduled == 0)
        first.metadata.deletionTimestamp = KubeTime(Fixture.now)
        set.status = Self.counted(set: set, pods: [first])
        #expect(set.status?.recreatedOnSameNode == 0 && set.status?.rescheduled == 1)
        #expect(set.status?.rescheduleReasons == ["NodeLost": 1])
    }

    @Test func aReplacementNoLongerPlannedOrOfAnotherRevisionOrScaledAwayIsForgotten() {
        var set = Fixture.set(replicas: 2)
        let pods = [Self.pod(set, ordinal: 0), Self.pod(set, ordinal: 1)]
        set.status = StatefulPodSetStatus(replicas: 2)
        set.status?.pendingReplacements = [
            "web-0": PendingReplacement(uid: "pod-uid-0", marker: "web-new/SameNode"),
            "web-1": PendingReplacement(uid: "pod-uid-1", marker: "web-old/SameNode"),
            "web-2": PendingReplacement(uid: "pod-uid-2", marker: "web-new/SameNode"),
            "web-3": PendingReplacement(uid: "pod-uid-3", marker: "garbage"),
        ]
        let status = Self.counted(set: set, pods: pods)
        #expect(status.pendingReplacements == nil)
        #expect(status.recreatedOnSameNode == 0)
    }

    /// The in-place patch carries the marker beside the pod's other changes; a marked pod does not look
    /// changed to the planner.
    @Test func theInPlaceMarkerRidesOnThePatchAndChangesNoPlan() {
        let patch: JSONValue = ["metadata": ["labels": ["a": "b"], "annotations": ["x": "y"]], "spec": ["containers": []]]
        let marked = patch.withAnnotation(SteadKeys.updatedBy, "web-new/InPlace")
        #expect(marked[path: ["metadata", "annotations"]] == ["x": "y", SteadKeys.updatedBy: "web-new/InPlace"])
        #expect(marked[path: ["metadata", "labels"]] == ["a": "b"] && marked["spec"] == patch["spec"])

        var rollout = Fixture.rollout(to: Fixture.template(containers: [Fixture.container(image: "nginx:1.26")]))
        let before = rollout.plan()
        #expect(before.changes.count == 1 && before.changes.allSatisfy(\.action.isInPlace))
        for (index, pod) in rollout.pods.enumerated() {
            rollout.replacePod(index, with: Self.marked(pod, "web-x/InPlace"))
        }
        #expect(rollout.plan() == before)
    }

    // MARK: Fixture

    static func pod(_ set: StatefulPodSet, ordinal: Int) -> Pod {
        var pod = Fixture.pod(set, ordinal: ordinal, revision: Fixture.revision(set))
        pod.metadata.labels?[SteadKeys.revisionHash] = update
        return pod
    }

    static func marked(_ pod: Pod, _ marker: String) -> Pod {
        var pod = pod
        pod.metadata.annotations = (pod.metadata.annotations ?? [:]).merging(
            [SteadKeys.updatedBy: marker], uniquingKeysWith: { _, new in new })
        return pod
    }

    static func plan(ordinal: Int, _ action: PodUpdateAction) -> UpdatePlan {
        UpdatePlan(actions: [PlannedPodAction(pod: "web-\(ordinal)", ordinal: ordinal, action: action)])
    }

    static func counted(
        set: StatefulPodSet, pods: [Pod], plan: UpdatePlan? = nil, revision: String = update
    ) -> StatefulPodSetStatus {
        StatusCalculator.compute(
            StatusInputs(set: set, pods: pods, currentRevision: "web-old", updateRevision: revision, now: Fixture.now,
                         updatePlan: plan))
    }
}
