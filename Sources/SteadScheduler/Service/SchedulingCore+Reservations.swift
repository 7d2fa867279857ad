import Foundation
import KubeModel

/// Capacity kept for identities being replaced.
extension SchedulingCore {
    /// Reserves, on its node, what `pod` (the incarnation going away) requests — or more, when its
    /// controller announced larger requests for the successor (``ReservationRequest``).
    /// A reservation already made for this very pod is kept (its expiry is not pushed back) unless it
    /// must grow.
    func reserveForReplacement(of pod: Pod) {
        guard let node = pod.spec?.nodeName, !node.isEmpty else { return }
        let identity = pod.objectKey
        var requests = ReplacementReservation.requests(for: pod)
        if let existing = snapshot.reservation(for: identity), existing.replacedPodUID == pod.metadata.uid {
            let grown = existing.requests.elementwiseMax(requests)
            if grown == existing.requests { return }
            requests = grown
        }
        let expiresAt = Date().addingTimeInterval(configuration.reservationTimeout.inSeconds)
        snapshot.reserve(
            identity: identity, node: node, requests: requests, expiresAt: expiresAt, replacing: pod.metadata.uid,
            owner: pod.metadata.controllerReference)
        metrics.recordReservationCreated()
        reservationsChanged()
        logger.info(
            "reserved capacity for replacement",
            metadata: [
                "pod": "\(identity)", "node": "\(node)",
                "requests": "cpu=\(requests.milliCPU)m memory=\(requests.memory) pods=\(requests.pods)",
                "expiresAt": "\(KubeTime(expiresAt))",
            ])
    }

    /// Releases reservations whose time is up.
    func expireReservations(now: Date) {
        let expired = snapshot.expireReservations(now: now)
        guard !expired.isEmpty else { return }
        metrics.recordReservationsExpired(expired.count)
        reservationsChanged()
        for reservation in expired {
            logger.info(
                "reservation expired", metadata: ["pod": "\(reservation.identity)", "node": "\(reservation.node)"])
        }
        moveAllToActive()
    }

    /// Logs and counts `reservation` when the snapshot released it (a new incarnation of its identity
    /// was placed, on its node or elsewhere).
    func noteRelease(of reservation: Reservation?) {
        guard let reservation, snapshot.reservation(for: reservation.identity) == nil else { return }
        reservationsChanged()
        logger.debug(
            "reservation released by the replacement",
            metadata: ["pod": "\(reservation.identity)", "node": "\(reservation.node)"])
    }

    /// Keeps the gauge in step with the snapshot.
    func reservationsChanged() {
        metrics.recordReservations(snapshot.reservationsByIdentity.count)
    }
}
