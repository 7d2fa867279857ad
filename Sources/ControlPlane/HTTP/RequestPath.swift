import KubeModel

/// Where a resource request points, read from the URL path.
struct ResourcePath: Sendable, Hashable {
    var group: String
    var version: String
    var namespace: String?
    var plural: String
    var name: String?
    var subresource: String?
}

/// The kinds of path the server answers.
enum RequestPath: Sendable, Hashable {
    case health(String)
    case version
    case apiVersions  // /api
    case apiGroups  // /apis
    case groupVersion(group: String, version: String)  // /api/v1, /apis/g/v: resource list
    case apiGroup(String)  // /apis/g
    case openAPIV2
    case openAPIV3Root
    case openAPIV3(group: String, version: String)
    case resource(ResourcePath)
    case unknown

    init(_ path: String) {
        let segments = path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        switch segments.first {
        case "healthz", "readyz", "livez":
            self = .health(segments[0])
        case "version" where segments.count == 1:
            self = .version
        case "openapi":
            if segments == ["openapi", "v2"] {
                self = .openAPIV2
            } else if segments == ["openapi", "v3"] {
                self = .openAPIV3Root
            } else if segments.count == 4, segments[1] == "v3", segments[2] == "api" {
                self = .openAPIV3(group: "", version: segments[3])
            } else if segments.count == 5, segments[1] == "v3", segments[2] == "apis" {
                self = .openAPIV3(group: segments[3], version: segments[4])
            } else {
                self = .unknown
            }
        case "api":
            if segments.count == 1 {
                self = .apiVersions
            } else if segments.count == 2 {
                self = .groupVersion(group: "", version: segments[1])
            } else {
                self = Self.resource(group: "", version: segments[1], rest: Array(segments[2...]))
            }
        case "apis":
            switch segments.count {
            case 1: self = .apiGroups
            case 2: self = .apiGroup(segments[1])
            case 3: self = .groupVersion(group: segments[1], version: segments[2])
            default: self = Self.resource(group: segments[1], version: segments[2], rest: Array(segments[3...]))
            }
        default:
            self = .unknown
        }
    }

    private static let namespaceSubresources: Set<String> = ["status", "finalize"]

    private static func resource(group: String, version: String, rest: [String]) -> RequestPath {
        func make(_ namespace: String?, _ plural: String, _ name: String?, _ sub: String?) -> RequestPath {
            .resource(
                ResourcePath(
                    group: group, version: version, namespace: namespace, plural: plural, name: name,
                    subresource: sub))
        }
        if rest.first == "namespaces", rest.count >= 3, !namespaceSubresources.contains(rest[2]) || rest.count > 3 {
            // /namespaces/{ns}/{plural}[/{name}[/{sub}]]
            switch rest.count {
            case 3: return make(rest[1], rest[2], nil, nil)
            case 4: return make(rest[1], rest[2], rest[3], nil)
            case 5: return make(rest[1], rest[2], rest[3], rest[4])
            default: return .unknown
            }
        }
        switch rest.count {
        case 1: return make(nil, rest[0], nil, nil)
        case 2: return make(nil, rest[0], rest[1], nil)
        case 3: return make(nil, rest[0], rest[1], rest[2])
        default: return .unknown
        }
    }
}
