import KubeModel

/// Rejects cordoned nodes (`spec.unschedulable`), unless the pod tolerates the unschedulable taint.
public struct NodeUnschedulable: FilterPlugin {
    static let rejected = FilterResult.unschedulable(reason)
    public static let reason = "node(s) were unschedulable"
    static let unschedulableTaint = Taint(key: WellKnownTaints.unschedulable, effect: TaintEffect.noSchedule)

    public var name: String { "NodeUnschedulable" }

    public init() {}

    public func filter(pod: PodInfo, node: NodeInfo, state: CycleState) -> FilterResult {
        if !node.isUnschedulable || pod.tolerations.tolerate(Self.unschedulableTaint) { return .success }
        return Self.rejected
    }
}
