/// The values of a pod's `status.phase`.
public enum PodPhase {
    public static let pending = "Pending"
    public static let running = "Running"
    public static let succeeded = "Succeeded"
    public static let failed = "Failed"
}

/// The condition types Kubernetes itself sets on pods and nodes.
public enum ConditionType {
    /// A pod: its containers are ready and its readiness gates pass. A node: its kubelet is healthy.
    public static let ready = "Ready"
    public static let podScheduled = "PodScheduled"
    public static let initialized = "Initialized"
    public static let containersReady = "ContainersReady"
}

/// The values of a condition's `status`.
public enum ConditionStatus {
    public static let isTrue = "True"
    public static let isFalse = "False"
    public static let unknown = "Unknown"
}

extension PodCondition {
    public var isTrue: Bool { status == ConditionStatus.isTrue }
}

extension NodeCondition {
    public var isTrue: Bool { status == ConditionStatus.isTrue }
}

extension Pod {
    /// Succeeded or Failed: its containers will not run again.
    public var hasFinished: Bool {
        status?.phase == PodPhase.succeeded || status?.phase == PodPhase.failed
    }
}
