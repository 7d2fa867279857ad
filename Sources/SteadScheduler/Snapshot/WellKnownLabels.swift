/// Label and taint keys the scheduler reads.
enum WellKnownLabels {
    static let hostname = "kubernetes.io/hostname"
    static let zone = "topology.kubernetes.io/zone"
    static let legacyZone = "failure-domain.beta.kubernetes.io/zone"
}

enum WellKnownTaints {
    static let unschedulable = "node.kubernetes.io/unschedulable"
    static let notReady = "node.kubernetes.io/not-ready"
    static let unreachable = "node.kubernetes.io/unreachable"
    /// The node lifecycle controller's taints for a node it has found NotReady or unreachable. It
    /// removes them some seconds after the node is Ready again.
    static let nodeLifecycle: Set<String> = [notReady, unreachable]
}

enum TaintEffect {
    static let noSchedule = "NoSchedule"
    static let preferNoSchedule = "PreferNoSchedule"
    static let noExecute = "NoExecute"
}
