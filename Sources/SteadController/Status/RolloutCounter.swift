/// The rollout counts in the status: the controller records each pod action it carried out.
public enum RolloutCounter {
    /// The status with one more pod counted for `action` (in place, same node, or rescheduled with its reason).
    public static func recording(_ action: PodUpdateAction, in status: StatefulPodSetStatus) -> StatefulPodSetStatus {
        var status = status
        switch action {
        case .updateInPlace:
            status.updatedInPlace = (status.updatedInPlace ?? 0) + 1
        case .recreateOnSameNode:
            status.recreatedOnSameNode = (status.recreatedOnSameNode ?? 0) + 1
        case .reschedule(let reason):
            status.rescheduled = (status.rescheduled ?? 0) + 1
            let category = category(of: reason)
            var reasons = status.rescheduleReasons ?? [:]
            reasons[category, default: 0] += 1
            status.rescheduleReasons = reasons
        case .nothing, .wait, .blocked, .stalled:
            break
        }
        return status
    }

    /// A new update revision starts a new rollout: its counts start at zero.
    public static func reset(_ status: StatefulPodSetStatus) -> StatefulPodSetStatus {
        var status = status
        status.updatedInPlace = 0
        status.recreatedOnSameNode = 0
        status.rescheduled = 0
        status.rescheduleReasons = nil
        return status
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
