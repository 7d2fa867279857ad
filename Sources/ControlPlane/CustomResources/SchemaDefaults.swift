import KubeModel

/// Every `default` in a structural schema must survive pruning unchanged and pass its own schema, as it
/// is, without the defaults nested inside it (Kubernetes checks them so).
enum SchemaDefaults {
    static func check(_ schema: JSONValue, path: String) -> [FieldError] {
        var errors: [FieldError] = []
        node(SchemaNode(schema), path, resourceRoot: true, insideMeta: false, &errors)
        return errors
    }

    private static func node(
        _ node: SchemaNode, _ path: String, resourceRoot: Bool, insideMeta: Bool, _ errors: inout [FieldError]
    ) {
        guard node.isObject else { return }
        let embedded = resourceRoot || node.embeddedResource
        if let value = node.defaultValue {
            if !insideMeta && !isPruned(value, node, resourceRoot: embedded) {
                errors.append(.invalid("\(path).default", value, "must not have unknown fields"))
            }
            errors += SchemaValidator.validate(value, schema: node.json, path: "").map { $0.under("\(path).default") }
        }
        if let items = node.items {
            self.node(SchemaNode(items), "\(path).items", resourceRoot: false, insideMeta: insideMeta && !node.embeddedResource, &errors)
        }
        for (name, schema) in node.properties {
            let meta = embedded ? SchemaRules.metaFields.contains(name) : insideMeta
            self.node(SchemaNode(schema), "\(path).properties[\(name)]", resourceRoot: false, insideMeta: meta, &errors)
        }
    }

    private static func isPruned(_ value: JSONValue, _ node: SchemaNode, resourceRoot: Bool) -> Bool {
        var pruned = value
        return SchemaPruner.prune(&pruned, schema: node.json, resourceRoot: resourceRoot).isEmpty
    }
}

extension FieldError {
    /// An error found in a value checked on its own (field `count`, or empty for the value itself),
    /// reported at the place the value was written (`….default.count`).
    func under(_ place: String) -> FieldError {
        at(field.isEmpty ? place : field.hasPrefix("[") ? place + field : "\(place).\(field)")
    }
}
