/// An Event the controller records about a decision: on the set and on the pod.
public struct RolloutEvent: Sendable, Hashable {
    /// Normal or Warning.
    public var type: String
    public var reason: String
    public var message: String
    /// The pod the event is about, when there is one.
    public var pod: String?
}

/// Every decision visible: "updated in place: image app: nginx:1.25 -> nginx:1.26",
/// "recreated on node sim-17: spec.containers[app].env changed", "rescheduled: node sim-17 NotReady for 300s".
public enum RolloutEvents {
    public static func events(for plan: UpdatePlan) -> [RolloutEvent] {
        var events = plan.actions.compactMap(event(for:))
        if let blocked = plan.blocked {
            events.append(RolloutEvent(type: "Warning", reason: "RolloutBlocked", message: blocked.message, pod: blocked.pod))
        }
        if let stalled = plan.stalled {
            events.append(RolloutEvent(type: "Warning", reason: "RolloutStalled", message: stalled.message, pod: stalled.pod))
        }
        return events
    }

    public static func event(for planned: PlannedPodAction) -> RolloutEvent? {
        switch planned.action {
        case .updateInPlace(let plan):
            return RolloutEvent(type: "Normal", reason: "UpdatedInPlace", message: "updated in place: \(plan.summary)",
                                pod: planned.pod)
        case .recreateOnSameNode(let node, let reason):
            return RolloutEvent(type: "Normal", reason: "RecreatedOnSameNode",
                                message: "recreated on node \(node): \(reason)", pod: planned.pod)
        case .reschedule(let reason):
            return RolloutEvent(type: "Normal", reason: "Rescheduled", message: "rescheduled: \(reason)", pod: planned.pod)
        case .nothing, .wait, .blocked, .stalled:
            return nil
        }
    }
}
