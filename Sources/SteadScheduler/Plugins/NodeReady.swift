import KubeModel

/// Rejects nodes whose Ready condition is not True, unless the pod tolerates the not-ready taint
/// (as DaemonSet pods do).
struct NodeReady: FilterPlugin {
    static let rejected = FilterResult.unschedulable(reason)
    static let reason = "node(s) were not ready"
    static let notReadyTaint = Taint(key: WellKnownTaints.notReady, effect: TaintEffect.noSchedule)

    var name: String { "NodeReady" }

    init() {}

    func filter(pod: PodInfo, node: NodeInfo, state: CycleState) -> FilterResult {
        if node.isReady || pod.tolerations.tolerate(Self.notReadyTaint) { return .success }
        return Self.rejected
    }
}
