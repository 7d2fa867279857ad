import KubeModel

/// Everything the server knows about one resource: where it lives, what discovery says about it, which
/// subresources it has, how its objects are admitted (`strategy`) and printed (`printer`).
public struct ResourceInfo: Sendable {
    public var type: ResourceType
    public var singularName: String
    public var shortNames: [String]
    public var subresources: Set<String>
    public var categories: [String]
    /// Set for resources a CustomResourceDefinition serves.
    public var custom: CustomResourceVersion?
    var strategy: any ResourceStrategy
    var printer: TablePrinter
    /// The fields a field selector may name beyond `metadata.name` and `metadata.namespace`.
    var fieldLabels: Set<String>
    /// A question, not an object: only created, never stored (access reviews, token reviews).
    var isReview = false
    /// Set for a resource served from another one's objects (events.k8s.io/v1 Events are core/v1 Events).
    var conversion: StorageConversion?

    public init(
        _ type: ResourceType, singular: String? = nil, shortNames: [String] = [], subresources: Set<String> = [],
        categories: [String] = [], custom: CustomResourceVersion? = nil
    ) {
        self.init(
            type, singular: singular, shortNames: shortNames, subresources: subresources, categories: categories,
            custom: custom, strategy: PlainStrategy(),
            printer: custom.map(CustomResourceTable.printer) ?? .createdAt)
    }

    init(
        _ type: ResourceType, singular: String? = nil, shortNames: [String] = [], subresources: Set<String> = [],
        categories: [String] = [], custom: CustomResourceVersion? = nil, strategy: any ResourceStrategy,
        printer: TablePrinter, fieldLabels: Set<String> = []
    ) {
        self.type = type
        self.singularName = singular ?? type.kind.lowercased()
        self.shortNames = shortNames
        self.subresources = subresources
        self.categories = categories
        self.custom = custom
        self.strategy = strategy
        self.printer = printer
        self.fieldLabels = fieldLabels
    }

    public var hasStatus: Bool { subresources.contains("status") }

    /// The key objects are stored under: stable across versions of the same group.
    public var storageKey: String {
        let stored = conversion?.storage ?? type
        return "\(stored.group)/\(stored.plural)"
    }

    /// What discovery lists, as kube-apiserver: every resource here takes a collection delete but
    /// namespaces, which are deleted one by one.
    public var verbs: [String] {
        if isReview { return ["create"] }
        return supportsDeleteCollection
            ? ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"]
            : ["create", "delete", "get", "list", "patch", "update", "watch"]
    }

    /// A stored object as this resource serves it (converted when it is stored as another resource's).
    func served(_ stored: StoredObject) -> StoredObject {
        conversion?.served(stored) ?? stored
    }

    func served(_ event: StoreEvent) -> StoreEvent {
        conversion?.served(event) ?? event
    }

    /// An object of this resource as the store keeps it.
    func stored(_ object: JSONValue) -> JSONValue {
        conversion?.toStorage(object) ?? object
    }

    public var supportsDeleteCollection: Bool { !(type.group.isEmpty && type.plural == "namespaces") }
}

extension ResourceInfo: Equatable {
    /// The same resource as discovery describes it.
    public static func == (lhs: ResourceInfo, rhs: ResourceInfo) -> Bool {
        lhs.type == rhs.type && lhs.singularName == rhs.singularName && lhs.shortNames == rhs.shortNames
            && lhs.subresources == rhs.subresources && lhs.categories == rhs.categories && lhs.custom == rhs.custom
    }
}
