/// Rejects nodes that the persistent volumes bound to the pod's claims cannot be used from.
struct VolumeNodeAffinityFilter: FilterPlugin {
    static let rejected = FilterResult.unschedulable(reason)
    static let reason = "node(s) had volume node affinity conflict"

    var name: String { "VolumeNodeAffinity" }

    init() {}

    func isRelevant(for pod: PodInfo, state: CycleState) -> Bool { !state.volumes.isEmpty }

    func filter(pod: PodInfo, node: NodeInfo, state: CycleState) -> FilterResult {
        if let failure = state.volumes.failure { return .unschedulable(failure) }
        for selector in state.volumes.selectors where !selector.matches(labels: node.labels, nodeName: node.name) {
            return Self.rejected
        }
        return .success
    }
}
