import KubeModel

/// Everything the server knows about one resource: where it lives, what discovery says about it, and
/// which subresources it has.
public struct ResourceInfo: Sendable, Hashable {
    public var type: ResourceType
    public var singularName: String
    public var shortNames: [String]
    public var subresources: Set<String>
    public var categories: [String]
    /// Set for resources a CustomResourceDefinition serves.
    public var custom: CustomResourceVersion?

    public init(
        _ type: ResourceType, singular: String? = nil, shortNames: [String] = [], subresources: Set<String> = [],
        categories: [String] = [], custom: CustomResourceVersion? = nil
    ) {
        self.type = type
        self.singularName = singular ?? type.kind.lowercased()
        self.shortNames = shortNames
        self.subresources = subresources
        self.categories = categories
        self.custom = custom
    }

    public var hasStatus: Bool { subresources.contains("status") }

    /// The key objects are stored under: stable across versions of the same group.
    public var storageKey: String { "\(type.group)/\(type.plural)" }

    /// What discovery lists, as kube-apiserver: every resource here takes a collection delete but
    /// namespaces, which are deleted one by one.
    public var verbs: [String] {
        supportsDeleteCollection
            ? ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"]
            : ["create", "delete", "get", "list", "patch", "update", "watch"]
    }

    public var supportsDeleteCollection: Bool { !(type.group.isEmpty && type.plural == "namespaces") }
}
