/// Where a pod goes back to after an update or when its node fails.
public struct Placement: Codable, Sendable, Hashable {
    /// How long a pod waits for its NotReady node before it is placed elsewhere (Strict stickiness).
    public var nodeLossTimeoutSeconds: Int32?
    public var stickiness: Stickiness?

    public init(nodeLossTimeoutSeconds: Int32? = nil, stickiness: Stickiness? = nil) {
        self.nodeLossTimeoutSeconds = nodeLossTimeoutSeconds
        self.stickiness = stickiness
    }
}

/// Strict: wait `nodeLossTimeoutSeconds` for a lost node; Preferred: move at once.
public struct Stickiness: OpenEnum {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    public static let strict = Stickiness(rawValue: "Strict")
    public static let preferred = Stickiness(rawValue: "Preferred")
    public static var allowed: [Stickiness] { [.strict, .preferred] }
}
