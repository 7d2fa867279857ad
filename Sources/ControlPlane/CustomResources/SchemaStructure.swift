import Foundation
import KubeModel

/// Kubernetes' structural-schema rules: every node says its type (unless int-or-string or
/// preserve-unknown-fields), value validations (`allOf`, `anyOf`, `oneOf`, `not`) only restrict values
/// and never add types, fields or extensions, and the metadata and embedded-resource rules hold.
struct SchemaStructure {
    static let types: [JSONValue] = ["array", "boolean", "integer", "number", "object", "string"]

    enum Level {
        case root, item, field

        var emptyTypeDetail: String {
            switch self {
            case .root: "must not be empty at the root"
            case .item: "must not be empty for specified array items"
            case .field: "must not be empty for specified object fields"
            }
        }
    }

    private(set) var errors: [FieldError] = []

    static func check(_ schema: JSONValue, path: String) -> [FieldError] {
        var structure = SchemaStructure()
        structure.visit(SchemaNode(schema), .root, path)
        structure.errors += SchemaCompleteness.check(schema, path: path)
        return structure.errors
    }

    /// The first keyword Kubernetes cannot even convert to a structural schema; it is only reported when
    /// nothing else is wrong, as the other rules name these keywords themselves.
    static func unsupportedKeyword(in schema: JSONValue) -> String? {
        let node = SchemaNode(schema)
        guard node.isObject else { return nil }
        for (key, name) in [("id", "id"), ("$schema", "schema")] where !node.text(key).isEmpty {
            return "OpenAPIV3Schema '\(name)' is not supported"
        }
        if node.value("$ref") != nil { return "OpenAPIV3Schema '$ref' is not supported" }
        for key in ["patternProperties", "dependencies", "definitions"] where !(node.value(key)?.objectValue ?? [:]).isEmpty {
            return "OpenAPIV3Schema '\(key)' is not supported"
        }
        if node.value("additionalItems") != nil { return "OpenAPIV3Schema 'additionalItems' is not supported" }
        if node.value("items")?.arrayValue != nil { return "OpenAPIV3Schema 'items' must be a schema, but is an array" }
        let nested = [node.not, node.items, node.additionalPropertiesSchema].compactMap { $0 }
            + node.schemas("allOf") + node.schemas("anyOf") + node.schemas("oneOf") + node.properties.map(\.schema)
        return nested.lazy.compactMap(unsupportedKeyword).first
    }

    // MARK: Nodes outside value validations

    private mutating func visit(_ node: SchemaNode, _ level: Level, _ path: String) {
        guard node.isObject else {
            errors.append(.invalid(path, node.json, "must be an object"))
            return
        }
        if node.type == "array" && node.value("items") == nil {
            errors.append(.required("\(path).items", "must be specified"))
        }
        if let items = node.items { visit(SchemaNode(items), .item, "\(path).items") }
        for (name, schema) in node.properties { visit(SchemaNode(schema), .field, "\(path).properties[\(name)]") }
        additionalProperties(node, level, path)
        extensions(node, path)
        valueValidation(node, skipAnyOf: Self.isIntOrStringPair(node.schemas("anyOf")), path)
        type(node, level, path)
        if level == .root || node.embeddedResource { typeMeta(node, path) }
        if level == .root, let metadata = node.property("metadata") { rootMetadata(metadata, path) }
        if node.embeddedResource && !node.preservesUnknownFields && node.properties.isEmpty {
            errors.append(.required(
                "\(path).properties",
                "must not be empty if x-kubernetes-embedded-resource is true without x-kubernetes-preserve-unknown-fields"))
        }
    }

    private mutating func additionalProperties(_ node: SchemaNode, _ level: Level, _ path: String) {
        guard node.value("additionalProperties") != nil else { return }
        if level == .root { errors.append(.forbidden("\(path).additionalProperties", "must not be used at the root")) }
        if node.embeddedResource {
            errors.append(.forbidden("\(path).additionalProperties", "must not be used if x-kubernetes-embedded-resource is set"))
        }
        if let schema = node.additionalPropertiesSchema {
            visit(SchemaNode(schema), .field, "\(path).additionalProperties")
        }
    }

    private mutating func extensions(_ node: SchemaNode, _ path: String) {
        guard node.intOrString else { return }
        for key in ["x-kubernetes-preserve-unknown-fields", "x-kubernetes-embedded-resource"] where node.flag(key) {
            errors.append(.invalid("\(path).\(key)", .bool(true), "must be false if x-kubernetes-int-or-string is true"))
        }
    }

    private mutating func type(_ node: SchemaNode, _ level: Level, _ path: String) {
        let type = node.type
        if node.embeddedResource && type != "object" {
            let detail = "must be object if x-kubernetes-embedded-resource is true"
            errors.append(type.isEmpty ? .required("\(path).type", detail) : .invalid("\(path).type", .string(type), detail))
        } else if type.isEmpty && !node.intOrString && !node.preservesUnknownFields {
            errors.append(.required("\(path).type", level.emptyTypeDetail))
        }
        if level == .root && !type.isEmpty && type != "object" {
            errors.append(.invalid("\(path).type", .string(type), "must be object at the root"))
        }
    }

