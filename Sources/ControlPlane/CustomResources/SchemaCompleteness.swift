import KubeModel

/// A structural schema must itself specify every field and array that the value validations at its
/// root name: `anyOf: [{properties: {a: ...}}]` needs `properties: {a: ...}` beside it. Like Kubernetes
/// v1.21, only the root's value validations are checked.
enum SchemaCompleteness {
    /// The keywords of Kubernetes' JSONSchemaProps; it drops any other key when it decodes a CRD.
    static let knownKeywords: Set<String> = [
        "id", "$schema", "$ref", "description", "type", "format", "title", "default", "maximum", "exclusiveMaximum",
        "minimum", "exclusiveMinimum", "maxLength", "minLength", "pattern", "maxItems", "minItems", "uniqueItems",
        "multipleOf", "enum", "maxProperties", "minProperties", "required", "items", "allOf", "oneOf", "anyOf", "not",
        "properties", "additionalProperties", "patternProperties", "dependencies", "additionalItems", "definitions",
        "externalDocs", "example", "nullable", "x-kubernetes-preserve-unknown-fields", "x-kubernetes-embedded-resource",
        "x-kubernetes-int-or-string", "x-kubernetes-list-map-keys", "x-kubernetes-list-type", "x-kubernetes-map-type",
    ]

    static func check(_ schema: JSONValue, path: String) -> [FieldError] {
        junctors(SchemaNode(schema), against: SchemaNode(schema), structuralPath: path, validationPath: path)
    }

    private static func junctors(
        _ validation: SchemaNode, against structural: SchemaNode?, structuralPath: String, validationPath: String
    ) -> [FieldError] {
        var branches: [(JSONValue, String)] = validation.not.map { [($0, "\(validationPath).not")] } ?? []
        for key in ["allOf", "anyOf", "oneOf"] {
            branches += validation.schemas(key).enumerated().map { ($1, "\(validationPath).\(key)[\($0)]") }
        }
        return branches.flatMap { branch, path in
            nested(SchemaNode(branch), against: structural, structuralPath: structuralPath, validationPath: path)
        }
    }

    private static func nested(
        _ validation: SchemaNode, against structural: SchemaNode?, structuralPath: String, validationPath: String
    ) -> [FieldError] {
        guard validation.isObject else { return [] }
        guard let structural else {
            return [.required(structuralPath, "because it is defined in \(validationPath)")]
        }
        var errors = junctors(validation, against: structural, structuralPath: structuralPath, validationPath: validationPath)
        if let items = validation.items {
            errors += nested(
                SchemaNode(items), against: structural.items.map(SchemaNode.init),
                structuralPath: "\(structuralPath).items", validationPath: "\(validationPath).items")
        }
        for (name, schema) in validation.properties {
            let field = "\(structuralPath).properties[\(name)]"
            let defined = "\(validationPath).properties[\(name)]"
            guard let specified = structural.property(name) else {
                errors.append(.required(field, "because it is defined in \(defined)"))
                continue
            }
            errors += nested(SchemaNode(schema), against: specified, structuralPath: field, validationPath: defined)
        }
        return errors
    }
}
