public struct Node: KubeResource, Hashable {
    public static let resourceType = ResourceType(group: "", version: "v1", kind: "Node", plural: "nodes", namespaced: false)
    public var apiVersion: String?
    public var kind: String?
    public var metadata: ObjectMeta
    public var spec: NodeSpec?
    public var status: NodeStatus?
    public var unknownFields: UnknownFields?

    public init(metadata: ObjectMeta, spec: NodeSpec? = nil, status: NodeStatus? = nil) {
        self.apiVersion = Self.resourceType.apiVersion
        self.kind = Self.resourceType.kind
        self.metadata = metadata
        self.spec = spec
        self.status = status
    }
}

public struct NodeSpec: Codable, Sendable, Hashable {
    public var podCIDR: String?
    public var podCIDRs: [String]?
    public var providerID: String?
    public var taints: [Taint]?
    public var unschedulable: Bool?

    public init(podCIDR: String? = nil, taints: [Taint]? = nil, unschedulable: Bool? = nil) {
        self.podCIDR = podCIDR
        self.podCIDRs = podCIDR.map { [$0] }
        self.taints = taints
        self.unschedulable = unschedulable
    }
}

/// Effects: NoSchedule, PreferNoSchedule, NoExecute.
public struct Taint: Codable, Sendable, Hashable {
    public var key: String
    public var value: String?
    public var effect: String
    public var timeAdded: KubeTime?

    public init(key: String, value: String? = nil, effect: String) {
        self.key = key
        self.value = value
        self.effect = effect
    }
}

public struct NodeStatus: Codable, Sendable, Hashable {
    public var capacity: [String: Quantity]?
    public var allocatable: [String: Quantity]?
    public var conditions: [NodeCondition]?
    public var addresses: [NodeAddress]?
    public var nodeInfo: JSONValue?

    public init(
        capacity: [String: Quantity]? = nil, allocatable: [String: Quantity]? = nil,
        conditions: [NodeCondition]? = nil, addresses: [NodeAddress]? = nil
    ) {
        self.capacity = capacity
        self.allocatable = allocatable
        self.conditions = conditions
        self.addresses = addresses
    }

    public func condition(_ type: String) -> NodeCondition? {
        conditions?.first { $0.type == type }
    }
}

public struct NodeCondition: Codable, Sendable, Hashable {
    public var type: String
    public var status: String
    public var reason: String?
    public var message: String?
    public var lastHeartbeatTime: KubeTime?
    public var lastTransitionTime: KubeTime?

    public init(type: String, status: String, reason: String? = nil, message: String? = nil,
                lastHeartbeatTime: KubeTime? = nil, lastTransitionTime: KubeTime? = nil) {
        self.type = type
        self.status = status
        self.reason = reason
        self.message = message
        self.lastHeartbeatTime = lastHeartbeatTime
        self.lastTransitionTime = lastTransitionTime
    }
}

public struct NodeAddress: Codable, Sendable, Hashable {
    public var type: String
    public var address: String

    public init(type: String, address: String) {
        self.type = type
        self.address = address
    }
}

extension Node {
    public var isReady: Bool { status?.condition(ConditionType.ready)?.isTrue == true }
}
