import Foundation
import KubeModel
import SteadAPI

/// A replacement whose home node is lost: wait for it (Strict) or move (Preferred, or time is up).
extension SchedulingCore {
    func nodeLossVerdict(_ pod: Pod, reason: StickyFallbackReason, now: Date) -> NodeLossVerdict {
        NodeLossRule.decide(reason, policy: NodeLossPolicy(pod: pod), lostSince: lostSince(reason, now: now), now: now)
    }

    /// The node's own NotReady transition, else when this scheduler first saw the node missing.
    private func lostSince(_ reason: StickyFallbackReason, now: Date) -> Date {
        if case .nodeNotReady(_, let since?) = reason { return since.date }
        if let known = lostNodes[reason.node] { return known }
        lostNodes[reason.node] = now
        return now
    }

    /// Keeps the pod pending and its reservation held at least `until`; the pod is looked at again when
    /// the cluster changes (the node is back) or when the wait is over.
    func waitForHomeNode(_ pod: Pod, until: Date, message: String) -> CycleOutcome {
        let key = pod.key
        let now = ContinuousClock.now
        queue.markUnschedulable(key, now: now, retryAt: now.advanced(by: .seconds(max(0, until.timeIntervalSinceNow))))
        if let reservation = snapshot.reservation(for: pod.objectKey), reservation.expiresAt < until {
            snapshot.reserve(
                identity: reservation.identity, node: reservation.node, requests: reservation.requests,
                expiresAt: until, replacing: reservation.replacedPodUID, owner: reservation.owner)
        }
        let report = queue.noteFirst(\.reportedWait, of: key)
        if report {
            logger.info("replacement waits for its lost node", metadata: ["pod": "\(key)", "reason": "\(message)"])
        }
        return CycleOutcome(decision: .waitForHomeNode(pod: pod, message: message, report: report), fallbackMessage: nil)
    }
}
