import KubeModel

/// Where a value sits in an object, for how server-side apply treats the lists inside it. Built-in kinds
/// follow the strategic merge table (by the list's and its parent's field names); custom resources their
/// schema's `x-kubernetes-list-type` and `x-kubernetes-list-map-keys`, a list without them being one
/// atomic value, as Kubernetes treats it (their `metadata` is ObjectMeta: the table again).
struct ListPosition: Sendable {
    enum Rule: Equatable {
        /// The whole list is one value, owned and replaced as one.
        case atomic
        /// Elements are values, owned one by one (`finalizers`, `x-kubernetes-list-type: set`).
        case set
        /// Elements are objects identified by these fields (`containers` by `name`).
        case keyed([String])
    }

    /// The field the value is in ("" at the root).
    private var parent: String
    /// The schema of the value; nil where the strategic merge table decides.
    private var schema: SchemaNode?

    static let builtin = ListPosition(parent: "", schema: nil)

    /// The root of the objects of `resource`.
    static func root(of resource: ResourceInfo) -> ListPosition {
        guard let custom = resource.custom else { return .builtin }
        return ListPosition(parent: "", schema: SchemaNode(custom.schema ?? [:]))
    }

    /// The rule of the list in `field` of the value here.
    func rule(_ field: String) -> Rule {
        guard let schema else {
            switch StrategicMergePatch.strategy(field, parent: parent) {
            case .replace: return .atomic
            case .mergePrimitives: return .set
            case .mergeByKey(let key): return .keyed(ListKeys.keys(field, parent: parent, mergeKey: key))
            }
        }
        guard let list = child(of: schema, field) else { return .atomic }
        switch list.listType {
        case "map" where !list.listMapKeys.isEmpty: return .keyed(list.listMapKeys)
        case "set": return .set
        default: return .atomic
        }
    }

    /// The position of the value in `field` (an object's field, or the elements of a list).
    func inside(_ field: String) -> ListPosition {
        guard let schema, !(parent.isEmpty && field == "metadata") else { return ListPosition(parent: field, schema: nil) }
        let node = child(of: schema, field) ?? SchemaNode([:])
        return ListPosition(parent: field, schema: node.items.map(SchemaNode.init) ?? node)
    }

    /// A property's schema, or a map's value schema.
    private func child(of schema: SchemaNode, _ field: String) -> SchemaNode? {
        schema.property(field) ?? schema.additionalPropertiesSchema.map(SchemaNode.init)
    }
}
