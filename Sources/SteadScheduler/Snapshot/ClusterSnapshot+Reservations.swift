import Foundation
import KubeModel

extension ClusterSnapshot {
    /// Keeps `requests` on `node` for `identity` until a new incarnation of it is bound (on that node, or
    /// on another after a fallback) or `expiresAt` passes.
    /// Replaces an earlier reservation of the same identity.
    mutating func reserve(
        identity: ObjectKey, node: String, requests: ResourceVector, expiresAt: Date, replacing podUID: String? = nil,
        owner: OwnerReference? = nil
    ) {
        release(identity: identity)
        reservationsByIdentity[identity] = Reservation(
            identity: identity, node: node, requests: requests, expiresAt: expiresAt, replacedPodUID: podUID,
            owner: owner)
        holdReservation(of: identity)
    }

    /// Reserves what `pod` (the incarnation being replaced, or its successor's spec) requests.
    mutating func reserve(for pod: Pod, node: String, expiresAt: Date) {
        reserve(
            identity: pod.objectKey, node: node, requests: PodInfo(pod).requests, expiresAt: expiresAt,
            replacing: pod.metadata.uid, owner: pod.metadata.controllerReference)
    }

    @discardableResult
    mutating func release(identity: ObjectKey) -> Reservation? {
        guard let reservation = reservationsByIdentity.removeValue(forKey: identity) else { return nil }
        dropFromNode(reservation)
        return reservation
    }

    /// Releases every reservation whose time is up; returns them (for logs and metrics).
    @discardableResult
    mutating func expireReservations(now: Date) -> [Reservation] {
        releaseReservations { $0.expiresAt > now }
    }

    /// Releases every reservation `keep` says no to; returns them (for logs and metrics).
    @discardableResult
    mutating func releaseReservations(keeping keep: (Reservation) -> Bool) -> [Reservation] {
        let unwanted = reservationsByIdentity.values.filter { !keep($0) }
        for reservation in unwanted { release(identity: reservation.identity) }
        return unwanted.sorted { $0.identity < $1.identity }
    }

    /// Every reservation, held or waiting for the previous incarnation to go, ordered by identity.
    var reservations: [Reservation] {
        reservationsByIdentity.values.sorted { $0.identity < $1.identity }
    }

    func reservation(for identity: ObjectKey) -> Reservation? { reservationsByIdentity[identity] }
}
