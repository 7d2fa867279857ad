import KubeModel

/// The roles and bindings kube-apiserver makes on start that every cluster user relies on: everything for
/// `system:masters`, discovery and the public endpoints for every authenticated user, and the right to
/// ask what one may do (`kubectl auth can-i`).
enum BootstrapPolicy {
    static let discoveryURLs = ["/api", "/api/*", "/apis", "/apis/*", "/healthz", "/livez", "/readyz", "/version", "/version/", "/openapi", "/openapi/*"]
    static let publicURLs = ["/healthz", "/livez", "/readyz", "/version", "/version/"]

    static var objects: [(ResourceInfo, JSONValue)] {
        [
            role("cluster-admin", [
                ["apiGroups": ["*"], "resources": ["*"], "verbs": ["*"]],
                ["nonResourceURLs": ["*"], "verbs": ["*"]],
            ]),
            binding("cluster-admin", role: "cluster-admin", groups: [UserInfo.masters]),
            role("system:discovery", [["nonResourceURLs": strings(discoveryURLs), "verbs": ["get"]]]),
            binding("system:discovery", role: "system:discovery", groups: [UserInfo.authenticated]),
            role("system:public-info-viewer", [["nonResourceURLs": strings(publicURLs), "verbs": ["get"]]]),
            binding(
                "system:public-info-viewer", role: "system:public-info-viewer",
                groups: [UserInfo.authenticated, "system:unauthenticated"]),
            role("system:basic-user", [
                [
                    "apiGroups": ["authorization.k8s.io"], "resources": ["selfsubjectaccessreviews", "selfsubjectrulesreviews"],
                    "verbs": ["create"],
                ],
                ["apiGroups": ["authentication.k8s.io"], "resources": ["selfsubjectreviews"], "verbs": ["create"]],
            ]),
            binding("system:basic-user", role: "system:basic-user", groups: [UserInfo.authenticated]),
        ]
    }

    private static func strings(_ values: [String]) -> JSONValue { .array(values.map(JSONValue.string)) }

    private static let bootstrapLabels: JSONValue = ["kubernetes.io/bootstrapping": "rbac-defaults"]

    private static func role(_ name: String, _ rules: [JSONValue]) -> (ResourceInfo, JSONValue) {
        (
            BuiltinResources.clusterRoles,
            [
                "apiVersion": "rbac.authorization.k8s.io/v1", "kind": "ClusterRole",
                "metadata": [
                    "name": .string(name), "labels": bootstrapLabels,
                    "annotations": ["rbac.authorization.kubernetes.io/autoupdate": "true"],
                ],
                "rules": .array(rules),
            ]
        )
    }

    private static func binding(_ name: String, role: String, groups: [String]) -> (ResourceInfo, JSONValue) {
        (
            BuiltinResources.clusterRoleBindings,
            [
                "apiVersion": "rbac.authorization.k8s.io/v1", "kind": "ClusterRoleBinding",
                "metadata": [
                    "name": .string(name), "labels": bootstrapLabels,
                    "annotations": ["rbac.authorization.kubernetes.io/autoupdate": "true"],
                ],
                "roleRef": ["apiGroup": "rbac.authorization.k8s.io", "kind": "ClusterRole", "name": .string(role)],
                "subjects": .array(
                    groups.map { ["apiGroup": "rbac.authorization.k8s.io", "kind": "Group", "name": .string($0)] }),
            ]
        )
    }
}
