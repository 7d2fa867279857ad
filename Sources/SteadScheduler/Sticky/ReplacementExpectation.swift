import KubeModel
import SteadAPI

/// A controller whose pods keep their names from one incarnation to the next (a StatefulSet, a
/// StatefulPodSet), as far as the scheduler needs it: is it still there, and which ordinals does it want.
struct StableOwner: Sendable, Hashable {
    var uid: String
    var isDeleting: Bool
    /// `start ..< start + replicas`.
    var ordinals: Range<Int>

    init(uid: String, isDeleting: Bool, ordinals: Range<Int>) {
        self.uid = uid
        self.isDeleting = isDeleting
        self.ordinals = ordinals
    }

}

/// Where a controller owner of a pod can be looked up: its kind, namespace and name.
struct StableOwnerKey: Sendable, Hashable {
    var kind: StableOwnerKind
    var namespace: String
    var name: String

    init(kind: StableOwnerKind, namespace: String, name: String) {
        self.kind = kind
        self.namespace = namespace
        self.name = name
    }

    /// The key of `reference`'s object in `namespace`, when it is a kind that brings pods back by name.
    init?(_ reference: OwnerReference, namespace: String?) {
        guard let namespace, let kind = StableOwnerKind(reference) else { return nil }
        self.init(kind: kind, namespace: namespace, name: reference.name)
    }
}

/// The owner kinds whose replacement pods carry the old pod's name. Any other controller (ReplicaSet,
/// DaemonSet, Job) names each new pod afresh, so its pods are never replacements.
enum StableOwnerKind: String, Sendable, Hashable, CaseIterable {
    case statefulSet = "StatefulSet"
    case statefulPodSet = "StatefulPodSet"

    var group: String {
        switch self {
        case .statefulSet: "apps"
        case .statefulPodSet: "stead.dev"
        }
    }

    init?(_ reference: OwnerReference) {
        guard let kind = StableOwnerKind(rawValue: reference.kind),
            reference.apiVersion.split(separator: "/").first.map(String.init) == kind.group
        else { return nil }
        self = kind
    }
}

/// What the scheduler's caches say of a pod's controller.
enum OwnerLookup: Sendable, Hashable {
    /// The cluster does not serve the owner's kind (or Stead may not watch it): nothing is known.
    case notWatched
    /// Watched, and no such object (or another object of that name).
    case missing
    case found(StableOwner)
}

/// Whether capacity should be kept for the identity of a pod that is going away: only when its
/// controller will bring it back. That controller must keep pod names, still exist as the same object
/// (same UID), not be being deleted, still want the pod's ordinal, and its namespace must not be being
/// deleted. Capacity reserved for a replacement that never comes is lost to every other pod until the
/// reservation expires. An owner of a kind that is not watched is given the benefit of the doubt.
func expectsReplacement(
    podName: String, owner reference: OwnerReference?, lookup: OwnerLookup, namespaceTerminating: Bool
) -> Bool {
    guard !namespaceTerminating, let reference, StableOwnerKind(reference) != nil else { return false }
    switch lookup {
    case .notWatched:
        return true
    case .missing:
        return false
    case .found(let owner):
        guard owner.uid == reference.uid, !owner.isDeleting,
            let ordinal = PodOrdinal.of(podName: podName, ownerName: reference.name)
        else { return false }
        return owner.ordinals.contains(ordinal)
    }
}
