import KubeModel

/// OpenAPI schemas of the built-in kinds, derived from the tables the protobuf codec reads: a client learns
/// exactly the JSON names and types the server reads and writes. Definitions are named as Kubernetes names
/// them (`io.k8s.api.apps.v1.Deployment`) and kinds carry `x-kubernetes-group-version-kind`, which is how
/// `kubectl explain` and kubectl's validation find them. There are no descriptions (Kubernetes' texts are
/// its own) and no strategic-merge extensions, so kubectl computes patches of built-in kinds from its own
/// compiled-in types, as it does against a server whose OpenAPI lacks them.
public enum BuiltinOpenAPI {
    public enum Flavor: Sendable {
        /// Swagger 2.0 (`/openapi/v2`): references into `#/definitions/`.
        case v2
        /// OpenAPI 3.0 (`/openapi/v3/...`): references into `#/components/schemas/`.
        case v3

        public var referencePrefix: String { self == .v2 ? "#/definitions/" : "#/components/schemas/" }
    }

    /// Whether the tables describe the kind.
    public static func describes(_ kind: GroupVersionKind) -> Bool {
        Schema.shared.kinds[Schema.KindKey(apiVersion: kind.apiVersion, kind: kind.kind)] != nil
    }

    /// The definition name of a kind's schema (`io.k8s.api.core.v1.Pod`), nil for a kind the tables lack.
    public static func definitionName(_ kind: GroupVersionKind) -> String? {
        let schema = Schema.shared
        return schema.kinds[Schema.KindKey(apiVersion: kind.apiVersion, kind: kind.kind)].map {
            definitionName(of: schema.messages[$0])
        }
    }

    /// The definition name of a kind's list (`io.k8s.api.core.v1.PodList`).
    public static func listDefinitionName(_ kind: GroupVersionKind) -> String? {
        definitionName(kind).map { $0 + "List" }
    }

    /// The definitions of `kinds` (each with `apiVersion`, `kind` and the extension naming it), of their
    /// lists, of `DeleteOptions` and `Status` (tagged with every group version in `groupVersions`), and of
    /// everything they refer to.
    public static func definitions(kinds: [GroupVersionKind], groupVersions: [(group: String, version: String)], flavor: Flavor)
        -> JSONObject
    {
        var writer = DefinitionWriter(schema: Schema.shared, flavor: flavor)
        for kind in kinds {
            guard let root = Schema.shared.kinds[Schema.KindKey(apiVersion: kind.apiVersion, kind: kind.kind)] else {
                continue
            }
            writer.addKind(root, tags: [kind.extensionValue])
            writer.addList(of: root, kind: kind)
        }
        for name in ["DeleteOptions", "Status"] {
            guard let message = Schema.shared.messageIndex[name] else { continue }
            let tags: [JSONValue] = groupVersions.map { entry in
                ["group": .string(entry.group), "version": .string(entry.version), "kind": .string(name)]
            }
            writer.addKind(message, tags: tags)
        }
        writer.addMessage(named: "ObjectMeta")  // custom resources' metadata refers to it
        return writer.definitions
    }

    /// The definition name of object metadata, which custom resources' schemas refer to.
    public static let objectMetaDefinitionName = "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"

    /// What the tables say, for a document's cache hash: changes when a field is added or required.
    public static let fingerprint: String = {
        let text = Schema.shared.messages.map { message in
            definitionName(of: message) + message.fields.map { "\($0.number)\($0.jsonName)" }.joined()
                + message.required.joined(separator: ",")
        }.joined(separator: ";")
        return String(FNV1a.hash(text), radix: 16)
    }()

    static func definitionName(of message: Schema.Message) -> String {
        "\(message.package).\(message.goName)"
    }
}

extension GroupVersionKind {
    var apiVersion: String { group.isEmpty ? version : "\(group)/\(version)" }

    /// The kind as `x-kubernetes-group-version-kind` names it.
    public var extensionValue: JSONValue {
        ["group": .string(group), "version": .string(version), "kind": .string(kind)]
    }
}

/// Writes the definitions a set of kinds needs, each message once.
private struct DefinitionWriter {
    let schema: Schema
    let flavor: BuiltinOpenAPI.Flavor
    private(set) var definitions: JSONObject = [:]

    init(schema: Schema, flavor: BuiltinOpenAPI.Flavor) {
        self.schema = schema
        self.flavor = flavor
    }

    mutating func addKind(_ index: Int, tags: [JSONValue]) {
        let name = BuiltinOpenAPI.definitionName(of: schema.messages[index])
        var definition = objectSchema(index)
        var properties = definition["properties"]?.objectValue ?? [:]
        properties["apiVersion"] = ["type": "string"]
        properties["kind"] = ["type": "string"]
        definition["properties"] = .object(properties)
        definition["x-kubernetes-group-version-kind"] = .array(tags)
        definitions[name] = .object(definition)
    }

    mutating func addMessage(named name: String) {
        if let index = schema.messageIndex[name] { _ = reference(to: index) }
    }

