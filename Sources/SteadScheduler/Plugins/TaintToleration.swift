import KubeModel

/// Rejects nodes with a NoSchedule or NoExecute taint the pod does not tolerate.
struct TaintToleration: FilterPlugin {
    static func reason(_ taint: Taint) -> String {
        "node(s) had untolerated taint {\(taint.key): \(taint.value ?? "")}"
    }

    var name: String { "TaintToleration" }

    init() {}

    func isRelevant(for pod: PodInfo, state: CycleState) -> Bool { state.anyNodeTainted }

    func filter(pod: PodInfo, node: NodeInfo, state: CycleState) -> FilterResult {
        guard node.hasTaints else { return .success }
        for taint in node.taints where taint.effect == TaintEffect.noSchedule || taint.effect == TaintEffect.noExecute {
            if !pod.tolerations.tolerate(taint) { return .unschedulable(Self.reason(taint)) }
        }
        return .success
    }
}
