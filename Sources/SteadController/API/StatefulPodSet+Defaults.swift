import KubeModel
import SteadAPI

extension StatefulPodSet {
    public static let defaultReplicas: Int32 = 1
    public static let defaultRevisionHistoryLimit: Int32 = 10
    public static let defaultMaxUnavailable = IntOrString.int(1)
    public static let defaultNodeLossTimeoutSeconds: Int32 = 300

    /// The set with every unset field given its documented default. Pure; applying it twice changes nothing.
    public func withDefaults() -> StatefulPodSet {
        var copy = self
        copy.spec = spec.withDefaults()
        return copy
    }
}

extension StatefulPodSetSpec {
    public func withDefaults() -> StatefulPodSetSpec {
        var spec = self
        if spec.replicas == nil { spec.replicas = StatefulPodSet.defaultReplicas }
        if spec.podManagementPolicy == nil { spec.podManagementPolicy = .orderedReady }
        if spec.minReadySeconds == nil { spec.minReadySeconds = 0 }
        if spec.revisionHistoryLimit == nil { spec.revisionHistoryLimit = StatefulPodSet.defaultRevisionHistoryLimit }

        var retention = spec.persistentVolumeClaimRetentionPolicy ?? PersistentVolumeClaimRetentionPolicy()
        if retention.whenDeleted == nil { retention.whenDeleted = .retain }
        if retention.whenScaled == nil { retention.whenScaled = .retain }
        spec.persistentVolumeClaimRetentionPolicy = retention

        var strategy = spec.updateStrategy ?? UpdateStrategy()
        if strategy.type == nil { strategy.type = .rollingUpdate }
        if strategy.type == .rollingUpdate {
            var rolling = strategy.rollingUpdate ?? RollingUpdateStrategy()
            if rolling.partition == nil { rolling.partition = 0 }
            if rolling.maxUnavailable == nil { rolling.maxUnavailable = StatefulPodSet.defaultMaxUnavailable }
            if rolling.paused == nil { rolling.paused = false }
            if rolling.inPlaceGracePeriodSeconds == nil { rolling.inPlaceGracePeriodSeconds = 0 }
            if rolling.podUpdatePolicy == nil { rolling.podUpdatePolicy = .inPlaceIfPossible }
            strategy.rollingUpdate = rolling
        }
        spec.updateStrategy = strategy

        var placement = spec.placement ?? Placement()
        if placement.nodeLossTimeoutSeconds == nil {
            placement.nodeLossTimeoutSeconds = StatefulPodSet.defaultNodeLossTimeoutSeconds
        }
        if placement.stickiness == nil { placement.stickiness = .strict }
        spec.placement = placement

        if spec.template.schedulerName == nil, spec.template.json.objectValue != nil {
            var podSpec = spec.template.json["spec"] ?? .object([:])
            if podSpec.objectValue != nil {
                podSpec["schedulerName"] = .string(SteadKeys.schedulerName)
                spec.template.json["spec"] = podSpec
            }
        }
        return spec
    }
}

/// The values the planners work with, read after defaulting: never optional.
extension StatefulPodSetSpec {
    public var effectiveReplicas: Int { Int(max(0, replicas ?? StatefulPodSet.defaultReplicas)) }
    public var effectivePodManagementPolicy: PodManagementPolicy { podManagementPolicy ?? .orderedReady }
    public var effectiveMinReadySeconds: Int { Int(max(0, minReadySeconds ?? 0)) }
    public var effectiveRevisionHistoryLimit: Int {
        Int(max(0, revisionHistoryLimit ?? StatefulPodSet.defaultRevisionHistoryLimit))
    }
    public var effectiveUpdateStrategyType: UpdateStrategyType { updateStrategy?.type ?? .rollingUpdate }
    public var effectivePartition: Int { Int(max(0, updateStrategy?.rollingUpdate?.partition ?? 0)) }
    public var isPaused: Bool { updateStrategy?.rollingUpdate?.paused ?? false }
    public var effectivePodUpdatePolicy: PodUpdatePolicy {
        updateStrategy?.rollingUpdate?.podUpdatePolicy ?? .inPlaceIfPossible
    }
    public var effectiveInPlaceGracePeriodSeconds: Int {
        Int(max(0, updateStrategy?.rollingUpdate?.inPlaceGracePeriodSeconds ?? 0))
    }
    public var effectiveNodeLossTimeoutSeconds: Int {
        Int(max(0, placement?.nodeLossTimeoutSeconds ?? StatefulPodSet.defaultNodeLossTimeoutSeconds))
    }
    public var effectiveStickiness: Stickiness { placement?.stickiness ?? .strict }
    public var effectiveWhenScaled: RetentionPolicyType {
        persistentVolumeClaimRetentionPolicy?.whenScaled ?? .retain
    }
    public var effectiveWhenDeleted: RetentionPolicyType {
        persistentVolumeClaimRetentionPolicy?.whenDeleted ?? .retain
    }

    /// maxUnavailable resolved against the replica count: a percentage rounds down; never below 1.
    public var effectiveMaxUnavailable: Int {
        let value = updateStrategy?.rollingUpdate?.maxUnavailable ?? StatefulPodSet.defaultMaxUnavailable
        return max(1, value.scaled(of: effectiveReplicas, roundUp: false) ?? 1)
    }
}
