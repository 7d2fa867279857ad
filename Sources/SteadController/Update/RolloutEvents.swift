/// An Event the controller records about a decision: on the set, naming the pod (a Warning on the pod too).
public struct RolloutEvent: Sendable, Hashable {
    /// Normal or Warning.
    public var type: String
    public var reason: String
    public var message: String
    /// The pod the event is about, when there is one.
    public var pod: String?
}

/// Every decision visible: "pod web-0 updated in place: image app: nginx:1.25 -> nginx:1.26",
/// "pod web-1 recreated on node sim-17: spec.containers[app].env changed", "pod web-2 rescheduled: node
/// sim-17 NotReady for 300s". The detail follows the first ": ".
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
            return RolloutEvent(
                type: "Normal", reason: "UpdatedInPlace", message: "pod \(planned.pod) updated in place: \(plan.summary)",
                pod: planned.pod)
        case .recreateOnSameNode(let node, let reason):
            return RolloutEvent(
                type: "Normal", reason: "RecreatedOnSameNode", message: "pod \(planned.pod) recreated on node \(node): \(reason)",
                pod: planned.pod)
        case .reschedule(let reason):
            return RolloutEvent(
                type: "Normal", reason: "Rescheduled", message: "pod \(planned.pod) rescheduled: \(reason)", pod: planned.pod)
        case .nothing, .wait, .blocked, .stalled:
            return nil
        }
    }
}
