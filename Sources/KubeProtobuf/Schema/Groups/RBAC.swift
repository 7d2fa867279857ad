// Field numbers and wire types: this group's generated.proto in kubernetes/api (kubernetes/apimachinery
// for meta/v1), master at commit 10b39a3 of July 2026 (Kubernetes 1.37 in development). JSON names and
// `.omitEmpty` (omitempty on a non-pointer scalar): the json tags of the same Go types. Message names are
// unique across groups.
extension Schema.Builder {
    /// rbac.authorization.k8s.io/v1.
    mutating func declareRBACV1() {
        inPackage("io.k8s.api.rbac.v1")
        message("Role", [
            1: ("metadata", .message("ObjectMeta")),
            2: ("rules", .repeated(.message("PolicyRule"))),
        ])
        message("PolicyRule", [
            1: ("verbs", .repeated(.string)),
            2: ("apiGroups", .repeated(.string)),
            3: ("resources", .repeated(.string)),
            4: ("resourceNames", .repeated(.string)),
            5: ("nonResourceURLs", .repeated(.string)),
        ])
        message("ClusterRole", [
            1: ("metadata", .message("ObjectMeta")),
            2: ("rules", .repeated(.message("PolicyRule"))),
            3: ("aggregationRule", .message("AggregationRule")),
        ])
        message("AggregationRule", [
            1: ("clusterRoleSelectors", .repeated(.message("LabelSelector"))),
        ])
        message("RoleBinding", [
            1: ("metadata", .message("ObjectMeta")),
            2: ("subjects", .repeated(.message("Subject"))),
            3: ("roleRef", .message("RoleRef")),
        ])
        message("Subject", [
            1: ("kind", .string),
            2: ("apiGroup", .string.omitEmpty),
            3: ("name", .string),
            4: ("namespace", .string.omitEmpty),
        ])
        message("RoleRef", [
            1: ("apiGroup", .string),
            2: ("kind", .string),
            3: ("name", .string),
        ])
        message("ClusterRoleBinding", [
            1: ("metadata", .message("ObjectMeta")),
            2: ("subjects", .repeated(.message("Subject"))),
            3: ("roleRef", .message("RoleRef")),
        ])
    }
}
