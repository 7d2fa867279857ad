import KubeModel

/// What the controller does to one pod in this reconcile.
public enum PodUpdateAction: Sendable, Hashable {
    /// The pod is where it should be (or below the partition, or left to whoever deletes it).
    case nothing
    /// Readiness gate False, wait `inPlaceGracePeriodSeconds`, patch, resize, gate True when running.
    case updateInPlace(InPlacePlan)
    /// Reserve the node through the scheduler's sticky path, then delete; the new pod returns there.
    case recreateOnSameNode(node: String, reason: String)
    /// Delete; the new pod is scheduled anew.
    case reschedule(reason: String)
    /// Not now: paused, maxUnavailable reached, a pod above still updating, terminating.
    case wait(reason: String)
    /// InPlaceOnly and the change needs a new pod: the rollout stops; the fields go in the RolloutBlocked
    /// condition and an Event.
    case blocked(fields: [String])
    /// This pod runs the update revision and does not become Ready: the rollout stops here.
    case stalled(reason: String)

    /// Whether the controller changes the pod.
    public var changesPod: Bool {
        switch self {
        case .updateInPlace, .recreateOnSameNode, .reschedule: return true
        case .nothing, .wait, .blocked, .stalled: return false
        }
    }
}

public struct PlannedPodAction: Sendable, Hashable {
    public var pod: String
    public var ordinal: Int
    public var action: PodUpdateAction

    public init(pod: String, ordinal: Int, action: PodUpdateAction) {
        self.pod = pod
        self.ordinal = ordinal
        self.action = action
    }
}

/// The update planner's answer: one action per existing pod, highest ordinal first.
public struct UpdatePlan: Sendable, Hashable {
    public var actions: [PlannedPodAction]
    /// Set when an InPlaceOnly rollout meets a change that needs a new pod.
    public var blocked: BlockedRollout?
    /// Set when a pod on the update revision does not become Ready.
    public var stalled: StalledRollout?

    /// Only the actions that change a pod, in the order to apply them.
    public var changes: [PlannedPodAction] { actions.filter { $0.action.changesPod } }

    public func action(forOrdinal ordinal: Int) -> PodUpdateAction? {
        actions.first { $0.ordinal == ordinal }?.action
    }
}

public struct BlockedRollout: Sendable, Hashable {
    public var pod: String
    public var fields: [String]

    public var message: String {
        "pod \(pod) cannot be updated in place (podUpdatePolicy InPlaceOnly): changed \(fields.joined(separator: ", "))"
    }
}

public struct StalledRollout: Sendable, Hashable {
    public var pod: String
    public var reason: String

    public var message: String { "rollout stalled at pod \(pod): \(reason)" }
}
