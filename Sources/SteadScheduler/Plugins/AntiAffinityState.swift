import KubeModel

/// Topology domains closed to a pod by required anti-affinity, resolved once per cycle.
struct AntiAffinityState: Sendable {
    /// One entry per required term of the incoming pod: the term's topology key and the values of that
    /// key where a pod the term selects already runs.
    let blockedByPod: [BlockedDomains]
    /// Domains closed by the required anti-affinity of pods already running, which select the incoming pod.
    let blockedByExisting: [BlockedDomains]

    struct BlockedDomains: Sendable, Hashable {
        var topologyKey: String
        var values: Set<String>
    }

    init(pod: PodInfo, snapshot: ClusterSnapshot) {
        blockedByPod = pod.requiredAntiAffinity.map { term in
            var values = Set<String>()
            for candidate in Self.candidates(for: term, declaredIn: pod.namespace, snapshot: snapshot)
            where candidate.key != pod.key && term.selects(candidate, ownerNamespace: pod.namespace) {
                if let value = Self.domain(of: candidate, key: term.topologyKey, in: snapshot) { values.insert(value) }
            }
            return BlockedDomains(topologyKey: term.topologyKey, values: values)
        }

        var byKey: [String: Set<String>] = [:]
        for existing in snapshot.podsWithAntiAffinity.values where existing.key != pod.key {
            for term in existing.requiredAntiAffinity where term.selects(pod, ownerNamespace: existing.namespace) {
                if let value = Self.domain(of: existing, key: term.topologyKey, in: snapshot) {
                    byKey[term.topologyKey, default: []].insert(value)
                }
            }
        }
        blockedByExisting = byKey.map { BlockedDomains(topologyKey: $0.key, values: $0.value) }
    }

    var isEmpty: Bool { blockedByPod.isEmpty && blockedByExisting.isEmpty }

    /// A superset of the pods `term` selects: the smallest label bucket of its matchLabels, or else every
    /// pod of its namespaces.
    private static func candidates(
        for term: PodAffinityTerm, declaredIn namespace: String, snapshot: ClusterSnapshot
    ) -> [PodInfo] {
        let buckets = (term.labelSelector?.matchLabels ?? [:]).map { snapshot.podsByLabel[LabelPair($0.key, $0.value)] ?? [:] }
        if let smallest = buckets.min(by: { $0.count < $1.count }) { return Array(smallest.values) }
        let listed = term.namespaces ?? []
        let namespaces = listed.isEmpty ? [namespace] : Array(Set(listed))
        return namespaces.flatMap { (snapshot.podsByNamespace[$0] ?? [:]).values }
    }

    /// The value of `key` on the node `pod` runs on; nil when the node is unknown or lacks the label.
    private static func domain(of pod: PodInfo, key: String, in snapshot: ClusterSnapshot) -> String? {
        guard let nodeName = pod.nodeName else { return nil }
        return snapshot.node(named: nodeName)?.labels[key]
    }
}
