import KubeModel

/// Small constructors for OpenAPI v3 schema nodes of a structural CRD schema. Every node takes its
/// description first: `kubectl explain` shows it, as it does for Kubernetes' own types.
enum SchemaBuilder {
    static func object(
        _ description: String, _ properties: [String: JSONValue], required: [String] = [],
        default defaultValue: JSONValue? = nil
    ) -> JSONValue {
        var node: JSONObject = ["type": "object", "properties": .object(properties)]
        if !required.isEmpty { node["required"] = .array(required.map(JSONValue.string)) }
        node["description"] = .string(description)
        if let defaultValue { node["default"] = defaultValue }
        return .object(node)
    }

    /// An object whose every field is kept: the pod template's spec and metadata, claim templates.
    static func preservedObject(_ description: String, properties: [String: JSONValue] = [:], required: [String] = [])
        -> JSONValue
    {
        var node: JSONObject = ["type": "object", "x-kubernetes-preserve-unknown-fields": true]
        if !properties.isEmpty { node["properties"] = .object(properties) }
        if !required.isEmpty { node["required"] = .array(required.map(JSONValue.string)) }
        node["description"] = .string(description)
        return .object(node)
    }

    static func string(
        _ description: String, enum values: [String]? = nil, default defaultValue: String? = nil,
        pattern: String? = nil, format: String? = nil
    ) -> JSONValue {
        var node: JSONObject = ["type": "string"]
        if let values { node["enum"] = .array(values.map(JSONValue.string)) }
        if let defaultValue { node["default"] = .string(defaultValue) }
        if let pattern { node["pattern"] = .string(pattern) }
        if let format { node["format"] = .string(format) }
        node["description"] = .string(description)
        return .object(node)
    }

    static func integer(
        _ description: String, format: String = "int32", minimum: Int64? = nil, maximum: Int64? = nil,
        default defaultValue: Int64? = nil
    ) -> JSONValue {
        var node: JSONObject = ["type": "integer", "format": .string(format)]
        if let minimum { node["minimum"] = .int(minimum) }
        if let maximum { node["maximum"] = .int(maximum) }
        if let defaultValue { node["default"] = .int(defaultValue) }
        node["description"] = .string(description)
        return .object(node)
    }

    static func boolean(_ description: String, default defaultValue: Bool? = nil) -> JSONValue {
        var node: JSONObject = ["type": "boolean"]
        if let defaultValue { node["default"] = .bool(defaultValue) }
        node["description"] = .string(description)
        return .object(node)
    }

    static func array(_ description: String, of items: JSONValue, minItems: Int? = nil) -> JSONValue {
        var node: JSONObject = ["type": "array", "items": items]
        if let minItems { node["minItems"] = .int(Int64(minItems)) }
        node["description"] = .string(description)
        return .object(node)
    }

    static func stringMap(_ description: String) -> JSONValue {
        var node: JSONObject = ["type": "object", "additionalProperties": ["type": "string"]]
        node["description"] = .string(description)
        return .object(node)
    }

    /// Kubernetes allows exactly `anyOf: [{type: integer}, {type: string}]` here: a type or pattern inside
    /// the branches makes the schema non-structural. A `pattern` beside them applies to strings only.
    static func intOrString(_ description: String, default defaultValue: JSONValue? = nil, pattern: String? = nil)
        -> JSONValue
    {
        var node: JSONObject = [
            "x-kubernetes-int-or-string": true,
            "anyOf": [["type": "integer"], ["type": "string"]],
        ]
        if let pattern { node["pattern"] = .string(pattern) }
        if let defaultValue { node["default"] = defaultValue }
        node["description"] = .string(description)
        return .object(node)
    }
}
