import KubeModel
import KubeProtobuf

/// The server's OpenAPI documents: v3 one per group version (`/openapi/v3/apis/apps/v1`), v2 one for all
/// (`/openapi/v2`). Each has the paths and operations the server serves, tagged with
/// `x-kubernetes-group-version-kind` and `x-kubernetes-action`, the query parameters it accepts
/// (`fieldValidation` tells kubectl that the server validates fields), and the schemas: built-in kinds'
/// from the tables the protobuf codec reads (`BuiltinOpenAPI`), custom resources' from their CRDs.
enum OpenAPIDocument {
    /// The group versions `DeleteOptions` and `Status` are tagged with.
    typealias GroupVersions = [(group: String, version: String)]

    static func groupVersion(_ resources: [ResourceInfo], all groupVersions: GroupVersions, version: String) -> JSONValue {
        [
            "openapi": "3.0.0",
            "info": ["title": "Kubernetes", "version": .string(version)],
            "paths": .object(paths(resources, flavor: .v3)),
            "components": ["schemas": .object(definitions(resources, groupVersions: groupVersions, flavor: .v3))],
        ]
    }

    /// `/openapi/v2`: every resource in one Swagger 2.0 document.
    static func swagger(_ resources: [ResourceInfo], all groupVersions: GroupVersions, version: String) -> JSONValue {
        [
            "swagger": "2.0",
            "info": ["title": "Kubernetes", "version": .string(version)],
            "paths": .object(paths(resources, flavor: .v2)),
            "definitions": .object(definitions(resources, groupVersions: groupVersions, flavor: .v2)),
        ]
    }

    private static func definitions(_ resources: [ResourceInfo], groupVersions: GroupVersions, flavor: BuiltinOpenAPI.Flavor)
        -> JSONObject
    {
        let builtin = resources.filter { $0.custom == nil }.flatMap(kinds)
        var definitions = BuiltinOpenAPI.definitions(kinds: builtin, groupVersions: groupVersions, flavor: flavor)
        for (name, schema) in CustomResourceOpenAPI.schemas(resources) {
            definitions[name] = flavor == .v2 ? CustomResourceOpenAPI.swaggerSchema(schema) : schema
        }
        return definitions
    }

    /// The kinds a resource's operations take and give: its own, and its subresources' (Scale, Eviction, ...).
    private static func kinds(_ info: ResourceInfo) -> [GroupVersionKind] {
        var kinds = [GroupVersionKind(group: info.type.group, version: info.type.version, kind: info.type.kind)]
        for name in info.subresources.sorted() {
            let sub = Discovery.subresource(name, of: info)
            kinds.append(GroupVersionKind(group: sub.group, version: sub.version, kind: sub.kind))
        }
        return kinds.filter(BuiltinOpenAPI.describes)
    }

    // MARK: Paths

    private static func paths(_ resources: [ResourceInfo], flavor: BuiltinOpenAPI.Flavor) -> JSONObject {
        var paths: JSONObject = [:]
        for info in resources {
            let operations = Operations(info: info, flavor: flavor)
            let base = info.type.groupVersionPath
            let collection =
                info.type.namespaced
                ? "\(base)/namespaces/{namespace}/\(info.type.plural)" : "\(base)/\(info.type.plural)"
            if info.isReview {
                paths[collection] = operations.pathItem(["post": operations.write("post")], name: false)
                continue
            }
            paths[collection] = operations.pathItem(
                ["get": operations.list(), "post": operations.write("post")], name: false)
            paths["\(collection)/{name}"] = operations.pathItem(operations.item(), name: true)
            if info.hasStatus {
                var status = operations.item()
                status["delete"] = nil
                paths["\(collection)/{name}/status"] = operations.pathItem(status, name: true)
            }
        }
        return paths
    }

    /// The operations of one resource, in one flavor's shape.
    private struct Operations {
        let info: ResourceInfo
        let flavor: BuiltinOpenAPI.Flavor

