// Field numbers and wire types: this group's generated.proto in kubernetes/api (kubernetes/apimachinery
// for meta/v1), master at commit 10b39a3 of July 2026 (Kubernetes 1.37 in development). JSON names and
// `.omitEmpty` (omitempty on a non-pointer scalar): the json tags of the same Go types. Message names are
// unique across groups.
extension Schema.Builder {
    /// node.k8s.io/v1.
    mutating func declareNodeV1() {
        inPackage("io.k8s.api.node.v1")
        message("RuntimeClass", [
            1: ("metadata", .message("ObjectMeta")),
            2: ("handler", .string),
            3: ("overhead", .message("Overhead")),
            4: ("scheduling", .message("Scheduling")),
        ])
        message("Overhead", [
            1: ("podFixed", .map(.quantity)),
        ])
        message("Scheduling", [
            1: ("nodeSelector", .map(.string)),
            2: ("tolerations", .repeated(.message("Toleration"))),
        ])
    }
}
