import KubeModel

extension BuiltinResources {
    static let podDisruptionBudgets = ResourceInfo(
        .group("policy", "v1", "PodDisruptionBudget", "poddisruptionbudgets"), shortNames: ["pdb"],
        subresources: ["status"], strategy: PodDisruptionBudgetStrategy(),
        printer: TablePrinter([
            .name, .field("Min Available", ["spec", "minAvailable"], absent: "N/A"),
            .field("Max Unavailable", ["spec", "maxUnavailable"], absent: "N/A"),
            .count("Allowed Disruptions", ["status", "disruptionsAllowed"]), .age,
        ]))

    static let roles = ResourceInfo(
        .group("rbac.authorization.k8s.io", "v1", "Role", "roles"), strategy: PlainStrategy(names: .pathSegment),
        printer: .createdAt)

    static let clusterRoles = ResourceInfo(
        .group("rbac.authorization.k8s.io", "v1", "ClusterRole", "clusterroles", namespaced: false),
        strategy: PlainStrategy(names: .pathSegment), printer: .createdAt)

    static let roleBindings = ResourceInfo(
        .group("rbac.authorization.k8s.io", "v1", "RoleBinding", "rolebindings"),
        strategy: RoleBindingStrategy(), printer: bindingPrinter)

    static let clusterRoleBindings = ResourceInfo(
        .group("rbac.authorization.k8s.io", "v1", "ClusterRoleBinding", "clusterrolebindings", namespaced: false),
        strategy: RoleBindingStrategy(), printer: bindingPrinter)

    private static let bindingPrinter = TablePrinter([
        .name,
        PrinterColumn("Role") { binding in
            .string("\(binding[path: ["roleRef", "kind"]]?.stringValue ?? "")/\(binding[path: ["roleRef", "name"]]?.stringValue ?? "")")
        },
        .age,
        PrinterColumn("Users", priority: 1) { .string(subjects($0, kind: "User")) },
        PrinterColumn("Groups", priority: 1) { .string(subjects($0, kind: "Group")) },
        PrinterColumn("ServiceAccounts", priority: 1) { .string(subjects($0, kind: "ServiceAccount")) },
    ])

    /// The subjects of one kind, comma-separated; service accounts as `namespace/name`.
    private static func subjects(_ binding: JSONValue, kind: String) -> String {
        (binding["subjects"]?.arrayValue ?? []).filter { $0["kind"]?.stringValue == kind }.map { subject in
            let name = subject["name"]?.stringValue ?? ""
            guard kind == "ServiceAccount" else { return name }
            return "\(subject["namespace"]?.stringValue ?? "")/\(name)"
        }.joined(separator: ", ")
    }
}

/// A budget gives either `minAvailable` or `maxUnavailable`, not both.
struct PodDisruptionBudgetStrategy: ResourceStrategy {
    func prepareForCreate(_ budget: inout JSONValue, context: AdmissionContext) throws(Status) {
        budget["status"] = ["disruptionsAllowed": 0, "currentHealthy": 0, "desiredHealthy": 0, "expectedPods": 0]
    }

    func validate(_ budget: JSONValue) -> [FieldError] {
        guard budget[path: ["spec", "minAvailable"]] != nil, budget[path: ["spec", "maxUnavailable"]] != nil else { return [] }
        return [.invalid("spec", budget["spec"] ?? [:], "minAvailable and maxUnavailable cannot be both set")]
    }
}

/// A binding names the role it grants (which cannot change afterwards) and its subjects.
struct RoleBindingStrategy: ResourceStrategy {
    var names: NameRule { .pathSegment }

    func validate(_ binding: JSONValue) -> [FieldError] {
        var errors: [FieldError] = []
        let kinds = binding[path: ["metadata", "namespace"]] == nil ? ["ClusterRole"] : ["Role", "ClusterRole"]
        let kind = binding[path: ["roleRef", "kind"]]?.stringValue ?? ""
        if kind.isEmpty {
            errors.append(.required("roleRef.kind"))
        } else if !kinds.contains(kind) {
            errors.append(.notSupported("roleRef.kind", .string(kind), supported: kinds.map(JSONValue.string)))
        }
        if Cells.text(binding[path: ["roleRef", "name"]]) == nil { errors.append(.required("roleRef.name")) }
        let group = binding[path: ["roleRef", "apiGroup"]]?.stringValue ?? ""
        if group != "rbac.authorization.k8s.io" {
            errors.append(.notSupported("roleRef.apiGroup", .string(group), supported: ["rbac.authorization.k8s.io"]))
        }
        for (index, subject) in (binding["subjects"]?.arrayValue ?? []).enumerated() {
            let kind = subject["kind"]?.stringValue ?? ""
            if !["ServiceAccount", "User", "Group"].contains(kind) {
                errors.append(.notSupported("subjects[\(index)].kind", .string(kind), supported: ["ServiceAccount", "User", "Group"]))
            }
            if Cells.text(subject["name"]) == nil { errors.append(.required("subjects[\(index)].name")) }
        }
        return errors
    }

    func validateUpdate(_ binding: JSONValue, old: JSONValue) -> [FieldError] {
        guard (binding["roleRef"] ?? .null) != (old["roleRef"] ?? .null) else { return [] }
        return [.invalid("roleRef", binding["roleRef"] ?? .null, "cannot change roleRef")]
    }
}
