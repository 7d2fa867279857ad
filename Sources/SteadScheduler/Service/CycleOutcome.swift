import KubeModel

/// What one pass over a queued pod decided, for the service to act on (the core does no I/O).
struct CycleOutcome: Sendable {
    enum Decision: Sendable {
        case bind(BindRequest)
        /// No node fits; `report` is set when the diagnosis differs from the one last written.
        case unschedulable(pod: Pod, message: String, report: Bool)
        /// A replacement waits for its lost home node (Strict stickiness); `report` is set the first
        /// time, for the Event.
        case waitForHomeNode(pod: Pod, message: String, report: Bool)
    }

    var decision: Decision
    /// Set the first time a replacement pod cannot go back to its node: why, for the Event and annotation.
    var fallbackMessage: String?

    /// The pod decided about.
    var pod: Pod {
        switch decision {
        case .bind(let request): request.pod
        case .unschedulable(let pod, _, _): pod
        case .waitForHomeNode(let pod, _, _): pod
        }
    }
}

/// A pod assumed on a node, to be bound there.
struct BindRequest: Sendable {
    var pod: Pod
    var node: String
    /// Placed by the sticky path (back on its previous node, without scoring).
    var sticky: Bool
    var key: String { pod.key }
}
