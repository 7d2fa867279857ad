import KubeModel
import SteadAPI

/// The human-readable why of a sticky fallback, for the `StickyFallback` Event and the
/// ``SteadKeys/placementFallback`` annotation.
enum FallbackMessage {
    /// "rescheduled: node sim-3 no longer exists", "rescheduled: node sim-17 NotReady since ...",
    /// "rescheduled: node sim-2 didn't match Pod's node affinity/selector".
    static func text(_ reason: StickyFallbackReason) -> String {
        PlacementFallback(why: why(reason)).message
    }

    private static func why(_ reason: StickyFallbackReason) -> String {
        switch reason {
        case .nodeGone(let node):
            return "node \(node) no longer exists"
        case .nodeNotReady(let node, let since):
            return since.map { "node \(node) NotReady since \($0)" } ?? "node \(node) NotReady"
        case .filtered(let node, _, let reasons):
            let phrases = reasons.map { reason in
                reason.hasPrefix("node(s) ") ? String(reason.dropFirst("node(s) ".count)) : reason
            }
            let startsWithVerb = reasons.allSatisfy { $0.hasPrefix("node(s) ") }
            return "node \(node)\(startsWithVerb ? " " : ": ")\(phrases.joined(separator: ", "))"
        }
    }
}
