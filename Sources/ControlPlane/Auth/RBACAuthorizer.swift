import KubeModel

/// Kubernetes' RBAC: a request is allowed when a rule of a role bound to its user (or one of the
/// user's groups) grants it; ClusterRoleBindings grant everywhere, RoleBindings in their namespace.
/// Reads the roles and bindings from the store at each decision, so a change applies at once.
struct RBACAuthorizer: Sendable {
    let store: ObjectStore

    struct Decision: Sendable, Equatable {
        var allowed: Bool
        var reason: String
    }

    func authorize(_ user: UserInfo, _ attributes: RequestAttributes) -> Decision {
        if user.isMaster { return Decision(allowed: true, reason: "") }
        for (binding, rule) in rules(for: user, namespace: attributes.resource?.namespace ?? "")
        where Self.grants(rule, attributes) {
            return Decision(allowed: true, reason: "RBAC: allowed by \(binding)")
        }
        return Decision(allowed: false, reason: "")
    }

    /// Every rule that applies to `user` in `namespace` ("" for cluster scope), with the binding granting it.
    func rules(for user: UserInfo, namespace: String) -> [(binding: String, rule: JSONValue)] {
        var found: [(String, JSONValue)] = []
        for binding in objects(BuiltinResources.clusterRoleBindings, namespace: nil) where Self.binds(binding, user) {
            let name = binding[path: ["metadata", "name"]]?.stringValue ?? ""
            for rule in roleRules(binding["roleRef"], namespace: nil) {
                found.append(("ClusterRoleBinding \"\(name)\" of ClusterRole \"\(binding[path: ["roleRef", "name"]]?.stringValue ?? "")\" to \(user.name)", rule))
            }
        }
        guard !namespace.isEmpty else { return found }
        for binding in objects(BuiltinResources.roleBindings, namespace: namespace) where Self.binds(binding, user) {
            let name = binding[path: ["metadata", "name"]]?.stringValue ?? ""
            for rule in roleRules(binding["roleRef"], namespace: namespace) {
                found.append(("RoleBinding \"\(name)/\(namespace)\" of \(binding[path: ["roleRef", "kind"]]?.stringValue ?? "") \"\(binding[path: ["roleRef", "name"]]?.stringValue ?? "")\" to \(user.name)", rule))
            }
        }
        return found
    }

    private func objects(_ resource: ResourceInfo, namespace: String?) -> [JSONValue] {
        ((try? store.list(resource, filter: ObjectFilter(namespace: namespace), limit: nil, continueToken: nil))?.items ?? [])
            .map(\.object)
    }

    private func roleRules(_ roleRef: JSONValue?, namespace: String?) -> [JSONValue] {
        let name = roleRef?["name"]?.stringValue ?? ""
        let role: StoredObject?
        switch roleRef?["kind"]?.stringValue {
        case "ClusterRole": role = store.get(BuiltinResources.clusterRoles, ObjectKey(namespace: nil, name: name))
        case "Role": role = namespace.flatMap { store.get(BuiltinResources.roles, ObjectKey(namespace: $0, name: name)) }
        default: role = nil
        }
        return role?.object["rules"]?.arrayValue ?? []
    }

    /// Whether a binding names the user, one of its groups, or (for ServiceAccount subjects) its account.
    static func binds(_ binding: JSONValue, _ user: UserInfo) -> Bool {
        let bindingNamespace = binding[path: ["metadata", "namespace"]]?.stringValue ?? ""
        return (binding["subjects"]?.arrayValue ?? []).contains { subject in
            let name = subject["name"]?.stringValue ?? ""
            switch subject["kind"]?.stringValue {
            case "User": return name == user.name
            case "Group": return user.groups.contains(name)
            case "ServiceAccount":
                let namespace = Cells.text(subject["namespace"]) ?? bindingNamespace
                return user.name == "system:serviceaccount:\(namespace):\(name)"
            default: return false
            }
        }
    }

    /// Whether one PolicyRule grants the request.
    static func grants(_ rule: JSONValue, _ attributes: RequestAttributes) -> Bool {
        let verbs = strings(rule["verbs"])
        guard verbs.contains("*") || verbs.contains(attributes.verb) else { return false }
        guard let resource = attributes.resource else {
            return strings(rule["nonResourceURLs"]).contains { url in
                url == "*" || url == attributes.path || (url.hasSuffix("*") && attributes.path.hasPrefix(String(url.dropLast())))
            }
        }
        let groups = strings(rule["apiGroups"])
        guard groups.contains("*") || groups.contains(resource.group) else { return false }
        let combined = resource.subresource.isEmpty ? resource.resource : "\(resource.resource)/\(resource.subresource)"
        let resources = strings(rule["resources"])
        let resourceMatches = resources.contains { granted in
            granted == "*" || granted == combined
                || (resource.subresource.isEmpty ? false : granted == "*/\(resource.subresource)")
        }
        guard resourceMatches else { return false }
        let names = strings(rule["resourceNames"])
        return names.isEmpty || names.contains(resource.name)
    }

    private static func strings(_ value: JSONValue?) -> [String] { (value?.arrayValue ?? []).compactMap(\.stringValue) }

    /// The 403 Kubernetes answers when no rule grants a request.
    static func forbidden(_ user: UserInfo, _ attributes: RequestAttributes) -> Status {
        guard let resource = attributes.resource else {
            return .failure(
                .forbidden, "forbidden: User \"\(user.name)\" cannot \(attributes.verb) path \"\(attributes.path)\"")
        }
        let combined = resource.subresource.isEmpty ? resource.resource : "\(resource.resource)/\(resource.subresource)"
        let qualified = resource.group.isEmpty ? combined : "\(combined).\(resource.group)"
        let subject = resource.name.isEmpty ? qualified : "\(qualified) \"\(resource.name)\""
        let scope = resource.namespace.isEmpty ? "at the cluster scope" : "in the namespace \"\(resource.namespace)\""
        return .failure(
            .forbidden,
            "\(subject) is forbidden: User \"\(user.name)\" cannot \(attributes.verb) resource \"\(combined)\" in API group \"\(resource.group)\" \(scope)",
            details: StatusDetails(
                name: resource.name.isEmpty ? nil : resource.name, group: resource.group,
                kind: resource.resource))
    }
}
