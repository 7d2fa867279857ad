import KubeModel

/// Kubernetes' structural pruning: fields the schema does not specify are dropped, except under
/// `x-kubernetes-preserve-unknown-fields`, and `apiVersion`, `kind` and `metadata` at the root and in
/// embedded resources.
enum SchemaPruner {
    /// Removes unknown fields from `value` and returns their paths (`spec.foo`), sorted. A resource root
    /// (an object, or a default of an embedded resource) keeps its apiVersion, kind and metadata.
    static func prune(_ value: inout JSONValue, schema: JSONValue, resourceRoot: Bool = true) -> [String] {
        var pruned: [String] = []
        prune(&value, schema, path: "", embedded: resourceRoot, &pruned)
        return pruned.sorted()
    }

    private static let typeMeta: Set<String> = ["apiVersion", "kind", "metadata"]

    private static func prune(
        _ value: inout JSONValue, _ schema: JSONValue, path: String, embedded: Bool, _ pruned: inout [String]
    ) {
        switch value {
        case .object(var fields):
            let properties = schema["properties"]?.objectValue ?? [:]
            let additional = schema["additionalProperties"].flatMap { $0.objectValue != nil ? $0 : nil }
            let preserve = schema["x-kubernetes-preserve-unknown-fields"] == true || schema["additionalProperties"] == true
            let prefix = path.isEmpty ? "" : path + "."
            for name in Array(fields.keys) {
                guard var child = fields[name] else { continue }
                if embedded && typeMeta.contains(name) && properties[name] == nil { continue }
                if embedded && name == "metadata" { continue }
                if let childSchema = properties[name] ?? additional {
                    prune(&child, childSchema, path: prefix + name, embedded: isEmbedded(childSchema), &pruned)
                    fields[name] = child
                } else if !preserve {
                    fields.removeValue(forKey: name)
                    pruned.append(prefix + name)
                }
            }
            value = .object(fields)
        case .array(var items):
            guard let itemSchema = schema["items"], itemSchema.objectValue != nil else { return }
            for index in items.indices {
                prune(&items[index], itemSchema, path: "\(path)[\(index)]", embedded: isEmbedded(itemSchema), &pruned)
            }
            value = .array(items)
        default:
            return
        }
    }

    private static func isEmbedded(_ schema: JSONValue) -> Bool {
        schema["x-kubernetes-embedded-resource"] == true
    }
}
