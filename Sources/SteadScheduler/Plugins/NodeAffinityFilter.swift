/// Rejects nodes that do not match the pod's `nodeSelector` and required node affinity.
struct NodeAffinityFilter: FilterPlugin {
    static let rejected = FilterResult.unschedulable(reason)
    static let reason = "node(s) didn't match Pod's node affinity/selector"

    var name: String { "NodeAffinity" }

    init() {}

    func isRelevant(for pod: PodInfo, state: CycleState) -> Bool {
        !pod.nodeSelector.isEmpty || pod.requiredNodeAffinity != nil
    }

    func filter(pod: PodInfo, node: NodeInfo, state: CycleState) -> FilterResult {
        if !pod.nodeSelectorPairs.isEmpty {
            let labels = node.labels
            for pair in pod.nodeSelectorPairs where labels[pair.key] != pair.value { return Self.rejected }
        }
        if let required = pod.requiredNodeAffinity, !required.matches(labels: node.labels, nodeName: node.name) {
            return Self.rejected
        }
        return .success
    }
}
