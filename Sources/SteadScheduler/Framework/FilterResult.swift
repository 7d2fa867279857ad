/// A filter plugin's verdict on one node. Reasons are the short texts kube-scheduler aggregates,
/// such as "Insufficient cpu".
enum FilterResult: Sendable, Hashable {
    case success
    case unschedulable(reasons: [String])

    static func unschedulable(_ reason: String) -> FilterResult { .unschedulable(reasons: [reason]) }

    var isSuccess: Bool { self == .success }

    var reasons: [String] {
        if case .unschedulable(let reasons) = self { return reasons }
        return []
    }
}
