/// The outcome of one scheduling cycle.
public enum ScheduleResult: Sendable, Hashable {
    case scheduled(ScheduledNode)
    case unschedulable(UnschedulableDiagnosis)

    public var nodeName: String? {
        if case .scheduled(let placement) = self { return placement.node }
        return nil
    }

    public var evaluations: NodeEvaluations {
        switch self {
        case .scheduled(let placement): placement.evaluations
        case .unschedulable(let diagnosis): diagnosis.evaluations
        }
    }
}

public struct ScheduledNode: Sendable, Hashable {
    var node: String
    /// Sum of score × weight over the score plugins (0 when only one node was feasible).
    var score: Int64
    var feasibleNodes: Int
    var evaluations: NodeEvaluations
}
