/// A filter plugin's verdict on one node. Reasons are the short texts kube-scheduler aggregates,
/// such as "Insufficient cpu".
public enum FilterResult: Sendable, Hashable {
    case success
    case unschedulable(reasons: [String])

    public static func unschedulable(_ reason: String) -> FilterResult { .unschedulable(reasons: [reason]) }

    public var isSuccess: Bool { self == .success }

    public var reasons: [String] {
        if case .unschedulable(let reasons) = self { return reasons }
        return []
    }
}
