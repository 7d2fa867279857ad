import KubeModel

/// Rejects cordoned nodes (`spec.unschedulable`), unless the pod tolerates the unschedulable taint.
struct NodeUnschedulable: FilterPlugin {
    static let rejected = FilterResult.unschedulable(reason)
    static let reason = "node(s) were unschedulable"
    static let unschedulableTaint = Taint(key: WellKnownTaints.unschedulable, effect: TaintEffect.noSchedule)

    var name: String { "NodeUnschedulable" }

    init() {}

    func filter(pod: PodInfo, node: NodeInfo, state: CycleState) -> FilterResult {
        if !node.isUnschedulable || pod.tolerations.tolerate(Self.unschedulableTaint) { return .success }
        return Self.rejected
    }
}
