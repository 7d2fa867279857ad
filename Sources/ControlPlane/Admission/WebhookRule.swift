import KubeModel

/// What one write is, as an admission webhook's rules and selectors see it.
struct AdmissionAttributes: Sendable {
    var resource: ResourceInfo
    var subresource: String?
    var operation: AdmissionOperation
    var namespace: String?
    var name: String
    /// The object as it would be stored; nil for a delete.
    var object: JSONValue?
    var oldObject: JSONValue?
    var dryRun: Bool
    var user: UserInfo
}

/// One entry of a webhook's `rules`: operations, API groups and versions, resources (`pods`, `pods/status`,
/// `*` for every resource without its subresources, `*/*` with them, `pods/*`, `*/scale`) and scope.
struct WebhookRule: Sendable, Equatable {
    var operations: [String]
    var apiGroups: [String]
    var apiVersions: [String]
    var resources: [String]
    var scope: String

    init(_ json: JSONValue) {
        func strings(_ key: String) -> [String] { json[key]?.arrayValue?.compactMap(\.stringValue) ?? [] }
        operations = strings("operations")
        apiGroups = strings("apiGroups")
        apiVersions = strings("apiVersions")
        resources = strings("resources")
        scope = json["scope"]?.stringValue ?? "*"
    }

    func matches(_ attributes: AdmissionAttributes) -> Bool {
        let type = attributes.resource.type
        return Self.contains(operations, attributes.operation.rawValue) && Self.contains(apiGroups, type.group)
            && Self.contains(apiVersions, type.version)
            && resources.contains { Self.resource($0, matches: type.plural, attributes.subresource ?? "") }
            && scopeMatches(namespaced: type.namespaced)
    }

    private static func contains(_ values: [String], _ value: String) -> Bool {
        values.contains("*") || values.contains(value)
    }

    private static func resource(_ pattern: String, matches resource: String, _ subresource: String) -> Bool {
        let parts = pattern.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        guard parts[0] == "*" || parts[0] == resource else { return false }
        guard parts.count == 2 else { return subresource.isEmpty }
        return parts[1] == "*" || parts[1] == subresource
    }

    private func scopeMatches(namespaced: Bool) -> Bool {
        switch scope {
        case "Cluster": !namespaced
        case "Namespaced": namespaced
        default: true
        }
    }
}
