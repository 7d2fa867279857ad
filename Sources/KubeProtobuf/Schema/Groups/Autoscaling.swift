// Field numbers and wire types: this group's generated.proto in kubernetes/api (kubernetes/apimachinery
// for meta/v1), master at commit 10b39a3 of July 2026 (Kubernetes 1.37 in development). JSON names and
// `.omitEmpty` (omitempty on a non-pointer scalar): the json tags of the same Go types. Message names are
// unique across groups.
extension Schema.Builder {
    /// autoscaling/v1.
    mutating func declareAutoscalingV1() {
        message("Scale", [
            1: ("metadata", .message("ObjectMeta")),
            2: ("spec", .message("ScaleSpec")),
            3: ("status", .message("ScaleStatus")),
        ])
        message("ScaleSpec", [
            1: ("replicas", .int32.omitEmpty),
        ])
        message("ScaleStatus", [
            1: ("replicas", .int32),
            2: ("selector", .string.omitEmpty),
        ])
    }
}
