// Field numbers and wire types: this group's generated.proto in kubernetes/api (kubernetes/apimachinery
// for meta/v1), master at commit 10b39a3 of July 2026 (Kubernetes 1.37 in development). JSON names and
// `.omitEmpty` (omitempty on a non-pointer scalar): the json tags of the same Go types. Message names are
// unique across groups.
extension Schema.Builder {
    /// policy/v1.
    mutating func declarePolicyV1() {
        inPackage("io.k8s.api.policy.v1")
        message("PodDisruptionBudget", [
            1: ("metadata", .message("ObjectMeta")),
            2: ("spec", .message("PodDisruptionBudgetSpec")),
            3: ("status", .message("PodDisruptionBudgetStatus")),
        ])
        message("PodDisruptionBudgetSpec", [
            1: ("minAvailable", .intOrString),
            2: ("selector", .message("LabelSelector")),
            3: ("maxUnavailable", .intOrString),
            4: ("unhealthyPodEvictionPolicy", .string),
        ])
        message("PodDisruptionBudgetStatus", [
            1: ("observedGeneration", .int64.omitEmpty),
            2: ("disruptedPods", .map(.time)),
            3: ("disruptionsAllowed", .int32),
            4: ("currentHealthy", .int32),
            5: ("desiredHealthy", .int32),
            6: ("expectedPods", .int32),
            7: ("conditions", .repeated(.message("Condition"))),
        ])
        message("Eviction", [
            1: ("metadata", .message("ObjectMeta")),
            2: ("deleteOptions", .message("DeleteOptions")),
        ])
    }
}
