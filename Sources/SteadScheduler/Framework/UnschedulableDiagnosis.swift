/// Why no node fits, aggregated as kube-scheduler's FitError: each node contributes the reasons of the
/// first filter that rejected it.
public struct UnschedulableDiagnosis: Sendable, Hashable {
    var totalNodes: Int
    /// Number of nodes per reason.
    var reasonCounts: [String: Int]
    var evaluations: NodeEvaluations

    init(totalNodes: Int, reasonCounts: [String: Int] = [:], evaluations: NodeEvaluations = NodeEvaluations()) {
        self.totalNodes = totalNodes
        self.reasonCounts = reasonCounts
        self.evaluations = evaluations
    }

    /// "0/50 nodes are available: 20 node(s) didn't match Pod's node affinity/selector, 30 Insufficient cpu."
    /// As kube-scheduler does, the "count reason" texts are sorted as strings.
    var message: String {
        guard totalNodes > 0 else { return "no nodes available to schedule pods" }
        let histogram = reasonCounts.map { "\($0.value) \($0.key)" }.sorted()
        guard !histogram.isEmpty else { return "0/\(totalNodes) nodes are available." }
        return "0/\(totalNodes) nodes are available: \(histogram.joined(separator: ", "))."
    }
}
