import KubeModel

/// An untyped list answer: its metadata (resourceVersion, continue token) and items, each with
/// `apiVersion` and `kind` filled in.
public struct ObjectList: Sendable, Hashable {
    public var metadata: ListMeta
    public var items: [JSONValue]

    public init(metadata: ListMeta = ListMeta(), items: [JSONValue]) {
        self.metadata = metadata
        self.items = items
    }

    static func decode(_ value: JSONValue, resource: ResourceType) throws -> ObjectList {
        let metadata = try value["metadata"].map { try KubeJSON.decode(ListMeta.self, from: $0) } ?? ListMeta()
        let items = (value["items"]?.arrayValue ?? []).map { item -> JSONValue in
            var item = item
            if item["apiVersion"] == nil { item["apiVersion"] = .string(resource.apiVersion) }
            if item["kind"] == nil { item["kind"] = .string(resource.kind) }
            return item
        }
        return ObjectList(metadata: metadata, items: items)
    }
}
