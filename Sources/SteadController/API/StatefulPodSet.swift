import KubeModel

/// Stead's workload: what a StatefulSet does, with updates that keep pods on their nodes.
public struct StatefulPodSet: KubeResource, Hashable {
    public static let resourceType = ResourceType(
        group: "stead.dev", version: "v1alpha1", kind: "StatefulPodSet", plural: "statefulpodsets",
        namespaced: true)
    public static let singular = "statefulpodset"
    public static let shortNames = ["sps"]

    public var apiVersion: String?
    public var kind: String?
    public var metadata: ObjectMeta
    public var spec: StatefulPodSetSpec
    public var status: StatefulPodSetStatus?
    public var unknownFields: UnknownFields?

    public init(metadata: ObjectMeta, spec: StatefulPodSetSpec, status: StatefulPodSetStatus? = nil) {
        self.apiVersion = Self.resourceType.apiVersion
        self.kind = Self.resourceType.kind
        self.metadata = metadata
        self.spec = spec
        self.status = status
    }
}

public struct StatefulPodSetSpec: Codable, Sendable, Hashable {
    public var replicas: Int32?
    public var selector: LabelSelector?
    public var serviceName: String?
    public var template: PodTemplateSpec
    public var volumeClaimTemplates: [PersistentVolumeClaimTemplate]?
    public var podManagementPolicy: PodManagementPolicy?
    public var minReadySeconds: Int32?
    public var revisionHistoryLimit: Int32?
    public var persistentVolumeClaimRetentionPolicy: PersistentVolumeClaimRetentionPolicy?
    public var updateStrategy: UpdateStrategy?
    public var placement: Placement?

    public init(
        replicas: Int32? = nil, selector: LabelSelector? = nil, serviceName: String? = nil,
        template: PodTemplateSpec, volumeClaimTemplates: [PersistentVolumeClaimTemplate]? = nil,
        podManagementPolicy: PodManagementPolicy? = nil, minReadySeconds: Int32? = nil,
        revisionHistoryLimit: Int32? = nil,
        persistentVolumeClaimRetentionPolicy: PersistentVolumeClaimRetentionPolicy? = nil,
        updateStrategy: UpdateStrategy? = nil, placement: Placement? = nil
    ) {
        self.replicas = replicas
        self.selector = selector
        self.serviceName = serviceName
        self.template = template
        self.volumeClaimTemplates = volumeClaimTemplates
        self.podManagementPolicy = podManagementPolicy
        self.minReadySeconds = minReadySeconds
        self.revisionHistoryLimit = revisionHistoryLimit
        self.persistentVolumeClaimRetentionPolicy = persistentVolumeClaimRetentionPolicy
        self.updateStrategy = updateStrategy
        self.placement = placement
    }
}
