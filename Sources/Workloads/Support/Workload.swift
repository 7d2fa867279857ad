import KubeModel

/// A kind of workload, naming its resource: the phantom type of ``Workload``.
public protocol WorkloadKind: Sendable {
    static var resourceType: ResourceType { get }
}

/// A workload object as the controllers read it: typed metadata for informers and owner references,
/// `spec` and `status` as sent (they are only read, and written back by patches).
public struct Workload<Kind: WorkloadKind>: KubeResource, Hashable {
    public static var resourceType: ResourceType { Kind.resourceType }
    public var apiVersion: String?
    public var kind: String?
    public var metadata: ObjectMeta
    public var spec: JSONValue?
    public var status: JSONValue?
    public var unknownFields: UnknownFields?

    public init(metadata: ObjectMeta, spec: JSONValue?, status: JSONValue? = nil) {
        self.apiVersion = Kind.resourceType.apiVersion
        self.kind = Kind.resourceType.kind
        self.metadata = metadata
        self.spec = spec
        self.status = status
    }

    var uid: String { metadata.uid ?? "" }
    var generation: Int64 { metadata.generation ?? 0 }
    var isDeleting: Bool { metadata.deletionTimestamp != nil }

    /// `spec.replicas`, 1 when unset (the API's default).
    var replicas: Int64 { spec?["replicas"]?.intValue ?? 1 }

    /// An owner reference to this object, as its controller.
    var controllerReference: OwnerReference {
        OwnerReference(
            apiVersion: Kind.resourceType.apiVersion, kind: Kind.resourceType.kind, name: name, uid: uid, controller: true,
            blockOwnerDeletion: true)
    }
}

public enum ReplicaSetKind: WorkloadKind {
    public static let resourceType = ResourceType(
        group: "apps", version: "v1", kind: "ReplicaSet", plural: "replicasets", namespaced: true)
}

public enum DeploymentKind: WorkloadKind {
    public static let resourceType = ResourceType(
        group: "apps", version: "v1", kind: "Deployment", plural: "deployments", namespaced: true)
}

public enum StatefulSetKind: WorkloadKind {
    public static let resourceType = ResourceType(
        group: "apps", version: "v1", kind: "StatefulSet", plural: "statefulsets", namespaced: true)
}

public enum DaemonSetKind: WorkloadKind {
    public static let resourceType = ResourceType(
        group: "apps", version: "v1", kind: "DaemonSet", plural: "daemonsets", namespaced: true)
}

public enum JobKind: WorkloadKind {
    public static let resourceType = ResourceType(group: "batch", version: "v1", kind: "Job", plural: "jobs", namespaced: true)
}

public enum CronJobKind: WorkloadKind {
    public static let resourceType = ResourceType(
        group: "batch", version: "v1", kind: "CronJob", plural: "cronjobs", namespaced: true)
}

public enum PodDisruptionBudgetKind: WorkloadKind {
    public static let resourceType = ResourceType(
        group: "policy", version: "v1", kind: "PodDisruptionBudget", plural: "poddisruptionbudgets", namespaced: true)
}

public typealias Job = Workload<JobKind>
public typealias CronJob = Workload<CronJobKind>
public typealias ReplicaSet = Workload<ReplicaSetKind>
public typealias DaemonSet = Workload<DaemonSetKind>
public typealias Deployment = Workload<DeploymentKind>
public typealias StatefulSet = Workload<StatefulSetKind>
public typealias PodDisruptionBudget = Workload<PodDisruptionBudgetKind>
