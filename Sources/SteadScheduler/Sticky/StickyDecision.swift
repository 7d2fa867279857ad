import KubeModel

/// The outcome of trying to put a replacement pod back on the node its previous incarnation ran on.
enum StickyDecision: Sendable, Hashable {
    /// The node passed every filter for the new spec; one node was evaluated.
    case bind(node: String, evaluations: Int)
    /// Schedule the pod as a new one instead.
    case fallback(reason: StickyFallbackReason)
}

enum StickyFallbackReason: Sendable, Hashable, CustomStringConvertible {
    case nodeGone(node: String)
    case nodeNotReady(node: String, since: KubeTime?)
    /// A filter rejected the node for the new spec (a changed nodeSelector, more CPU than is free, ...).
    case filtered(node: String, plugin: String, reasons: [String])

    /// Bounded label value for the fallbacks metric.
    var metricLabel: String {
        switch self {
        case .nodeGone: "node_gone"
        case .nodeNotReady: "node_not_ready"
        case .filtered: "filtered"
        }
    }

    var description: String {
        switch self {
        case .nodeGone(let node):
            "node \(node) is gone"
        case .nodeNotReady(let node, let since):
            since.map { "node \(node) is not Ready since \($0)" } ?? "node \(node) is not Ready"
        case .filtered(let node, let plugin, let reasons):
            "node \(node) rejected by \(plugin): \(reasons.joined(separator: ", "))"
        }
    }
}
