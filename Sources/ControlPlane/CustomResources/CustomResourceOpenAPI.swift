import KubeModel

/// The OpenAPI v3 component schemas of custom resources, named like Kubernetes names them
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
            properties["metadata"] = ["type": "object", "x-kubernetes-preserve-unknown-fields": true]
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
