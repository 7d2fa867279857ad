import KubeModel
import KubeProtobuf

/// The OpenAPI component schemas of custom resources, named like Kubernetes names them
/// (`dev.stead.v1alpha1.StatefulPodSet`) and tagged with their group, version and kind, so that
/// `kubectl explain` and kubectl's schema lookups find them.
enum CustomResourceOpenAPI {
    static func schemas(_ resources: [ResourceInfo]) -> JSONObject {
        var schemas: JSONObject = [:]
        for info in resources {
            guard let custom = info.custom, var schema = custom.schema, schema.objectValue != nil else { continue }
            var properties = schema["properties"]?.objectValue ?? [:]
            properties["apiVersion"] = properties["apiVersion"] ?? ["type": "string"]
            properties["kind"] = properties["kind"] ?? ["type": "string"]
            properties["metadata"] = ["$ref": .string("#/components/schemas/" + BuiltinOpenAPI.objectMetaDefinitionName)]
            schema["properties"] = .object(properties)
            schema["x-kubernetes-group-version-kind"] = [
                [
                    "group": .string(info.type.group), "version": .string(info.type.version),
                    "kind": .string(info.type.kind),
                ]
            ]
            schemas[name(info.type)] = schema
        }
        return schemas
    }

    /// A CRD's (v3) schema as Swagger 2.0 can say it, as kube-apiserver publishes it in `/openapi/v2`:
    /// without `oneOf`, `anyOf`, `not` and `nullable` (a nullable field loses its type, so that v2
    /// validation lets `null` through), with references into `#/definitions/`. Values (`default`, `enum`,
    /// `example`) and property names are left as they are.
    static func swaggerSchema(_ schema: JSONValue) -> JSONValue {
        guard var object = schema.objectValue else { return schema }
        for key in ["oneOf", "anyOf", "not"] { object.removeValue(forKey: key) }
        if object.removeValue(forKey: "nullable")?.boolValue == true { object.removeValue(forKey: "type") }
        if let reference = object["$ref"]?.stringValue, let name = reference.dropPrefix("#/components/schemas/") {
            object["$ref"] = .string("#/definitions/" + name)
        }
        for key in ["properties", "patternProperties", "definitions"] {
            if let schemas = object[key]?.objectValue { object[key] = .object(schemas.mapValues(swaggerSchema)) }
        }
        for key in ["items", "additionalProperties", "additionalItems"] {
            if let nested = object[key], nested.objectValue != nil { object[key] = swaggerSchema(nested) }
        }
        if let items = object["items"]?.arrayValue { object["items"] = .array(items.map(swaggerSchema)) }
        if let allOf = object["allOf"]?.arrayValue { object["allOf"] = .array(allOf.map(swaggerSchema)) }
        return .object(object)
    }

    /// `stead.dev`, `v1alpha1`, `StatefulPodSet` -> `dev.stead.v1alpha1.StatefulPodSet`.
    static func name(_ type: ResourceType) -> String {
        (type.group.split(separator: ".").reversed().map(String.init) + [type.version, type.kind]).joined(separator: ".")
    }

    /// What the schema says, for the document's cache hash.
    static func fingerprint(_ info: ResourceInfo) -> String {
        guard let schema = info.custom?.schema else { return "" }
        return String(decoding: schema.serialized(), as: UTF8.self)
    }
}
