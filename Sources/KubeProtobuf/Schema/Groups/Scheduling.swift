// Field numbers and wire types: this group's generated.proto in kubernetes/api (kubernetes/apimachinery
// for meta/v1), master at commit 10b39a3 of July 2026 (Kubernetes 1.37 in development). JSON names and
// `.omitEmpty` (omitempty on a non-pointer scalar): the json tags of the same Go types. Message names are
// unique across groups.
extension Schema.Builder {
    /// scheduling.k8s.io/v1alpha3: only the workload scheduling messages that batch/v1 Job refers to.
    mutating func declareSchedulingV1Alpha3() {
        inPackage("io.k8s.api.scheduling.v1alpha3")
        message("WorkloadPodGroupSchedulingPolicy", [
            1: ("basic", .message("WorkloadPodGroupBasicSchedulingPolicy")),
            2: ("gang", .message("WorkloadPodGroupGangSchedulingPolicy")),
        ])
        message("WorkloadPodGroupBasicSchedulingPolicy", [:])
        message("WorkloadPodGroupGangSchedulingPolicy", [
            1: ("minCount", .int32),
        ])
        message("WorkloadPodGroupSchedulingConstraints", [
            1: ("topology", .repeated(.message("TopologyConstraint"))),
        ])
        message("TopologyConstraint", [
            1: ("key", .string),
        ])
        message("WorkloadPodGroupDisruptionMode", [
            1: ("single", .message("WorkloadPodGroupSingleDisruptionMode")),
            2: ("all", .message("WorkloadPodGroupAllDisruptionMode")),
        ])
        message("WorkloadPodGroupSingleDisruptionMode", [:])
        message("WorkloadPodGroupAllDisruptionMode", [:])
        message("WorkloadPodGroupResourceClaim", [
            1: ("name", .string),
            2: ("resourceClaimName", .string),
            3: ("resourceClaimTemplateName", .string),
        ])
    }

    /// scheduling.k8s.io/v1.
    mutating func declareSchedulingV1() {
        inPackage("io.k8s.api.scheduling.v1")
        message("PriorityClass", [
            1: ("metadata", .message("ObjectMeta")),
            2: ("value", .int32),
            3: ("globalDefault", .bool.omitEmpty),
            4: ("description", .string.omitEmpty),
            5: ("preemptionPolicy", .string),
        ])
    }
}