        private static let listParameters = [
            "allowWatchBookmarks", "continue", "fieldSelector", "labelSelector", "limit", "resourceVersion",
            "resourceVersionMatch", "sendInitialEvents", "timeoutSeconds", "watch",
        ]
        private static let writeParameters = ["dryRun", "fieldManager", "fieldValidation"]

        func item() -> JSONObject {
            [
                "get": operation("get", query: [], response: definitionName),
                "put": write("put"),
                "patch": operation("patch", query: Self.writeParameters + ["force"], response: definitionName),
                "delete": operation(
                    "delete", query: ["dryRun", "gracePeriodSeconds", "propagationPolicy"], response: nil),
            ]
        }

        func list() -> JSONValue {
            operation("list", query: Self.listParameters, response: listDefinitionName)
        }

        func write(_ action: String) -> JSONValue {
            operation(action, query: Self.writeParameters, response: definitionName)
        }

        func pathItem(_ operations: JSONObject, name: Bool) -> JSONValue {
            var item = operations
            item["parameters"] = .array(pathParameters(name: name))
            return .object(item)
        }

        private var kind: GroupVersionKind {
            GroupVersionKind(group: info.type.group, version: info.type.version, kind: info.type.kind)
        }

        private var definitionName: String? {
            if info.custom != nil { return CustomResourceOpenAPI.name(info.type) }
            return BuiltinOpenAPI.definitionName(kind)
        }

        private var listDefinitionName: String? {
            info.custom == nil ? BuiltinOpenAPI.listDefinitionName(kind) : nil
        }

        private func operation(_ action: String, query: [String], response: String?) -> JSONValue {
            let verb = action.prefix(1).uppercased() + action.dropFirst()
            var operation: JSONObject = [
                "operationId": .string("\(action)\(info.type.kind)"),
                "x-kubernetes-action": .string(action),
                "x-kubernetes-group-version-kind": kind.extensionValue,
                "parameters": .array(query.map { parameter($0, in: "query", required: false) }),
                "responses": ["200": .object(self.response(response, description: "OK"))],
            ]
            if flavor == .v2 { operation["summary"] = .string("\(verb) \(info.type.kind)") }
            return .object(operation)
        }

        private func response(_ definition: String?, description: String) -> JSONObject {
            var response: JSONObject = ["description": .string(description)]
            guard let definition else { return response }
            let schema: JSONValue = ["$ref": .string(flavor.referencePrefix + definition)]
            switch flavor {
            case .v2: response["schema"] = schema
            case .v3: response["content"] = ["application/json": ["schema": schema]]
            }
            return response
        }

        private func pathParameters(name: Bool) -> [JSONValue] {
            var parameters: [JSONValue] = []
            if name { parameters.append(parameter("name", in: "path", required: true)) }
            if info.type.namespaced { parameters.append(parameter("namespace", in: "path", required: true)) }
            return parameters
        }

        private func parameter(_ name: String, in location: String, required: Bool) -> JSONValue {
            var parameter: JSONObject = ["name": .string(name), "in": .string(location)]
            if required { parameter["required"] = true }
            switch flavor {
            case .v2:
                parameter["type"] = "string"
                parameter["uniqueItems"] = true
            case .v3:
                parameter["schema"] = ["type": "string", "uniqueItems": true]
            }
            return .object(parameter)
        }
    }

    /// A stable hash of what a group version's document says, for the `?hash=` cache key.
    static func hash(_ resources: [ResourceInfo]) -> String {
        var text = BuiltinOpenAPI.fingerprint
        for info in resources {
            text += "\(info.type.apiVersion)/\(info.type.plural)/\(info.type.kind)/\(info.subresources.sorted())"
            text += CustomResourceOpenAPI.fingerprint(info)
        }
        return String(FNV1a.hash(text), radix: 16, uppercase: true)
    }
}
