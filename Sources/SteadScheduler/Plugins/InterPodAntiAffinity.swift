/// Required pod anti-affinity, both ways: the pod's own terms (no pod it selects may share the node's
/// topology domain) and the terms of pods already running (the pod may not enter a domain of a pod whose
/// term selects it). Works for any topology key, `kubernetes.io/hostname` and
/// `topology.kubernetes.io/zone` included; a node without the key is outside every domain.
struct InterPodAntiAffinity: FilterPlugin {
    static let rejected = FilterResult.unschedulable(reason)
    static let reason = "node(s) didn't match pod anti-affinity rules"
    static let rejectedByExisting = FilterResult.unschedulable(existingReason)
    static let existingReason = "node(s) didn't satisfy existing pods anti-affinity rules"

    var name: String { "InterPodAntiAffinity" }

    init() {}

    func isRelevant(for pod: PodInfo, state: CycleState) -> Bool { !state.antiAffinity.isEmpty }

    func filter(pod: PodInfo, node: NodeInfo, state: CycleState) -> FilterResult {
        for blocked in state.antiAffinity.blockedByPod {
            if let value = node.labels[blocked.topologyKey], blocked.values.contains(value) {
                return Self.rejected
            }
        }
        for blocked in state.antiAffinity.blockedByExisting {
            if let value = node.labels[blocked.topologyKey], blocked.values.contains(value) {
                return Self.rejectedByExisting
            }
        }
        return .success
    }
}
