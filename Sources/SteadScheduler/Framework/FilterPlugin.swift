/// Decides whether a pod may run on a node. Called for many nodes per pod: the per-node work must stay
/// small, with whatever depends only on the pod or the cluster prepared once in `CycleState`.
public protocol FilterPlugin: Sendable {
    var name: String { get }

    /// False when the plugin cannot reject any node for this pod (kube's PreFilter "Skip"): the cycle
    /// then does not call it at all.
    func isRelevant(for pod: PodInfo, state: CycleState) -> Bool

    func filter(pod: PodInfo, node: NodeInfo, state: CycleState) -> FilterResult
}

extension FilterPlugin {
    public func isRelevant(for pod: PodInfo, state: CycleState) -> Bool { true }
}
