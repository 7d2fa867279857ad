import Foundation
import KubeModel
import SteadAPI
import SteadAPI

/// What a replacement whose home node failed the sticky check does now.
enum NodeLossVerdict: Sendable, Hashable {
    /// Keep the pod pending (its reservation held) until `until`, or until the node is back.
    case wait(until: Date, message: String)
    /// Place it through filter and score; `message` says why, for the Event and annotation.
    case move(message: String)
}

/// The one rule for a replacement pod whose home node is lost (NotReady or deleted) while it waits to be
/// placed: Strict waits `nodeLossTimeoutSeconds` counted from when the node was lost, Preferred moves at
/// once; a node rejected by a filter (the new spec no longer fits) is not a loss and moves at once.
enum NodeLossRule {
    /// `lostSince`: the node's Ready transition for a NotReady node, or when the scheduler first saw a
    /// deleted node missing.
    static func decide(
        _ reason: StickyFallbackReason, policy: NodeLossPolicy?, lostSince: Date, now: Date
    ) -> NodeLossVerdict {
        let fallback = FallbackMessage.text(reason)
        guard reason.isNodeLoss, let policy else { return .move(message: fallback) }
        guard policy.waits else { return .move(message: "\(fallback) (\(policy.summary): moved at once)") }
        let deadline = lostSince.addingTimeInterval(Double(policy.timeoutSeconds))
        let lostFor = Int(max(0, now.timeIntervalSince(lostSince)).rounded())
        if now >= deadline {
            return .move(message: "\(fallback) (\(policy.summary): node lost for \(lostFor)s)")
        }
        let node = reason.node
        return .wait(
            until: deadline,
            message: "node \(node) is lost; waiting up to \(policy.timeoutSeconds)s for it to return (\(policy.summary))")
    }
}

extension StickyFallbackReason {
    /// The node failed (NotReady or deleted), as opposed to a filter rejecting it.
    var isNodeLoss: Bool {
        switch self {
        case .nodeGone, .nodeNotReady: true
        case .filtered: false
        }
    }

    var node: String {
        switch self {
        case .nodeGone(let node), .nodeNotReady(let node, _), .filtered(let node, _, _): node
        }
    }
}
