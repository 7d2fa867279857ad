import KubeModel

/// How long a replacement pod waits for its lost home node before it is placed elsewhere: its set's
/// `spec.placement`, copied by the controller into two pod annotations. A pod without them (no Stead set
/// behind it) has no policy and moves at once.
public struct NodeLossPolicy: Sendable, Hashable {
    /// Strict waits for the node; Preferred moves at once.
    public var strict: Bool
    public var timeoutSeconds: Int

    public init(strict: Bool, timeoutSeconds: Int) {
        self.strict = strict
        self.timeoutSeconds = max(0, timeoutSeconds)
    }

    /// Strict with a timeout: a zero timeout moves at once too.
    public var waits: Bool { strict && timeoutSeconds > 0 }

    /// The pod's policy; nil when it carries none.
    public init?(pod: Pod) {
        let annotations = pod.metadata.annotations ?? [:]
        guard let stickiness = annotations[SteadKeys.stickiness] else { return nil }
        let timeout = annotations[SteadKeys.nodeLossTimeoutSeconds].flatMap { Int($0) } ?? 0
        self.init(strict: stickiness == Self.strictValue, timeoutSeconds: timeout)
    }

    /// The annotations that carry the policy on a pod.
    public var annotations: [String: String] {
        [
            SteadKeys.stickiness: strict ? Self.strictValue : Self.preferredValue,
            SteadKeys.nodeLossTimeoutSeconds: String(timeoutSeconds),
        ]
    }

    public var summary: String {
        strict ? "stickiness Strict, nodeLossTimeoutSeconds \(timeoutSeconds)" : "stickiness Preferred"
    }

    static let strictValue = "Strict"
    static let preferredValue = "Preferred"
}
