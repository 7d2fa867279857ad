/// Prefers nodes matching the pod's preferred node-affinity terms: the sum of the matching terms'
/// weights, scaled so the best node gets 100.
public struct PreferredNodeAffinity: ScorePlugin {
    public var name: String { "PreferredNodeAffinity" }
    public let weight: Int64

    public init(weight: Int64 = 2) { self.weight = weight }

    public func isRelevant(for pod: PodInfo, state: CycleState) -> Bool { !pod.preferredNodeAffinity.isEmpty }

    public func score(pod: PodInfo, node: NodeInfo, state: CycleState) -> Int64 {
        var sum: Int64 = 0
        for term in pod.preferredNodeAffinity
        where term.weight != 0 && term.preference.matches(labels: node.labels, nodeName: node.name) {
            sum += Int64(term.weight)
        }
        return sum
    }

    public func normalize(_ scores: inout [Int64]) { normalizeToMaxScore(&scores) }
}
