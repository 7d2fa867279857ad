/// Label and taint keys the scheduler reads.
public enum WellKnownLabels {
    public static let hostname = "kubernetes.io/hostname"
    public static let zone = "topology.kubernetes.io/zone"
    public static let legacyZone = "failure-domain.beta.kubernetes.io/zone"
}

public enum WellKnownTaints {
    public static let unschedulable = "node.kubernetes.io/unschedulable"
    public static let notReady = "node.kubernetes.io/not-ready"
    public static let unreachable = "node.kubernetes.io/unreachable"
    /// The node lifecycle controller's taints for a node it has found NotReady or unreachable. It
    /// removes them some seconds after the node is Ready again.
    public static let nodeLifecycle: Set<String> = [notReady, unreachable]
}

public enum TaintEffect {
    public static let noSchedule = "NoSchedule"
    public static let preferNoSchedule = "PreferNoSchedule"
    public static let noExecute = "NoExecute"
}
