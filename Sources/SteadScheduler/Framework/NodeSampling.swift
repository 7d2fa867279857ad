/// kube-scheduler's percentageOfNodesToScore: in a large cluster, filtering stops once enough feasible
/// nodes are found, and only those are scored.
public struct NodeSampling: Sendable, Hashable {
    static let minFeasibleNodesToFind = 100
    static let minFeasibleNodesPercentageToFind = 5

    /// nil: kube-scheduler's adaptive rule, max(5, 50 - nodes/125) percent. 100 or more: every node.
    var percentageOfNodesToScore: Int?

    public init(percentageOfNodesToScore: Int? = nil) {
        self.percentageOfNodesToScore = percentageOfNodesToScore
    }

    func feasibleNodesToFind(totalNodes: Int) -> Int {
        if totalNodes < Self.minFeasibleNodesToFind { return totalNodes }
        let configured = percentageOfNodesToScore ?? 0
        if configured >= 100 { return totalNodes }
        var percentage = configured
        if percentage <= 0 {
            percentage = max(Self.minFeasibleNodesPercentageToFind, 50 - totalNodes / 125)
        }
        return max(Self.minFeasibleNodesToFind, totalNodes * percentage / 100)
    }
}
