import KubeModel
import SteadAPI

extension RolloutMarker {
    /// The marker for a pod action of the rollout to `revision`; nil for actions that change no pod.
    public init?(action: PodUpdateAction, revision: String) {
        switch action {
        case .updateInPlace: self.init(revision: revision, path: .inPlace)
        case .recreateOnSameNode: self.init(revision: revision, path: .sameNode)
        case .reschedule(let reason): self.init(revision: revision, path: .rescheduled(category: RolloutCounter.category(of: reason)))
        case .nothing, .wait, .blocked, .stalled: return nil
        }
    }
}

/// The rollout counts in the status, derived from the pods (never kept in memory): a pod counts for
/// the marker it carries for the update revision; a pod deleted to be replaced counts, until its
/// successor exists, for the status's pending replacement (written before the delete). Each pod name
/// counts once, for the latest way it got to the revision.
public enum RolloutCounter {
    /// `status` with `pendingReplacements` for this pass and the counts derived from `pods` and them.
    public static func counting(
        set: StatefulPodSet, pods: [Pod], plan: UpdatePlan?, revision: String, in status: StatefulPodSetStatus
    ) -> StatefulPodSetStatus {
        let pending = pendingReplacements(
            previous: status.pendingReplacements ?? [:], set: set, pods: pods, plan: plan, revision: revision)
        var status = status
        status.pendingReplacements = pending.isEmpty ? nil : pending
        let markers = markers(pods: pods, pending: pending, revision: revision)
        status.updatedInPlace = Int32(markers.filter { $0.path == .inPlace }.count)
        status.recreatedOnSameNode = Int32(markers.filter { $0.path == .sameNode }.count)
        var reasons: [String: Int32] = [:]
        for case .rescheduled(let category) in markers.map(\.path) { reasons[category, default: 0] += 1 }
        status.rescheduled = reasons.values.reduce(0, +)
        status.rescheduleReasons = reasons.isEmpty ? nil : reasons
        return status
    }

    /// One marker per pod name: the live pod's, else (the pod deleted or terminating) its pending replacement's.
    static func markers(pods: [Pod], pending: [String: PendingReplacement], revision: String) -> [RolloutMarker] {
        let byName = Dictionary(pods.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        var result: [RolloutMarker] = []
        for name in Set(byName.keys).union(pending.keys) {
            let pod = byName[name]
            if let pod, !pod.isTerminating {
                if let marker = RolloutMarker(of: pod), marker.revision == revision { result.append(marker) }
            } else if let entry = pending[name], pod == nil || pod?.metadata.uid == entry.uid,
                let marker = RolloutMarker(annotation: entry.marker), marker.revision == revision
            {
                result.append(marker)
            }
        }
        return result
    }

    /// The replacements under way after this pass: those still waiting for their successor, and those the
    /// plan asks for now (recorded before their delete, so a restarted controller still counts them).
    static func pendingReplacements(
        previous: [String: PendingReplacement], set: StatefulPodSet, pods: [Pod], plan: UpdatePlan?, revision: String
    ) -> [String: PendingReplacement] {
        let byName = Dictionary(pods.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        let replicas = set.spec.withDefaults().effectiveReplicas
        var next = previous.filter { name, entry in
            guard RolloutMarker(annotation: entry.marker)?.revision == revision else { return false }
            guard let pod = byName[name] else { return (set.ordinal(ofPodNamed: name) ?? replicas) < replicas }
            return pod.metadata.uid == entry.uid && pod.isTerminating
        }
        for planned in plan?.changes ?? [] {
            guard let pod = byName[planned.pod], let intent = intent(for: planned.action, pod: pod, revision: revision)
            else { continue }
            next[planned.pod] = intent
        }
        return next
    }

    /// What the status records before `pod` is deleted for `action`; nil for an in-place update.
    public static func intent(for action: PodUpdateAction, pod: Pod, revision: String) -> PendingReplacement? {
        guard let uid = pod.metadata.uid, let marker = RolloutMarker(action: action, revision: revision),
            marker.path != .inPlace
        else { return nil }
        return PendingReplacement(uid: uid, marker: marker.annotation)
    }

    /// A short key for a reschedule reason: NodeLost, NodeSelectorMismatch, NotOnNode, RecreatePolicy, Other.
    public static func category(of reason: String) -> String {
        if reason.contains("NotReady for") || reason.contains("is gone") { return "NodeLost" }
        if reason.contains("no longer matches") { return "NodeSelectorMismatch" }
        if reason.contains("not on a node") { return "NotOnNode" }
        if reason.contains("podUpdatePolicy Recreate") { return "RecreatePolicy" }
        return "Other"
    }
}
