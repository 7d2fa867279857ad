import KubeModel

/// A minimal, honest OpenAPI v3 document for one group version: the paths and operations the server
/// serves, tagged with `x-kubernetes-group-version-kind`, and the query parameters it accepts
/// (`fieldValidation`, `dryRun`, ...). kubectl reads it to learn that the server validates fields, so it
/// can send `fieldValidation=Strict` instead of validating on the client. Built-in types carry no object
/// schemas (the server stores them as schemaless JSON); custom resources carry their CRD's schema.
enum OpenAPIDocument {
    static func groupVersion(_ resources: [ResourceInfo], version: String) -> JSONValue {
        var paths: JSONObject = [:]
        for info in resources {
            let gvk: JSONValue = [
                "group": .string(info.type.group), "version": .string(info.type.version),
                "kind": .string(info.type.kind),
            ]
            let base = info.type.groupVersionPath
            let collection =
                info.type.namespaced
                ? "\(base)/namespaces/{namespace}/\(info.type.plural)" : "\(base)/\(info.type.plural)"
            let item = "\(collection)/{name}"
            paths[collection] = .object([
                "get": operation("list", info, gvk, query: listParameters),
                "post": operation("post", info, gvk, query: writeParameters),
                "parameters": .array(pathParameters(info, name: false)),
            ])
            paths[item] = .object([
                "get": operation("get", info, gvk, query: []),
                "put": operation("put", info, gvk, query: writeParameters),
                "patch": operation("patch", info, gvk, query: writeParameters + ["force"]),
                "delete": operation("delete", info, gvk, query: ["dryRun", "gracePeriodSeconds", "propagationPolicy"]),
                "parameters": .array(pathParameters(info, name: true)),
            ])
            for sub in info.subresources.sorted() where sub == "status" {
                paths["\(item)/status"] = .object([
                    "get": operation("get", info, gvk, query: []),
                    "put": operation("put", info, gvk, query: writeParameters),
                    "patch": operation("patch", info, gvk, query: writeParameters + ["force"]),
                    "parameters": .array(pathParameters(info, name: true)),
                ])
            }
        }
        return [
            "openapi": "3.0.0",
            "info": ["title": "Stead", "version": .string(version)],
            "paths": .object(paths),
            "components": ["schemas": .object(CustomResourceOpenAPI.schemas(resources))],
        ]
    }

    private static let listParameters = [
        "allowWatchBookmarks", "continue", "fieldSelector", "labelSelector", "limit", "resourceVersion",
        "timeoutSeconds", "watch",
    ]
    private static let writeParameters = ["dryRun", "fieldManager", "fieldValidation"]

    private static func operation(_ action: String, _ info: ResourceInfo, _ gvk: JSONValue, query: [String]) -> JSONValue {
        [
            "operationId": .string("\(action)\(info.type.kind)"),
            "x-kubernetes-action": .string(action),
            "x-kubernetes-group-version-kind": gvk,
            "parameters": .array(
                query.map { ["name": .string($0), "in": "query", "schema": ["type": "string", "uniqueItems": true]] }),
            "responses": ["200": ["description": "OK"]],
        ]
    }

    private static func pathParameters(_ info: ResourceInfo, name: Bool) -> [JSONValue] {
        var parameters: [JSONValue] = []
        if name { parameters.append(["name": "name", "in": "path", "required": true, "schema": ["type": "string"]]) }
        if info.type.namespaced {
            parameters.append(["name": "namespace", "in": "path", "required": true, "schema": ["type": "string"]])
        }
        return parameters
    }

    /// A stable hash of what the document says, for the `?hash=` cache key.
    static func hash(_ resources: [ResourceInfo]) -> String {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        for info in resources {
            let text = "\(info.type.apiVersion)/\(info.type.plural)/\(info.type.kind)/\(info.subresources.sorted())"
            for byte in (text + CustomResourceOpenAPI.fingerprint(info)).utf8 {
                value = (value ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
            }
        }
        return String(value, radix: 16, uppercase: true)
    }
}
