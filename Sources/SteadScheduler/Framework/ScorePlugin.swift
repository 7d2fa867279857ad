/// Ranks the nodes that passed every filter. After `normalize`, each score is in 0...100
/// (`ScorePlugin.maxScore`); the cycle sums score × weight over the plugins.
protocol ScorePlugin: Sendable {
    var name: String { get }
    var weight: Int64 { get }

    /// False when the plugin would give every node the same score for this pod: the cycle skips it.
    func isRelevant(for pod: PodInfo, state: CycleState) -> Bool

    func score(pod: PodInfo, node: NodeInfo, state: CycleState) -> Int64

    /// Writes the raw score of each feasible node (positions in `nodes`) into `scores`, in the same
    /// order: one call per plugin per pod, the default running `score(pod:node:state:)` per node.
    func score(pod: PodInfo, nodes: [NodeInfo], feasible: [Int], state: CycleState, into scores: inout [Int64])

    /// Brings raw scores (one per feasible node, in cycle order) into 0...100.
    func normalize(_ scores: inout [Int64])
}

extension ScorePlugin {
    static var maxScore: Int64 { 100 }

    func isRelevant(for pod: PodInfo, state: CycleState) -> Bool { true }

    func normalize(_ scores: inout [Int64]) {}

    func score(pod: PodInfo, nodes: [NodeInfo], feasible: [Int], state: CycleState, into scores: inout [Int64]) {
        for (index, position) in feasible.enumerated() {
            scores[index] = score(pod: pod, node: nodes[position], state: state)
        }
    }
}

/// kube-scheduler's DefaultNormalizeScore: scale so the highest raw score becomes 100.
func normalizeToMaxScore(_ scores: inout [Int64]) {
    guard let highest = scores.max(), highest > 0 else { return }
    for index in scores.indices { scores[index] = scores[index] * 100 / highest }
}
