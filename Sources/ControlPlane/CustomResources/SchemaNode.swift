import KubeModel

/// One node of an OpenAPI v3 schema as Kubernetes decodes it: a missing key, `null`, `""`, `false` and
/// an empty list all read as unset, because Go's zero values cannot tell them apart.
struct SchemaNode {
    let json: JSONValue

    init(_ json: JSONValue) { self.json = json }

    var isObject: Bool { json.objectValue != nil }

    /// The value of `key` unless it is missing or null.
    func value(_ key: String) -> JSONValue? {
        guard let value = json[key], value != .null else { return nil }
        return value
    }

    func text(_ key: String) -> String { json[key]?.stringValue ?? "" }
    func flag(_ key: String) -> Bool { json[key] == true }

    var type: String { text("type") }
    var nullable: Bool { flag("nullable") }
    var intOrString: Bool { flag("x-kubernetes-int-or-string") }
    var embeddedResource: Bool { flag("x-kubernetes-embedded-resource") }
    var preservesUnknownFields: Bool { flag("x-kubernetes-preserve-unknown-fields") }
    var defaultValue: JSONValue? { value("default") }
    var listType: String? { value("x-kubernetes-list-type")?.stringValue }
    var mapType: String? { value("x-kubernetes-map-type")?.stringValue }
    var listMapKeys: [String] { value("x-kubernetes-list-map-keys")?.arrayValue?.compactMap(\.stringValue) ?? [] }
    var required: [String] { value("required")?.arrayValue?.compactMap(\.stringValue) ?? [] }

    /// Properties sorted by name, so errors come out in a stable order.
    var properties: [(name: String, schema: JSONValue)] {
        (value("properties")?.objectValue ?? [:]).sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    func property(_ name: String) -> SchemaNode? { json[path: ["properties", name]].map(SchemaNode.init) }

    /// `items` when it is one schema (Kubernetes forbids the list form).
    var items: JSONValue? { schema(at: "items") }

    /// `additionalProperties` when it is a schema rather than a boolean.
    var additionalPropertiesSchema: JSONValue? { schema(at: "additionalProperties") }

    /// The value of `key` if it is an object. (A `nil` inside a closure returning JSONValue would be
    /// JSON null, as JSONValue is expressible by nil: hence no `flatMap` here.)
    private func schema(at key: String) -> JSONValue? {
        guard let value = json[key], value.objectValue != nil else { return nil }
        return value
    }

    func schemas(_ key: String) -> [JSONValue] { value(key)?.arrayValue ?? [] }
    var not: JSONValue? { value("not") }
}
