// Field numbers and wire types: this group's generated.proto in kubernetes/api (kubernetes/apimachinery
// for meta/v1), master at commit 10b39a3 of July 2026 (Kubernetes 1.37 in development). JSON names and
// `.omitEmpty` (omitempty on a non-pointer scalar): the json tags of the same Go types. Message names are
// unique across groups.
extension Schema.Builder {
    /// batch/v1.
    mutating func declareBatchV1() {
        inPackage("io.k8s.api.batch.v1")
        message("Job", [
            1: ("metadata", .message("ObjectMeta")),
            2: ("spec", .message("JobSpec")),
            3: ("status", .message("JobStatus")),
        ])
        message("JobSpec", [
            1: ("parallelism", .int32),
            2: ("completions", .int32),
            3: ("activeDeadlineSeconds", .int64),
            4: ("selector", .message("LabelSelector")),
            5: ("manualSelector", .bool),
            6: ("template", .message("PodTemplateSpec")),
            7: ("backoffLimit", .int32),
            8: ("ttlSecondsAfterFinished", .int32),
            9: ("completionMode", .string),
            10: ("suspend", .bool),
            11: ("podFailurePolicy", .message("PodFailurePolicy")),
            12: ("backoffLimitPerIndex", .int32),
            13: ("maxFailedIndexes", .int32),
            14: ("podReplacementPolicy", .string),
            15: ("managedBy", .string),
            16: ("successPolicy", .message("SuccessPolicy")),
            17: ("scheduling", .message("JobSchedulingConfiguration")),
        ])
        message("PodFailurePolicy", [
            1: ("rules", .repeated(.message("PodFailurePolicyRule"))),
        ])
        message("PodFailurePolicyRule", [
            1: ("action", .string),
            2: ("onExitCodes", .message("PodFailurePolicyOnExitCodesRequirement")),
            3: ("onPodConditions", .repeated(.message("PodFailurePolicyOnPodConditionsPattern"))),
        ])
        message("PodFailurePolicyOnExitCodesRequirement", [
            1: ("containerName", .string),
            2: ("operator", .string),
            3: ("values", .repeated(.int32)),
        ])
        message("PodFailurePolicyOnPodConditionsPattern", [
            1: ("type", .string),
            2: ("status", .string),
        ])
        message("SuccessPolicy", [
            1: ("rules", .repeated(.message("SuccessPolicyRule"))),
        ])
        message("SuccessPolicyRule", [
            1: ("succeededIndexes", .string),
            2: ("succeededCount", .int32),
        ])
        message("JobSchedulingConfiguration", [
            1: ("schedulingPolicy", .message("WorkloadPodGroupSchedulingPolicy")),
            2: ("schedulingConstraints", .message("WorkloadPodGroupSchedulingConstraints")),
            3: ("disruptionMode", .message("WorkloadPodGroupDisruptionMode")),
            4: ("resourceClaims", .repeated(.message("WorkloadPodGroupResourceClaim"))),
        ])
        message("JobStatus", [
            1: ("conditions", .repeated(.message("JobCondition"))),
            2: ("startTime", .time),
            3: ("completionTime", .time),
            4: ("active", .int32.omitEmpty),
            5: ("succeeded", .int32.omitEmpty),
            6: ("failed", .int32.omitEmpty),
            7: ("completedIndexes", .string.omitEmpty),
            8: ("uncountedTerminatedPods", .message("UncountedTerminatedPods")),
            9: ("ready", .int32),
            10: ("failedIndexes", .string),
            11: ("terminating", .int32),
        ])
        message("JobCondition", [
            1: ("type", .string),
            2: ("status", .string),
            3: ("lastProbeTime", .time),
            4: ("lastTransitionTime", .time),
            5: ("reason", .string.omitEmpty),
            6: ("message", .string.omitEmpty),
        ])
        message("UncountedTerminatedPods", [
            1: ("succeeded", .repeated(.string)),
            2: ("failed", .repeated(.string)),
        ])
        message("CronJob", [
            1: ("metadata", .message("ObjectMeta")),
            2: ("spec", .message("CronJobSpec")),
            3: ("status", .message("CronJobStatus")),
        ])
        message("CronJobSpec", [
            1: ("schedule", .string),
            2: ("startingDeadlineSeconds", .int64),
            3: ("concurrencyPolicy", .string.omitEmpty),
            4: ("suspend", .bool),
            5: ("jobTemplate", .message("JobTemplateSpec")),
            6: ("successfulJobsHistoryLimit", .int32),
            7: ("failedJobsHistoryLimit", .int32),
            8: ("timeZone", .string),
        ])
        message("JobTemplateSpec", [
            1: ("metadata", .message("ObjectMeta")),
            2: ("spec", .message("JobSpec")),
        ])
        message("CronJobStatus", [
            1: ("active", .repeated(.message("ObjectReference"))),
            4: ("lastScheduleTime", .time),
            5: ("lastSuccessfulTime", .time),
        ])
    }
}
