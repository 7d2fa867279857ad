public struct Pod: KubeResource, Hashable {
    public static let resourceType = ResourceType(group: "", version: "v1", kind: "Pod", plural: "pods", namespaced: true)
    public var apiVersion: String?
    public var kind: String?
    public var metadata: ObjectMeta
    public var spec: PodSpec?
    public var status: PodStatus?
    public var unknownFields: UnknownFields?

    public init(metadata: ObjectMeta, spec: PodSpec? = nil, status: PodStatus? = nil) {
        self.apiVersion = Self.resourceType.apiVersion
        self.kind = Self.resourceType.kind
        self.metadata = metadata
        self.spec = spec
        self.status = status
    }
}

public struct PodSpec: Codable, Sendable, Hashable {
    public var containers: [Container]
    public var initContainers: [Container]?
    public var volumes: [Volume]?
    public var nodeName: String?
    public var nodeSelector: [String: String]?
    public var affinity: Affinity?
    public var tolerations: [Toleration]?
    public var schedulerName: String?
    public var readinessGates: [PodReadinessGate]?
    public var priority: Int32?
    public var priorityClassName: String?
    public var hostname: String?
    public var subdomain: String?
    public var restartPolicy: String?
    public var terminationGracePeriodSeconds: Int64?

    public init(containers: [Container], nodeName: String? = nil, schedulerName: String? = nil) {
        self.containers = containers
        self.nodeName = nodeName
        self.schedulerName = schedulerName
    }
}

public struct Container: Codable, Sendable, Hashable {
    public var name: String
    public var image: String?
    public var command: [String]?
    public var args: [String]?
    public var env: [EnvVar]?
    public var ports: [ContainerPort]?
    public var resources: ResourceRequirements?
    public var resizePolicy: [ContainerResizePolicy]?
    public var volumeMounts: [VolumeMount]?

    public init(name: String, image: String? = nil, resources: ResourceRequirements? = nil) {
        self.name = name
        self.image = image
        self.resources = resources
    }
}

public struct ResourceRequirements: Codable, Sendable, Hashable {
    public var requests: [String: Quantity]?
    public var limits: [String: Quantity]?

    public init(requests: [String: Quantity]? = nil, limits: [String: Quantity]? = nil) {
        self.requests = requests
        self.limits = limits
    }
}

public struct ContainerResizePolicy: Codable, Sendable, Hashable {
    public var resourceName: String
    public var restartPolicy: String
}

public struct EnvVar: Codable, Sendable, Hashable {
    public var name: String
    public var value: String?

    public init(name: String, value: String? = nil) {
        self.name = name
        self.value = value
    }
}

public struct ContainerPort: Codable, Sendable, Hashable {
    public var name: String?
    public var containerPort: Int32
    public var hostPort: Int32?
    public var hostIP: String?
    public var `protocol`: String?

    public init(containerPort: Int32, hostPort: Int32? = nil, name: String? = nil, protocol: String? = nil) {
        self.containerPort = containerPort
        self.hostPort = hostPort
        self.name = name
        self.protocol = `protocol`
    }
}

public struct VolumeMount: Codable, Sendable, Hashable {
    public var name: String
    public var mountPath: String
    public var readOnly: Bool?
    public var subPath: String?

    public init(name: String, mountPath: String, readOnly: Bool? = nil) {
        self.name = name
        self.mountPath = mountPath
        self.readOnly = readOnly
    }
}

/// A pod volume; only the PVC source is modelled, every other source is kept as unknown fields.
public struct Volume: Codable, Sendable, Hashable {
    public var name: String
    public var persistentVolumeClaim: PersistentVolumeClaimVolumeSource?

    public init(name: String, persistentVolumeClaim: PersistentVolumeClaimVolumeSource? = nil) {
        self.name = name
        self.persistentVolumeClaim = persistentVolumeClaim
    }
}

public struct PersistentVolumeClaimVolumeSource: Codable, Sendable, Hashable {
    public var claimName: String
    public var readOnly: Bool?

    public init(claimName: String, readOnly: Bool? = nil) {
        self.claimName = claimName
        self.readOnly = readOnly
    }
}

public struct Toleration: Codable, Sendable, Hashable {
    public var key: String?
    public var `operator`: String?
    public var value: String?
    public var effect: String?
    public var tolerationSeconds: Int64?

    public init(
        key: String? = nil, operator: String? = nil, value: String? = nil, effect: String? = nil,
        tolerationSeconds: Int64? = nil
    ) {
        self.key = key
        self.operator = `operator`
        self.value = value
        self.effect = effect
        self.tolerationSeconds = tolerationSeconds
    }
}

public struct PodReadinessGate: Codable, Sendable, Hashable {
    public var conditionType: String

    public init(conditionType: String) { self.conditionType = conditionType }
}

public struct PodStatus: Codable, Sendable, Hashable {
    public var phase: String?
    public var conditions: [PodCondition]?
    public var message: String?
    public var reason: String?
    public var hostIP: String?
    public var podIP: String?
    public var podIPs: [PodIP]?
    public var startTime: KubeTime?
    public var containerStatuses: [ContainerStatus]?
    public var initContainerStatuses: [ContainerStatus]?
    public var resize: String?

    public init(phase: String? = nil) { self.phase = phase }

    public func condition(_ type: String) -> PodCondition? {
        conditions?.first { $0.type == type }
    }
}

public struct PodIP: Codable, Sendable, Hashable {
    public var ip: String

    public init(ip: String) { self.ip = ip }
}

public struct PodCondition: Codable, Sendable, Hashable {
    public var type: String
    public var status: String
    public var reason: String?
    public var message: String?
    public var lastProbeTime: KubeTime?
    public var lastTransitionTime: KubeTime?

    public init(type: String, status: String, reason: String? = nil, message: String? = nil,
                lastTransitionTime: KubeTime? = nil) {
        self.type = type
        self.status = status
        self.reason = reason
        self.message = message
        self.lastTransitionTime = lastTransitionTime
    }
}

public struct ContainerStatus: Codable, Sendable, Hashable {
    public var name: String
    public var image: String
    public var imageID: String?
    public var containerID: String?
    public var ready: Bool
    public var started: Bool?
    public var restartCount: Int32
    public var resources: ResourceRequirements?
    public var state: JSONValue?
    public var lastState: JSONValue?

    public init(name: String, image: String, ready: Bool, started: Bool? = nil, restartCount: Int32 = 0) {
        self.name = name
        self.image = image
        self.ready = ready
        self.started = started
        self.restartCount = restartCount
    }
}

extension Pod {
    /// Ready condition is True.
    public var isReady: Bool { status?.condition(ConditionType.ready)?.isTrue == true }

    public var isTerminating: Bool { metadata.deletionTimestamp != nil }
}
