/// Where a kind of object lives in the API: `/api/v1/namespaces/{ns}/pods` or `/apis/{group}/{version}/...`.
public struct ResourceType: Sendable, Hashable, CustomStringConvertible {
    public var group: String
    public var version: String
    public var kind: String
    public var plural: String
    public var namespaced: Bool

    public init(group: String, version: String, kind: String, plural: String, namespaced: Bool) {
        self.group = group
        self.version = version
        self.kind = kind
        self.plural = plural
        self.namespaced = namespaced
    }

    /// `v1` for the core group, `group/version` otherwise.
    public var apiVersion: String { group.isEmpty ? version : "\(group)/\(version)" }

    public var listKind: String { kind + "List" }

    /// `/api/v1` or `/apis/{group}/{version}`.
    public var groupVersionPath: String { group.isEmpty ? "/api/\(version)" : "/apis/\(group)/\(version)" }

    /// The collection path, within `namespace` when the resource is namespaced and one is given.
    public func collectionPath(namespace: String?) -> String {
        if namespaced, let namespace {
            return "\(groupVersionPath)/namespaces/\(namespace)/\(plural)"
        }
        return "\(groupVersionPath)/\(plural)"
    }

    public func objectPath(namespace: String?, name: String) -> String {
        "\(collectionPath(namespace: namespace))/\(name)"
    }

    public var description: String { group.isEmpty ? plural : "\(plural).\(group)" }
}

/// A top-level API object with a typed Swift model. Fields the model lacks live in `unknownFields`
/// and survive a round trip through `KubeJSON`.
public protocol KubeResource: Codable, Sendable {
    static var resourceType: ResourceType { get }
    var apiVersion: String? { get set }
    var kind: String? { get set }
    var metadata: ObjectMeta { get set }
    var unknownFields: UnknownFields? { get set }
}

extension KubeResource {
    public var name: String { metadata.name ?? "" }
    public var namespace: String? { metadata.namespace }

    /// `namespace/name`, or `name` for cluster-scoped objects: the key informers and work queues use.
    public var key: String { ObjectKey(namespace: metadata.namespace, name: name).description }

    /// Sets apiVersion and kind from the resource type when they are missing.
    public mutating func fillTypeMeta() {
        if apiVersion == nil { apiVersion = Self.resourceType.apiVersion }
        if kind == nil { kind = Self.resourceType.kind }
    }
}

/// Identifies one object: `namespace/name`, or `name` when cluster-scoped.
public struct ObjectKey: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var namespace: String?
    public var name: String

    public init(namespace: String?, name: String) {
        self.namespace = namespace.flatMap { $0.isEmpty ? nil : $0 }
        self.name = name
    }

    public init(parsing key: String) {
        let parts = key.split(separator: "/", maxSplits: 1).map(String.init)
        if parts.count == 2 {
            self.init(namespace: parts[0], name: parts[1])
        } else {
            self.init(namespace: nil, name: key)
        }
    }

    public var description: String {
        if let namespace { return "\(namespace)/\(name)" }
        return name
    }

    public static func < (lhs: ObjectKey, rhs: ObjectKey) -> Bool { lhs.description < rhs.description }
}
