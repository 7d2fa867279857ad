import KubeModel

/// Small constructors for OpenAPI v3 schema nodes of a structural CRD schema.
enum SchemaBuilder {
    static func object(
        _ properties: [String: JSONValue], required: [String] = [], description: String? = nil,
        default defaultValue: JSONValue? = nil
    ) -> JSONValue {
        var node: JSONObject = ["type": "object", "properties": .object(properties)]
        if !required.isEmpty { node["required"] = .array(required.map(JSONValue.string)) }
        if let description { node["description"] = .string(description) }
        if let defaultValue { node["default"] = defaultValue }
        return .object(node)
    }

    /// An object whose every field is kept: the pod template's spec and metadata, claim templates.
    static func preservedObject(description: String? = nil) -> JSONValue {
        var node: JSONObject = ["type": "object", "x-kubernetes-preserve-unknown-fields": true]
        if let description { node["description"] = .string(description) }
        return .object(node)
    }

    static func string(
        enum values: [String]? = nil, default defaultValue: String? = nil, pattern: String? = nil,
        description: String? = nil
    ) -> JSONValue {
        var node: JSONObject = ["type": "string"]
        if let values { node["enum"] = .array(values.map(JSONValue.string)) }
        if let defaultValue { node["default"] = .string(defaultValue) }
        if let pattern { node["pattern"] = .string(pattern) }
        if let description { node["description"] = .string(description) }
        return .object(node)
    }

    static func integer(
        format: String = "int32", minimum: Int64? = nil, maximum: Int64? = nil, default defaultValue: Int64? = nil,
        description: String? = nil
    ) -> JSONValue {
        var node: JSONObject = ["type": "integer", "format": .string(format)]
        if let minimum { node["minimum"] = .int(minimum) }
        if let maximum { node["maximum"] = .int(maximum) }
        if let defaultValue { node["default"] = .int(defaultValue) }
        if let description { node["description"] = .string(description) }
        return .object(node)
    }

    static func boolean(default defaultValue: Bool? = nil, description: String? = nil) -> JSONValue {
        var node: JSONObject = ["type": "boolean"]
        if let defaultValue { node["default"] = .bool(defaultValue) }
        if let description { node["description"] = .string(description) }
        return .object(node)
    }

    static func array(of items: JSONValue, description: String? = nil) -> JSONValue {
        var node: JSONObject = ["type": "array", "items": items]
        if let description { node["description"] = .string(description) }
        return .object(node)
    }

    static func stringMap(description: String? = nil) -> JSONValue {
        var node: JSONObject = ["type": "object", "additionalProperties": ["type": "string"]]
        if let description { node["description"] = .string(description) }
        return .object(node)
    }

    /// Kubernetes allows exactly `anyOf: [{type: integer}, {type: string}]` here: a type or pattern inside
    /// the branches makes the schema non-structural. A `pattern` beside them applies to strings only.
    static func intOrString(default defaultValue: JSONValue? = nil, pattern: String? = nil, description: String? = nil)
        -> JSONValue
    {
        var node: JSONObject = [
            "x-kubernetes-int-or-string": true,
            "anyOf": [["type": "integer"], ["type": "string"]],
        ]
        if let pattern { node["pattern"] = .string(pattern) }
        if let defaultValue { node["default"] = defaultValue }
        if let description { node["description"] = .string(description) }
        return .object(node)
    }
}
