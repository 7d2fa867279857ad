/// Spreads the replicas of one set (pods with the same controller owner UID): fewer siblings on the node
/// and in its zone give a higher score. As kube-scheduler's former SelectorSpread, the zone counts for
/// two thirds when the node has a zone.
struct ReplicaSpread: ScorePlugin {
    static let zoneWeightThirds: Int64 = 2

    var name: String { "ReplicaSpread" }
    let weight: Int64

    init(weight: Int64 = 2) { self.weight = weight }

    func isRelevant(for pod: PodInfo, state: CycleState) -> Bool { state.spread.maxPerNode > 0 }

    func score(pod: PodInfo, node: NodeInfo, state: CycleState) -> Int64 {
        score(node, spread: state.spread)
    }

    /// The spread state read once for all the nodes, not once per node.
    func score(pod: PodInfo, nodes: [NodeInfo], feasible: [Int], state: CycleState, into scores: inout [Int64]) {
        let spread = state.spread
        for (index, position) in feasible.enumerated() { scores[index] = score(nodes[position], spread: spread) }
    }

    private func score(_ node: NodeInfo, spread: SpreadState) -> Int64 {
        let nodeScore = Self.fewerIsBetter(spread.siblings(on: node), max: spread.maxPerNode)
        guard let inZone = spread.siblings(inZoneOf: node), spread.maxPerZone > 0 else { return nodeScore }
        let zoneScore = Self.fewerIsBetter(inZone, max: spread.maxPerZone)
        return (nodeScore * (3 - Self.zoneWeightThirds) + zoneScore * Self.zoneWeightThirds) / 3
    }

    static func fewerIsBetter(_ count: Int, max: Int) -> Int64 {
        guard max > 0 else { return maxScore }
        return Int64(max - min(count, max)) * maxScore / Int64(max)
    }
}
