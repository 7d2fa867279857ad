import KubeModel

/// The structural-schema rules a CRD's `openAPIV3Schema` must follow before the server accepts it:
/// an object at the root, a known type on every node (unless int-or-string or preserve-unknown-fields),
/// `items` on every array, and defaults that pass their own schema.
enum SchemaStructure {
    static let types: [JSONValue] = ["array", "boolean", "integer", "number", "object", "string"]

    static func check(_ schema: JSONValue?, path: String) -> [FieldError] {
        guard let schema else { return [.required(path, "schemas are required")] }
        guard schema.objectValue != nil else { return [.invalid(path, schema, "must be an object")] }
        switch schema["type"] {
        case nil, .string(""): return [.required("\(path).type", "must not be empty at the root")]
        case "object": break
        case let other?: return [.invalid("\(path).type", other, "must be object at the root")]
        }
        var errors: [FieldError] = []
        node(schema, path: path, errors: &errors)
        return errors
    }

    private static func node(_ schema: JSONValue, path: String, errors: inout [FieldError]) {
        guard schema.objectValue != nil else {
            errors.append(.invalid(path, schema, "must be an object"))
            return
        }
        let type = schema["type"]
        let untyped = schema["x-kubernetes-int-or-string"] == true || schema["x-kubernetes-preserve-unknown-fields"] == true
        if let type, !types.contains(type) {
            errors.append(.notSupported("\(path).type", type, supported: types))
        } else if type == nil && !untyped {
            errors.append(.required("\(path).type", "must not be empty for specified object fields"))
        }
        if type == "array" && schema["items"] == nil {
            errors.append(.required("\(path).items", "must be specified"))
        }
        for (name, child) in schema["properties"]?.objectValue ?? [:] {
            node(child, path: "\(path).properties[\(name)]", errors: &errors)
        }
        if let items = schema["items"] { node(items, path: "\(path).items", errors: &errors) }
        if let additional = schema["additionalProperties"], additional.boolValue == nil {
            node(additional, path: "\(path).additionalProperties", errors: &errors)
        }
        if var value = schema["default"] {
            SchemaDefaulter.apply(&value, schema: schema)
            let problems = SchemaValidator.validate(value, schema: schema, path: "\(path).default")
            errors += problems.map { FieldError(field: $0.field, reason: "FieldValueInvalid", body: $0.body) }
        }
    }
}
