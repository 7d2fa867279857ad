import KubeModel

public struct UpdateStrategy: Codable, Sendable, Hashable {
    public var type: UpdateStrategyType?
    public var rollingUpdate: RollingUpdateStrategy?

    public init(type: UpdateStrategyType? = nil, rollingUpdate: RollingUpdateStrategy? = nil) {
        self.type = type
        self.rollingUpdate = rollingUpdate
    }
}

/// RollingUpdate: the controller updates pods; OnDelete: pods take the new template only when someone
/// else deletes them.
public struct UpdateStrategyType: OpenEnum {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    public static let rollingUpdate = UpdateStrategyType(rawValue: "RollingUpdate")
    public static let onDelete = UpdateStrategyType(rawValue: "OnDelete")
    public static var allowed: [UpdateStrategyType] { [.rollingUpdate, .onDelete] }
}

public struct RollingUpdateStrategy: Codable, Sendable, Hashable {
    /// Ordinals below the partition keep the current revision.
    public var partition: Int32?
    /// A number or a percentage of replicas (rounded down, at least 1).
    public var maxUnavailable: IntOrString?
    public var paused: Bool?
    /// Seconds between marking a pod not ready (readiness gate False) and patching it in place; 0 (the
    /// default) patches at once, leaving the gate alone (the kubelet takes the pod out of Ready as it
    /// restarts the container).
    public var inPlaceGracePeriodSeconds: Int32?
    public var podUpdatePolicy: PodUpdatePolicy?

    public init(
        partition: Int32? = nil, maxUnavailable: IntOrString? = nil, paused: Bool? = nil,
        inPlaceGracePeriodSeconds: Int32? = nil, podUpdatePolicy: PodUpdatePolicy? = nil
    ) {
        self.partition = partition
        self.maxUnavailable = maxUnavailable
        self.paused = paused
        self.inPlaceGracePeriodSeconds = inPlaceGracePeriodSeconds
        self.podUpdatePolicy = podUpdatePolicy
    }
}

/// How one pod moves to the update revision.
public struct PodUpdatePolicy: OpenEnum {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    /// In place where the change allows it, else deleted and recreated on the same node.
    public static let inPlaceIfPossible = PodUpdatePolicy(rawValue: "InPlaceIfPossible")
    /// In place or not at all: a change that needs a new pod blocks the rollout.
    public static let inPlaceOnly = PodUpdatePolicy(rawValue: "InPlaceOnly")
    /// Always deleted and recreated on the same node.
    public static let sameNodeRecreate = PodUpdatePolicy(rawValue: "SameNodeRecreate")
    /// Deleted, recreated and scheduled anew: plain Kubernetes, the baseline.
    public static let recreate = PodUpdatePolicy(rawValue: "Recreate")
    public static var allowed: [PodUpdatePolicy] { [.inPlaceIfPossible, .inPlaceOnly, .sameNodeRecreate, .recreate] }
}
