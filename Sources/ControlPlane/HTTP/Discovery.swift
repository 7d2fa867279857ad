import Foundation
import KubeModel
import KubeProtobuf
import Synchronization

/// The discovery documents kubectl and client-go read: `/version`, `/api`, `/apis`, `/apis/{group}`,
/// `/api/v1` and `/apis/{group}/{version}`, built from the registry so run-time resources show up.
struct Discovery: Sendable {
    let registry: ResourceRegistry
    private let swaggerCache = SwaggerCache()

    init(registry: ResourceRegistry) {
        self.registry = registry
    }

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
        let versions: [JSONValue] = Self.byPriority(entry.versions).map {
            ["groupVersion": .string("\(entry.group)/\($0)"), "version": .string($0)]
        }
        return ["name": .string(entry.group), "versions": .array(versions), "preferredVersion": versions.first ?? .null]
    }

    /// Versions as Kubernetes orders them: GA before beta before alpha, higher numbers first, anything
    /// else last by name (`v2`, `v1`, `v1beta2`, `v1beta1`, `v1alpha1`).
    static func byPriority(_ versions: [String]) -> [String] {
        func rank(_ version: String) -> (Int, Int, Int, String) {
            let scanner = version.dropFirst()
            guard version.hasPrefix("v"), let major = Int(scanner.prefix { $0.isNumber }) else { return (3, 0, 0, version) }
            let rest = scanner.drop { $0.isNumber }
            if rest.isEmpty { return (0, -major, 0, version) }
            for (index, stage) in ["beta", "alpha"].enumerated() where rest.hasPrefix(stage) {
                guard let minor = Int(rest.dropFirst(stage.count)) else { break }
                return (1 + index, -major, -minor, version)
            }
            return (3, 0, 0, version)
        }
        return versions.sorted { rank($0) < rank($1) }
    }

    // MARK: Aggregated discovery

    /// The `apidiscovery.k8s.io` version an Accept header asks for (`v2` or `v2beta1`), if any: kubectl
    /// 1.30+ asks for every group's resources in one answer.
    static func aggregatedVersion(_ accept: String?) -> String? {
        for offer in MediaRange.offers(accept) {
            guard offer.parameters["as"] == "APIGroupDiscoveryList", offer.parameters["g"] == "apidiscovery.k8s.io",
                let version = offer.parameters["v"], ["v2", "v2beta1"].contains(version)
            else {
                if offer.parameters["as"] == nil { return nil }
                continue
            }
            return version
        }
        return nil
    }

    static func aggregatedContentType(_ version: String) -> String {
        "application/json;g=apidiscovery.k8s.io;v=\(version);as=APIGroupDiscoveryList"
    }

    /// `/api` (`core: true`) or `/apis` as an APIGroupDiscoveryList: each group with its versions
    /// (preferred first) and every resource of each.
    func aggregated(core: Bool, version: String) -> JSONValue {
        let groups: [(group: String, versions: [String])] = core ? [("", ["v1"])] : registry.groups()
        let items: [JSONValue] = groups.map { entry in
            [
                "metadata": ["name": .string(entry.group), "creationTimestamp": .null],
                "versions": .array(
                    Self.byPriority(entry.versions).map { groupVersion in
                        [
                            "version": .string(groupVersion), "freshness": "Current",
                            "resources": .array(
                                registry.resources(group: entry.group, version: groupVersion).map(Self.aggregatedResource)),
                        ]
                    }),
            ]
        }
        return [
            "kind": "APIGroupDiscoveryList", "apiVersion": .string("apidiscovery.k8s.io/\(version)"), "metadata": [:],
            "items": .array(items),
        ]
    }

    private static func aggregatedResource(_ info: ResourceInfo) -> JSONValue {
        let type = info.type
        var resource: JSONObject = [
            "resource": .string(type.plural),
            "responseKind": ["group": .string(type.group), "version": .string(type.version), "kind": .string(type.kind)],
            "scope": .string(type.namespaced ? "Namespaced" : "Cluster"), "singularResource": .string(info.singularName),
            "verbs": .array(info.verbs.map(JSONValue.string)),
        ]
        if !info.shortNames.isEmpty { resource["shortNames"] = .array(info.shortNames.map(JSONValue.string)) }
        if !info.categories.isEmpty { resource["categories"] = .array(info.categories.map(JSONValue.string)) }
        let subresources: [JSONValue] = info.subresources.sorted().map { name in
            let (group, version, kind, verbs) = subresource(name, of: info)
            return [
                "subresource": .string(name),
                "responseKind": ["group": .string(group), "version": .string(version), "kind": .string(kind)],
                "verbs": .array(verbs),
            ]
        }
        if !subresources.isEmpty { resource["subresources"] = .array(subresources) }
        return .object(resource)
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
                let (subGroup, subVersion, kind, verbs) = Self.subresource(sub, of: info)
                var subresource: JSONObject = [
                    "name": .string("\(info.type.plural)/\(sub)"), "singularName": "",
                    "namespaced": .bool(info.type.namespaced), "kind": .string(kind), "verbs": .array(verbs),
                ]
                if subGroup != info.type.group || subVersion != info.type.version {
                    subresource["group"] = .string(subGroup)
                    subresource["version"] = .string(subVersion)
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
        for (group, version) in servedGroupVersions() {
            let name = group.isEmpty ? "api/\(version)" : "apis/\(group)/\(version)"
            let hash = OpenAPIDocument.hash(registry.resources(group: group, version: version))
            paths[name] = ["serverRelativeURL": .string("/openapi/v3/\(name)?hash=\(hash)")]
        }
        return ["paths": .object(paths)]
    }

    func openAPIV3(group: String, version: String) -> JSONValue? {
        guard registry.hasGroupVersion(group: group, version: version) else { return nil }
        return OpenAPIDocument.groupVersion(
            registry.resources(group: group, version: version), all: servedGroupVersions(), version: Self.gitVersion)
    }

    /// `/openapi/v2`: every group version in one document, as JSON or in gnostic's protobuf. kubectl
    /// asks for it on every `apply` of an existing object, so it is made once for what the registry
    /// serves.
    func openAPIV2(protobuf: Bool) -> Data {
        let resources = registry.all.sorted { $0.type.apiVersion + $0.type.plural < $1.type.apiVersion + $1.type.plural }
        return swaggerCache.document(key: OpenAPIDocument.hash(resources), protobuf: protobuf) {
            OpenAPIDocument.swagger(resources, all: servedGroupVersions(), version: Self.gitVersion)
        }
    }

    private func servedGroupVersions() -> OpenAPIDocument.GroupVersions {
        [("", "v1")] + registry.groups().flatMap { entry in entry.versions.map { (entry.group, $0) } }
    }

    /// What discovery lists for a subresource, as kube-apiserver lists it: the group, version and kind
    /// it answers with (Scale, Eviction and TokenRequest are of other groups) and its verbs.
    static func subresource(_ name: String, of info: ResourceInfo)
        -> (group: String, version: String, kind: String, verbs: [JSONValue])
    {
        let (group, version) = (info.type.group, info.type.version)
        switch name {
        case "binding": return (group, version, "Binding", ["create"])
        case "scale": return ("autoscaling", "v1", "Scale", ["get", "patch", "update"])
        case "log": return (group, version, "Pod", ["get"])
        case "exec": return (group, version, "PodExecOptions", ["create", "get"])
        case "eviction": return ("policy", "v1", "Eviction", ["create"])
        case "token": return ("authentication.k8s.io", "v1", "TokenRequest", ["create"])
        default: return (group, version, info.type.kind, ["get", "patch", "update"])
        }
    }
}

/// The last `/openapi/v2` document made, in the encodings asked for so far.
private final class SwaggerCache: Sendable {
    private struct Entry {
        var key: String
        var document: JSONValue
        var json: Data?
        var protobuf: Data?
    }

    private let entry = Mutex<Entry?>(nil)

    func document(key: String, protobuf: Bool, make: () -> JSONValue) -> Data {
        entry.withLock { entry in
            if entry?.key != key { entry = Entry(key: key, document: make()) }
            if protobuf {
                let data = entry!.protobuf ?? OpenAPIV2Protobuf.encode(entry!.document)
                entry!.protobuf = data
                return data
            }
            let data = entry!.json ?? ((try? KubeJSON.serialize(entry!.document)) ?? Data("{}".utf8))
            entry!.json = data
            return data
        }
    }
}
