import KubeModel

public struct StatefulPodSetStatus: Codable, Sendable, Hashable {
    public var observedGeneration: Int64?
    public var replicas: Int32
    public var readyReplicas: Int32?
    public var availableReplicas: Int32?
    public var currentReplicas: Int32?
    public var updatedReplicas: Int32?
    public var currentRevision: String?
    public var updateRevision: String?
    public var collisionCount: Int32?
    /// The selector as a string, for the scale subresource's `labelSelectorPath`.
    public var selector: String?
    public var conditions: [StatefulPodSetCondition]?
    /// The set's pods on `updateRevision` that got there in place (each pod counted once, by the latest way it
    /// got there; derived from the pods' `stead.dev/updated-by` markers).
    public var updatedInPlace: Int32?
    /// The set's pods on `updateRevision` that replaced a pod deleted to be recreated on its node.
    public var recreatedOnSameNode: Int32?
    /// The set's pods on `updateRevision` that replaced a pod deleted to be placed anew (rollout or node loss).
    public var rescheduled: Int32?
    /// Why pods were rescheduled: reason -> count.
    public var rescheduleReasons: [String: Int32]?
    /// Pods the controller is replacing (by name), recorded before their delete so that a restarted
    /// controller still counts them and marks their successors.
    public var pendingReplacements: [String: PendingReplacement]?

    public init(replicas: Int32 = 0) { self.replicas = replicas }

    /// A status missing `replicas` (written by hand, or by an older controller) still decodes: a set
    /// whose status does not decode would be invisible to the controller.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        observedGeneration = try container.decodeIfPresent(Int64.self, forKey: .observedGeneration)
        replicas = try container.decodeIfPresent(Int32.self, forKey: .replicas) ?? 0
        readyReplicas = try container.decodeIfPresent(Int32.self, forKey: .readyReplicas)
        availableReplicas = try container.decodeIfPresent(Int32.self, forKey: .availableReplicas)
        currentReplicas = try container.decodeIfPresent(Int32.self, forKey: .currentReplicas)
        updatedReplicas = try container.decodeIfPresent(Int32.self, forKey: .updatedReplicas)
        currentRevision = try container.decodeIfPresent(String.self, forKey: .currentRevision)
        updateRevision = try container.decodeIfPresent(String.self, forKey: .updateRevision)
        collisionCount = try container.decodeIfPresent(Int32.self, forKey: .collisionCount)
        selector = try container.decodeIfPresent(String.self, forKey: .selector)
        conditions = try container.decodeIfPresent([StatefulPodSetCondition].self, forKey: .conditions)
        updatedInPlace = try container.decodeIfPresent(Int32.self, forKey: .updatedInPlace)
        recreatedOnSameNode = try container.decodeIfPresent(Int32.self, forKey: .recreatedOnSameNode)
        rescheduled = try container.decodeIfPresent(Int32.self, forKey: .rescheduled)
        rescheduleReasons = try container.decodeIfPresent([String: Int32].self, forKey: .rescheduleReasons)
        pendingReplacements = try container.decodeIfPresent(
            [String: PendingReplacement].self, forKey: .pendingReplacements)
    }

    public func condition(_ type: StatefulPodSetConditionType) -> StatefulPodSetCondition? {
        conditions?.first { $0.type == type.rawValue }
    }
}

/// A pod being deleted to be replaced within the rollout: its UID, and the marker its successor gets
/// (`stead.dev/updated-by`).
public struct PendingReplacement: Codable, Sendable, Hashable {
    public var uid: String
    public var marker: String

    public init(uid: String, marker: String) {
        self.uid = uid
        self.marker = marker
    }
}

public struct StatefulPodSetCondition: Codable, Sendable, Hashable {
    public var type: String
    /// True, False or Unknown.
    public var status: String
    public var reason: String?
    public var message: String?
    public var lastTransitionTime: KubeTime?
    public var observedGeneration: Int64?

    public init(
        type: String, status: String, reason: String? = nil, message: String? = nil,
        lastTransitionTime: KubeTime? = nil, observedGeneration: Int64? = nil
    ) {
        self.type = type
        self.status = status
        self.reason = reason
        self.message = message
        self.lastTransitionTime = lastTransitionTime
        self.observedGeneration = observedGeneration
    }
}

public enum StatefulPodSetConditionType: String, Sendable, Hashable, CaseIterable {
    case progressing = "Progressing"
    case paused = "Paused"
    case invalid = "Invalid"
    case rolloutBlocked = "RolloutBlocked"
    case available = "Available"
    /// The API server refused a pod of the set (Deployment's ReplicaFailure; reason FailedCreate).
    case replicaFailure = "ReplicaFailure"
}
