import KubeModel

/// Rejects nodes with a NoSchedule or NoExecute taint the pod does not tolerate.
public struct TaintToleration: FilterPlugin {
    public static func reason(_ taint: Taint) -> String {
        "node(s) had untolerated taint {\(taint.key): \(taint.value ?? "")}"
    }

    public var name: String { "TaintToleration" }

    public init() {}

    public func isRelevant(for pod: PodInfo, state: CycleState) -> Bool { state.anyNodeTainted }

    public func filter(pod: PodInfo, node: NodeInfo, state: CycleState) -> FilterResult {
        guard node.hasTaints else { return .success }
        for taint in node.taints where taint.effect == TaintEffect.noSchedule || taint.effect == TaintEffect.noExecute {
            if !pod.tolerations.tolerate(taint) { return .unschedulable(Self.reason(taint)) }
        }
        return .success
    }
}
