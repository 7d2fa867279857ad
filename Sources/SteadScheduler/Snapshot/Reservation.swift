import Foundation
import KubeModel

/// Capacity kept on a node for an identity (namespace/name) while its pod is replaced.
///
/// It counts as used on `node` for every pod except the identity's own, and only while the snapshot
/// holds no pod of that identity: a previous incarnation still terminating counts itself, so holding both
/// would count the capacity twice.
struct Reservation: Sendable, Hashable {
    let identity: ObjectKey
    let node: String
    let requests: ResourceVector
    let expiresAt: Date
    /// UID of the incarnation being replaced: a pod with this UID does not release the reservation.
    let replacedPodUID: String?
    /// The controller expected to bring the identity back; the reservation goes when it no longer will.
    let owner: OwnerReference?
    /// Whether the capacity currently counts on the node (false while a pod of the identity is present).
    var isHeld: Bool

    init(
        identity: ObjectKey, node: String, requests: ResourceVector, expiresAt: Date, replacedPodUID: String? = nil,
        owner: OwnerReference? = nil, isHeld: Bool = false
    ) {
        self.identity = identity
        self.node = node
        self.requests = requests
        self.expiresAt = expiresAt
        self.replacedPodUID = replacedPodUID
        self.owner = owner
        self.isHeld = isHeld
    }

    /// A pod of this identity that is a new incarnation: it consumes the reservation.
    func isReleased(by pod: PodInfo) -> Bool {
        pod.key == identity && !pod.isTerminating && (replacedPodUID == nil || pod.uid != replacedPodUID)
    }
}
