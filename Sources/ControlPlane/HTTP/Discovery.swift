import KubeModel

/// The discovery documents kubectl and client-go read: `/version`, `/api`, `/apis`, `/apis/{group}`,
/// `/api/v1` and `/apis/{group}/{version}`, built from the registry so run-time resources show up.
struct Discovery: Sendable {
    let registry: ResourceRegistry

    static let gitVersion = "v1.32.0-stead"

    func version() -> JSONValue {
        [
            "major": "1", "minor": "32", "gitVersion": .string(Self.gitVersion), "gitCommit": "",
            "gitTreeState": "clean", "buildDate": "2026-01-01T00:00:00Z", "goVersion": "swift6",
            "compiler": "swift", "platform": "linux/amd64",
        ]
    }

    func apiVersions() -> JSONValue {
        ["kind": "APIVersions", "apiVersion": "v1", "versions": ["v1"], "serverAddressByClientCIDRs": []]
    }

    func apiGroupList() -> JSONValue {
        ["kind": "APIGroupList", "apiVersion": "v1", "groups": .array(registry.groups().map(groupValue))]
    }

    func apiGroup(_ group: String) -> JSONValue? {
        guard let entry = registry.groups().first(where: { $0.group == group }) else { return nil }
        var value = groupValue(entry)
        value["kind"] = "APIGroup"
        value["apiVersion"] = "v1"
        return value
    }

    private func groupValue(_ entry: (group: String, versions: [String])) -> JSONValue {
        let versions: [JSONValue] = entry.versions.map {
            ["groupVersion": .string("\(entry.group)/\($0)"), "version": .string($0)]
        }
        return [
            "name": .string(entry.group), "versions": .array(versions),
            "preferredVersion": versions.last ?? .null,
        ]
    }

    func resourceList(group: String, version: String) -> JSONValue? {
        guard registry.hasGroupVersion(group: group, version: version) else { return nil }
        var resources: [JSONValue] = []
        for info in registry.resources(group: group, version: version) {
            var entry: JSONObject = [
                "name": .string(info.type.plural), "singularName": .string(info.singularName),
                "namespaced": .bool(info.type.namespaced), "kind": .string(info.type.kind),
                "verbs": .array(info.verbs.map { .string($0) }),
            ]
            if !info.shortNames.isEmpty { entry["shortNames"] = .array(info.shortNames.map { .string($0) }) }
            if !info.categories.isEmpty { entry["categories"] = .array(info.categories.map { .string($0) }) }
            resources.append(.object(entry))
            for sub in info.subresources.sorted() {
                let (kind, verbs) = Self.subresource(sub, of: info)
                var subresource: JSONObject = [
                    "name": .string("\(info.type.plural)/\(sub)"), "singularName": "",
                    "namespaced": .bool(info.type.namespaced), "kind": .string(kind), "verbs": .array(verbs),
                ]
                if sub == "scale" {
                    subresource["group"] = "autoscaling"
                    subresource["version"] = "v1"
                }
                if sub == "eviction" {
                    subresource["group"] = "policy"
                    subresource["version"] = "v1"
                }
                if sub == "token" {
                    subresource["group"] = "authentication.k8s.io"
                    subresource["version"] = "v1"
                }
                resources.append(.object(subresource))
            }
        }
        let groupVersion = group.isEmpty ? version : "\(group)/\(version)"
        return [
            "kind": "APIResourceList", "apiVersion": "v1", "groupVersion": .string(groupVersion),
            "resources": .array(resources),
        ]
    }

    // MARK: OpenAPI v3

    /// `/openapi/v3`: where each group version's document is.
    func openAPIV3Root() -> JSONValue {
        var paths: JSONObject = [:]
        var groupVersions = [(group: "", version: "v1")]
        for entry in registry.groups() {
            for version in entry.versions { groupVersions.append((entry.group, version)) }
        }
        for (group, version) in groupVersions {
            let name = group.isEmpty ? "api/\(version)" : "apis/\(group)/\(version)"
            let hash = OpenAPIDocument.hash(registry.resources(group: group, version: version))
            paths[name] = ["serverRelativeURL": .string("/openapi/v3/\(name)?hash=\(hash)")]
        }
        return ["paths": .object(paths)]
    }

    func openAPIV3(group: String, version: String) -> JSONValue? {
        guard registry.hasGroupVersion(group: group, version: version) else { return nil }
        return OpenAPIDocument.groupVersion(registry.resources(group: group, version: version), version: Self.gitVersion)
    }

    /// The kind and verbs discovery lists for a subresource, as kube-apiserver lists them.
    static func subresource(_ name: String, of info: ResourceInfo) -> (kind: String, verbs: [JSONValue]) {
        switch name {
        case "binding": ("Binding", ["create"])
        case "scale": ("Scale", ["get", "patch", "update"])
        case "log": ("Pod", ["get"])
        case "exec": ("PodExecOptions", ["create", "get"])
        case "eviction": ("Eviction", ["create"])
        case "token": ("TokenRequest", ["create"])
        default: (info.type.kind, ["get", "patch", "update"])
        }
    }
}
