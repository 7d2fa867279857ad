import KubeModel

/// What to create and delete so the set has exactly its replicas.
public struct ScalePlan: Sendable, Hashable {
    /// Ordinals to create now, with the revision each takes (below the partition: the current revision).
    public var create: [PodCreation]
    /// Pods to delete, highest ordinal first: ordinals at or above replicas, and failed pods (recreated next).
    public var delete: [PodDeletion]
    /// PVCs to delete per `whenScaled: Delete`: those of ordinals removed by a scale-down.
    public var deleteClaims: [String]
    /// Why nothing more happens now (OrderedReady waiting for a pod), or nil.
    public var waitReason: String?

    public init(create: [PodCreation] = [], delete: [PodDeletion] = [], deleteClaims: [String] = [],
                waitReason: String? = nil) {
        self.create = create
        self.delete = delete
        self.deleteClaims = deleteClaims
        self.waitReason = waitReason
    }
}

public struct PodCreation: Sendable, Hashable {
    public var ordinal: Int
    public var name: String
    public var revision: String
}

public struct PodDeletion: Sendable, Hashable {
    public var ordinal: Int
    public var name: String
    public var reason: String
}