    mutating func addList(of index: Int, kind: GroupVersionKind) {
        let name = BuiltinOpenAPI.definitionName(of: schema.messages[index])
        guard let listMeta = schema.messageIndex["ListMeta"] else { return }
        definitions[name + "List"] = [
            "type": "object",
            "required": ["items"],
            "properties": [
                "apiVersion": ["type": "string"],
                "kind": ["type": "string"],
                "metadata": reference(to: listMeta),
                "items": ["type": "array", "items": .object(["$ref": .string(flavor.referencePrefix + name)])],
            ],
            "x-kubernetes-group-version-kind": [
                ["group": .string(kind.group), "version": .string(kind.version), "kind": .string(kind.kind + "List")]
            ],
        ]
    }

    /// The schema of a message, adding the definitions it refers to.
    private mutating func objectSchema(_ index: Int) -> JSONObject {
        var properties: JSONObject = [:]
        collectProperties(of: index, into: &properties)
        var schema: JSONObject = ["type": "object", "properties": .object(properties)]
        let required = requiredFields(of: index)
        if !required.isEmpty { schema["required"] = .array(required.map { .string($0) }) }
        return schema
    }

    /// The required fields of a message and of the messages inlined in it.
    private func requiredFields(of index: Int) -> [String] {
        let message = schema.messages[index]
        return message.required + message.fields.flatMap { field -> [String] in
            guard field.shape == .inline, case .message(let target) = field.value else { return [] }
            return requiredFields(of: target)
        }
    }

    /// A message's properties, with the fields of its inline messages at the same level (as in JSON).
    private mutating func collectProperties(of index: Int, into properties: inout JSONObject) {
        for field in schema.messages[index].fields {
            if field.shape == .inline, case .message(let target) = field.value {
                collectProperties(of: target, into: &properties)
                continue
            }
            let value = valueSchema(field.value)
            switch field.shape {
            case .single, .inline: properties[field.jsonName] = value
            case .repeated: properties[field.jsonName] = ["type": "array", "items": value]
            case .map: properties[field.jsonName] = ["type": "object", "additionalProperties": value]
            }
        }
    }

    private mutating func valueSchema(_ value: Schema.Value) -> JSONValue {
        switch value {
        case .string: return ["type": "string"]
        case .bytes: return ["type": "string", "format": "byte"]
        case .bool: return ["type": "boolean"]
        case .int32: return ["type": "integer", "format": "int32"]
        case .int64: return ["type": "integer", "format": "int64"]
        case .duration: return ["type": "string"]
        case .stringList: return ["type": "array", "items": ["type": "string"]]
        case .double: return ["type": "number", "format": "double"]
        case .message(let index): return reference(to: index)
        case .quantity, .intOrString, .time, .microTime, .rawExtension, .fieldsV1, .json, .schemaOrArray, .schemaOrBool,
            .schemaOrStringArray:
            let (name, definition) = wellKnown(value)
            definitions[name] = definitions[name] ?? definition
            return ["$ref": .string(flavor.referencePrefix + name)]
        }
    }

    private mutating func reference(to index: Int) -> JSONValue {
        let name = BuiltinOpenAPI.definitionName(of: schema.messages[index])
        if definitions[name] == nil {
            definitions[name] = [:]  // claimed first: a message that refers to itself ends here
            definitions[name] = .object(objectSchema(index))
        }
        return ["$ref": .string(flavor.referencePrefix + name)]
    }

    /// The definitions Kubernetes gives its special JSON forms.
    private func wellKnown(_ value: Schema.Value) -> (String, JSONValue) {
        let meta = "io.k8s.apimachinery.pkg.apis.meta.v1."
        let apiextensions = "io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1."
        switch value {
        case .quantity:
            let text: JSONValue = flavor == .v2 ? ["type": "string"] : ["oneOf": [["type": "string"], ["type": "number"]]]
            return ("io.k8s.apimachinery.pkg.api.resource.Quantity", text)
        case .intOrString:
            let either: JSONValue =
                flavor == .v2
                ? ["type": "string", "format": "int-or-string"]
                : ["format": "int-or-string", "oneOf": [["type": "integer"], ["type": "string"]]]
            return ("io.k8s.apimachinery.pkg.util.intstr.IntOrString", either)
        case .time: return (meta + "Time", ["type": "string", "format": "date-time"])
        case .microTime: return (meta + "MicroTime", ["type": "string", "format": "date-time"])
        case .fieldsV1: return (meta + "FieldsV1", ["type": "object"])
        // apiextensions/v1's polymorphic JSON: Kubernetes gives these definitions no type.
        case .json: return (apiextensions + "JSON", [:])
        case .schemaOrArray: return (apiextensions + "JSONSchemaPropsOrArray", [:])
        case .schemaOrBool: return (apiextensions + "JSONSchemaPropsOrBool", [:])
        case .schemaOrStringArray: return (apiextensions + "JSONSchemaPropsOrStringArray", [:])
        default: return ("io.k8s.apimachinery.pkg.runtime.RawExtension", ["type": "object"])
        }
    }
}
