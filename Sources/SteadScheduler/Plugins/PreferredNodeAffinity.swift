/// Prefers nodes matching the pod's preferred node-affinity terms: the sum of the matching terms'
/// weights, scaled so the best node gets 100.
struct PreferredNodeAffinity: ScorePlugin {
    var name: String { "PreferredNodeAffinity" }
    let weight: Int64

    init(weight: Int64 = 2) { self.weight = weight }

    func isRelevant(for pod: PodInfo, state: CycleState) -> Bool { !pod.preferredNodeAffinity.isEmpty }

    func score(pod: PodInfo, node: NodeInfo, state: CycleState) -> Int64 {
        var sum: Int64 = 0
        for term in pod.preferredNodeAffinity
        where term.weight != 0 && term.preference.matches(labels: node.labels, nodeName: node.name) {
            sum += Int64(term.weight)
        }
        return sum
    }

    func normalize(_ scores: inout [Int64]) { normalizeToMaxScore(&scores) }
}
