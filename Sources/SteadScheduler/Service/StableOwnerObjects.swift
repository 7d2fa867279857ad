import KubeModel

/// The part of a StatefulSet or StatefulPodSet the scheduler reads: its replicas and first ordinal.
protocol StableOwnerObject: KubeResource {
    static var ownerKind: StableOwnerKind { get }
    var spec: ReplicatedSpec? { get }
}

struct ReplicatedSpec: Codable, Sendable, Hashable {
    var replicas: Int32?
    /// StatefulSet `spec.ordinals` (Kubernetes 1.27+): the first ordinal, 0 when absent.
    var ordinals: Ordinals?

    struct Ordinals: Codable, Sendable, Hashable {
        var start: Int32?
    }
}

extension StableOwnerObject {
    var key: StableOwnerKey { StableOwnerKey(kind: Self.ownerKind, namespace: namespace ?? "", name: name) }

    var stableOwner: StableOwner {
        let start = Int(spec?.ordinals?.start ?? 0)
        // Both kinds default replicas to 1.
        let replicas = Int(max(0, spec?.replicas ?? 1))
        return StableOwner(
            uid: metadata.uid ?? "", isDeleting: metadata.deletionTimestamp != nil, ordinals: start..<(start + replicas))
    }
}

struct StatefulSetOwner: StableOwnerObject {
    static let resourceType = ResourceType(
        group: "apps", version: "v1", kind: "StatefulSet", plural: "statefulsets", namespaced: true)
    static let ownerKind = StableOwnerKind.statefulSet
    var apiVersion: String?
    var kind: String?
    var metadata: ObjectMeta
    var spec: ReplicatedSpec?
    var unknownFields: UnknownFields?
}

/// Stead's own StatefulPodSet (`SteadController` defines the full type; the scheduler reads only this).
struct StatefulPodSetOwner: StableOwnerObject {
    static let resourceType = ResourceType(
        group: StableOwnerKind.statefulPodSet.group, version: "v1alpha1", kind: "StatefulPodSet",
        plural: "statefulpodsets", namespaced: true)
    static let ownerKind = StableOwnerKind.statefulPodSet
    var apiVersion: String?
    var kind: String?
    var metadata: ObjectMeta
    var spec: ReplicatedSpec?
    var unknownFields: UnknownFields?
}
