import KubeModel

/// Applies `default` values as Kubernetes does: a missing field (or a null one that is not nullable)
/// gets a copy of its default, then defaults inside it apply too, top down.
enum SchemaDefaulter {
    static func apply(_ value: inout JSONValue, schema: JSONValue) {
        switch value {
        case .object(var fields):
            let properties = schema["properties"]?.objectValue ?? [:]
            for (name, child) in properties {
                // Kubernetes decodes `default: null` as no default at all.
                guard let defaultValue = child["default"], defaultValue != .null else { continue }
                if fields[name] == nil || fields[name] == .null && child["nullable"] != true {
                    fields[name] = defaultValue
                }
            }
            let additional = schema["additionalProperties"].flatMap { $0.objectValue != nil ? $0 : nil }
            for name in Array(fields.keys) {
                guard var child = fields[name], let childSchema = properties[name] ?? additional else { continue }
                apply(&child, schema: childSchema)
                fields[name] = child
            }
            value = .object(fields)
        case .array(var items):
            guard let itemSchema = schema["items"], itemSchema.objectValue != nil else { return }
            for index in items.indices { apply(&items[index], schema: itemSchema) }
            value = .array(items)
        default:
            return
        }
    }
}
