/// Decides whether a pod may run on a node. Called for many nodes per pod: the per-node work must stay
/// small, with whatever depends only on the pod or the cluster prepared once in `CycleState`.
protocol FilterPlugin: Sendable {
    var name: String { get }

    /// False when the plugin cannot reject any node for this pod (kube's PreFilter "Skip"): the cycle
    /// then does not call it at all.
    func isRelevant(for pod: PodInfo, state: CycleState) -> Bool

    func filter(pod: PodInfo, node: NodeInfo, state: CycleState) -> FilterResult

    /// Keeps in `candidates` (positions in `nodes`, in order) the nodes this plugin accepts and records
    /// in `failures` why it rejected the others. The scheduler calls this once per plugin for a batch
    /// of nodes; the default runs `filter(pod:node:state:)` per node, statically dispatched.
    func filter(
        pod: PodInfo, nodes: [NodeInfo], candidates: inout [Int], state: CycleState, failures: inout ReasonHistogram)
}

extension FilterPlugin {
    func isRelevant(for pod: PodInfo, state: CycleState) -> Bool { true }

    func filter(
        pod: PodInfo, nodes: [NodeInfo], candidates: inout [Int], state: CycleState, failures: inout ReasonHistogram
    ) {
        var kept = 0
        for index in candidates.indices {
            let position = candidates[index]
            if case .unschedulable(let reasons) = filter(pod: pod, node: nodes[position], state: state) {
                failures.record(reasons)
            } else {
                candidates[kept] = position
                kept += 1
            }
        }
        candidates.removeLast(candidates.count - kept)
    }
}
