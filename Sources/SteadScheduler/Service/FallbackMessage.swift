import KubeModel

/// The human-readable why of a sticky fallback, for the `StickyFallback` Event and the
/// `stead.dev/placement-fallback` annotation.
public enum FallbackMessage {
    public static let annotationKey = "stead.dev/placement-fallback"
    public static let eventReason = "StickyFallback"
    /// The Event of a replacement kept pending while its lost home node may return (Strict stickiness).
    public static let waitEventReason = "WaitingForNode"

    /// "rescheduled: node sim-3 no longer exists", "rescheduled: node sim-17 NotReady since ...",
    /// "rescheduled: node sim-2 didn't match Pod's node affinity/selector".
    public static func text(_ reason: StickyFallbackReason) -> String {
        switch reason {
        case .nodeGone(let node):
            return "rescheduled: node \(node) no longer exists"
        case .nodeNotReady(let node, let since):
            return since.map { "rescheduled: node \(node) NotReady since \($0)" } ?? "rescheduled: node \(node) NotReady"
        case .filtered(let node, _, let reasons):
            let phrases = reasons.map { reason in
                reason.hasPrefix("node(s) ") ? String(reason.dropFirst("node(s) ".count)) : reason
            }
            let startsWithVerb = reasons.allSatisfy { $0.hasPrefix("node(s) ") }
            return "rescheduled: node \(node)\(startsWithVerb ? " " : ": ")\(phrases.joined(separator: ", "))"
        }
    }
}
