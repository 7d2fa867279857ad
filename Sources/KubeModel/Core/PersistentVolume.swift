public struct PersistentVolumeClaim: KubeResource, Hashable {
    public static let resourceType = ResourceType(
        group: "", version: "v1", kind: "PersistentVolumeClaim", plural: "persistentvolumeclaims", namespaced: true)
    public var apiVersion: String?
    public var kind: String?
    public var metadata: ObjectMeta
    public var spec: PersistentVolumeClaimSpec?
    public var status: PersistentVolumeClaimStatus?
    public var unknownFields: UnknownFields?

    public init(metadata: ObjectMeta, spec: PersistentVolumeClaimSpec? = nil) {
        self.apiVersion = Self.resourceType.apiVersion
        self.kind = Self.resourceType.kind
        self.metadata = metadata
        self.spec = spec
    }
}

public struct PersistentVolumeClaimSpec: Codable, Sendable, Hashable {
    public var accessModes: [String]?
    public var resources: ResourceRequirements?
    public var storageClassName: String?
    public var volumeName: String?
    public var selector: LabelSelector?

    public init(accessModes: [String]? = nil, resources: ResourceRequirements? = nil, storageClassName: String? = nil) {
        self.accessModes = accessModes
        self.resources = resources
        self.storageClassName = storageClassName
    }
}

/// Phase: Pending, Bound or Lost.
public struct PersistentVolumeClaimStatus: Codable, Sendable, Hashable {
    public var phase: String?
    public var accessModes: [String]?
    public var capacity: [String: Quantity]?
}

public struct PersistentVolume: KubeResource, Hashable {
    public static let resourceType = ResourceType(
        group: "", version: "v1", kind: "PersistentVolume", plural: "persistentvolumes", namespaced: false)
    public var apiVersion: String?
    public var kind: String?
    public var metadata: ObjectMeta
    public var spec: PersistentVolumeSpec?
    public var status: PersistentVolumeStatus?
    public var unknownFields: UnknownFields?

    public init(metadata: ObjectMeta, spec: PersistentVolumeSpec? = nil) {
        self.apiVersion = Self.resourceType.apiVersion
        self.kind = Self.resourceType.kind
        self.metadata = metadata
        self.spec = spec
    }
}

/// Only what placement needs: capacity, claim binding and node affinity of local volumes.
public struct PersistentVolumeSpec: Codable, Sendable, Hashable {
    public var capacity: [String: Quantity]?
    public var accessModes: [String]?
    public var claimRef: ObjectReference?
    public var storageClassName: String?
    public var persistentVolumeReclaimPolicy: String?
    public var nodeAffinity: VolumeNodeAffinity?

    public init(capacity: [String: Quantity]? = nil, nodeAffinity: VolumeNodeAffinity? = nil) {
        self.capacity = capacity
        self.nodeAffinity = nodeAffinity
    }
}

public struct VolumeNodeAffinity: Codable, Sendable, Hashable {
    public var required: NodeSelector?

    public init(required: NodeSelector?) { self.required = required }
}

public struct PersistentVolumeStatus: Codable, Sendable, Hashable {
    public var phase: String?
}

public struct ObjectReference: Codable, Sendable, Hashable {
    public var apiVersion: String?
    public var kind: String?
    public var namespace: String?
    public var name: String?
    public var uid: String?
    public var resourceVersion: String?
    public var fieldPath: String?

    public init(apiVersion: String? = nil, kind: String? = nil, namespace: String? = nil, name: String? = nil,
                uid: String? = nil) {
        self.apiVersion = apiVersion
        self.kind = kind
        self.namespace = namespace
        self.name = name
        self.uid = uid
    }
}

/// storage.k8s.io/v1 StorageClass: only what placement needs, when its claims are bound.
public struct StorageClass: KubeResource, Hashable {
    public static let resourceType = ResourceType(
        group: "storage.k8s.io", version: "v1", kind: "StorageClass", plural: "storageclasses", namespaced: false)
    /// The annotation that makes a class the default for claims that name none.
    public static let defaultClassAnnotation = "storageclass.kubernetes.io/is-default-class"
    public static let waitForFirstConsumer = "WaitForFirstConsumer"

    public var apiVersion: String?
    public var kind: String?
    public var metadata: ObjectMeta
    public var provisioner: String?
    /// Immediate (the default) or WaitForFirstConsumer.
    public var volumeBindingMode: String?
    public var unknownFields: UnknownFields?

    public init(metadata: ObjectMeta, provisioner: String? = nil, volumeBindingMode: String? = nil) {
        self.apiVersion = Self.resourceType.apiVersion
        self.kind = Self.resourceType.kind
        self.metadata = metadata
        self.provisioner = provisioner
        self.volumeBindingMode = volumeBindingMode
    }

    public var isDefault: Bool { metadata.annotations?[Self.defaultClassAnnotation] == "true" }
}
