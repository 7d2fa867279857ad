/// How much work one placement decision took.
public struct NodeEvaluations: Sendable, Hashable {
    /// Nodes put through the filters (a node rejected by its first filter counts once).
    var nodesFiltered = 0
    public internal(set) var filterCalls = 0
    public internal(set) var scoreCalls = 0

    init(nodesFiltered: Int = 0, filterCalls: Int = 0, scoreCalls: Int = 0) {
        self.nodesFiltered = nodesFiltered
        self.filterCalls = filterCalls
        self.scoreCalls = scoreCalls
    }
}