    /// apiVersion and kind are strings and metadata an object, at the root and in embedded resources.
    private mutating func typeMeta(_ node: SchemaNode, _ path: String) {
        for (name, expected) in [("kind", "string"), ("apiVersion", "string"), ("metadata", "object")] {
            guard let field = node.property(name), field.type != expected else { continue }
            errors.append(.invalid("\(path).properties[\(name)].type", .string(field.type), "must be \(expected)"))
        }
    }

    /// The server owns the root metadata: a schema may only restrict name and generateName.
    private mutating func rootMetadata(_ metadata: SchemaNode, _ path: String) {
        let names = Set(metadata.properties.map(\.name))
        let onlyNames = !names.isEmpty && names.isSubset(of: ["name", "generateName"])
        let others = (metadata.json.objectValue ?? [:]).filter { key, value in
            !Self.isUnset(value) && key != "type" && key != "default" && !(key == "properties" && onlyNames)
                && SchemaCompleteness.knownKeywords.contains(key)
        }
        if !others.isEmpty {
            errors.append(.forbidden(
                "\(path).properties[metadata]",
                "must not specify anything other than name and generateName, but metadata is implicitly specified"))
        }
    }

    static func isUnset(_ value: JSONValue) -> Bool {
        value == .null || value == false || value == ""
    }

    // MARK: Value validations

    /// Kubernetes' one exception to "no types in value validations": `anyOf: [{type: integer}, {type: string}]`.
    static func isIntOrStringPair(_ branches: [JSONValue]) -> Bool {
        func only(_ type: String, _ branch: JSONValue) -> Bool {
            guard let fields = branch.objectValue, fields["type"] == .string(type) else { return false }
            return fields.allSatisfy { key, value in key == "type" || isUnset(value) }
        }
        return branches.count == 2 && only("integer", branches[0]) && only("string", branches[1])
    }

    private mutating func valueValidation(_ node: SchemaNode, skipAnyOf: Bool, _ path: String) {
        if !skipAnyOf {
            for (index, branch) in node.schemas("anyOf").enumerated() { nested(branch, skipAnyOf: false, "\(path).anyOf[\(index)]") }
        }
        let allOf = node.schemas("allOf")
        let intOrStringFirst = Self.isIntOrStringPair(allOf.first.map { SchemaNode($0).schemas("anyOf") } ?? [])
        for (index, branch) in allOf.enumerated() {
            nested(branch, skipAnyOf: index == 0 && intOrStringFirst, "\(path).allOf[\(index)]")
        }
        for (index, branch) in node.schemas("oneOf").enumerated() { nested(branch, skipAnyOf: false, "\(path).oneOf[\(index)]") }
        if let not = node.not { nested(not, skipAnyOf: false, "\(path).not") }
        pattern(node, path)
    }

    private mutating func pattern(_ node: SchemaNode, _ path: String) {
        let pattern = node.text("pattern")
        guard !pattern.isEmpty else { return }
        let detail = "must be a valid regular expression, but isn't"
        do {
            _ = try GoRegex.compile(pattern)
            if let construct = GoRegex.unsupported(pattern) {
                errors.append(.invalid("\(path).pattern", .string(pattern), "\(detail): error parsing regexp: \(construct)"))
            }
        } catch {
            errors.append(.invalid("\(path).pattern", .string(pattern), "\(detail): \(error.localizedDescription)"))
        }
    }

    /// Keywords that shape the object (generic) or extend it (x-kubernetes-*), with Kubernetes' wording.
    static let forbiddenInValueValidation: [(key: String, detail: String)] = [
        ("type", "must be empty to be structural"),
        ("additionalProperties", "must be undefined to be structural"),
        ("default", "must be undefined to be structural"),
        ("title", "must be empty to be structural"),
        ("description", "must be empty to be structural"),
        ("nullable", "must be false to be structural"),
        ("x-kubernetes-preserve-unknown-fields", "must be false to be structural"),
        ("x-kubernetes-embedded-resource", "must be false to be structural"),
        ("x-kubernetes-int-or-string", "must be false to be structural"),
        ("x-kubernetes-list-map-keys", "must be empty to be structural"),
        ("x-kubernetes-list-type", "must be undefined to be structural"),
        ("x-kubernetes-map-type", "must be undefined to be structural"),
    ]

    private mutating func nested(_ json: JSONValue, skipAnyOf: Bool, _ path: String) {
        let node = SchemaNode(json)
        guard node.isObject else { return }
        valueValidation(node, skipAnyOf: skipAnyOf, path)
        if let items = node.items { nested(items, skipAnyOf: false, "\(path).items") }
        for (name, schema) in node.properties { nested(schema, skipAnyOf: false, "\(path).properties[\(name)]") }
        for (key, detail) in Self.forbiddenInValueValidation where Self.isSetInValueValidation(node, key) {
            errors.append(.forbidden("\(path).\(key)", detail))
        }
        if node.property("metadata") != nil {
            errors.append(.forbidden("\(path).properties[metadata]", "must not be specified in a nested context"))
        }
    }

    private static func isSetInValueValidation(_ node: SchemaNode, _ key: String) -> Bool {
        switch key {
        case "additionalProperties", "default", "x-kubernetes-list-type", "x-kubernetes-map-type": node.value(key) != nil
        case "x-kubernetes-list-map-keys": !node.listMapKeys.isEmpty
        default: node.json[key].map { !isUnset($0) } ?? false
        }
    }
}
