// Field numbers and wire types: this group's generated.proto in kubernetes/api (kubernetes/apimachinery
// for meta/v1), master at commit 10b39a3 of July 2026 (Kubernetes 1.37 in development). JSON names and
// `.omitEmpty` (omitempty on a non-pointer scalar): the json tags of the same Go types. Message names are
// unique across groups.
extension Schema.Builder {
    /// meta/v1 (`meta.k8s.io/v1`): object metadata, delete options, status.
    mutating func declareMetaV1() {
        inPackage("io.k8s.apimachinery.pkg.apis.meta.v1")
        message("DeleteOptions", [
            1: ("gracePeriodSeconds", .int64),
            2: ("preconditions", .message("Preconditions")),
            3: ("orphanDependents", .bool),
            4: ("propagationPolicy", .string),
            5: ("dryRun", .repeated(.string)),
            6: ("ignoreStoreReadErrorWithClusterBreakingPotential", .bool),
        ])
        message("Preconditions", [
            1: ("uid", .string),
            2: ("resourceVersion", .string),
        ])
        message("Status", [
            1: ("metadata", .message("ListMeta")),
            2: ("status", .string.omitEmpty),
            3: ("message", .string.omitEmpty),
            4: ("reason", .string.omitEmpty),
            5: ("details", .message("StatusDetails")),
            6: ("code", .int32.omitEmpty),
        ])
        message("ListMeta", [
            1: ("selfLink", .string.omitEmpty),
            2: ("resourceVersion", .string.omitEmpty),
            3: ("continue", .string.omitEmpty),
            4: ("remainingItemCount", .int64),
            5: ("shardInfo", .message("ShardInfo")),
        ])
        message("ShardInfo", [
            1: ("selector", .string),
        ])
        message("StatusDetails", [
            1: ("name", .string.omitEmpty),
            2: ("group", .string.omitEmpty),
            3: ("kind", .string.omitEmpty),
            4: ("causes", .repeated(.message("StatusCause"))),
            5: ("retryAfterSeconds", .int32.omitEmpty),
            6: ("uid", .string.omitEmpty),
        ])
        message("StatusCause", [
            1: ("reason", .string.omitEmpty),
            2: ("message", .string.omitEmpty),
            3: ("field", .string.omitEmpty),
        ])
        retired("ObjectMeta", 15)  // clusterName, removed in v1.25
        message("ObjectMeta", [
            1: ("name", .string.omitEmpty),
            2: ("generateName", .string.omitEmpty),
            3: ("namespace", .string.omitEmpty),
            4: ("selfLink", .string.omitEmpty),
            5: ("uid", .string.omitEmpty),
            6: ("resourceVersion", .string.omitEmpty),
            7: ("generation", .int64.omitEmpty),
            8: ("creationTimestamp", .time),
            9: ("deletionTimestamp", .time),
            10: ("deletionGracePeriodSeconds", .int64),
            11: ("labels", .map(.string)),
            12: ("annotations", .map(.string)),
            13: ("ownerReferences", .repeated(.message("OwnerReference"))),
            14: ("finalizers", .repeated(.string)),
            17: ("managedFields", .repeated(.message("ManagedFieldsEntry"))),
        ])
        message("OwnerReference", [
            1: ("kind", .string),
            3: ("name", .string),
            4: ("uid", .string),
            5: ("apiVersion", .string),
            6: ("controller", .bool),
            7: ("blockOwnerDeletion", .bool),
        ])
        message("ManagedFieldsEntry", [
            1: ("manager", .string.omitEmpty),
            2: ("operation", .string.omitEmpty),
            3: ("apiVersion", .string.omitEmpty),
            4: ("time", .time),
            6: ("fieldsType", .string.omitEmpty),
            7: ("fieldsV1", .fieldsV1),
            8: ("subresource", .string.omitEmpty),
        ])
        message("Condition", [
            1: ("type", .string),
            2: ("status", .string),
            3: ("observedGeneration", .int64.omitEmpty),
            4: ("lastTransitionTime", .time),
            5: ("reason", .string),
            6: ("message", .string),
        ])
        message("LabelSelector", [
            1: ("matchLabels", .map(.string)),
            2: ("matchExpressions", .repeated(.message("LabelSelectorRequirement"))),
        ])
        message("LabelSelectorRequirement", [
            1: ("key", .string),
            2: ("operator", .string),
            3: ("values", .repeated(.string)),
        ])
    }
}
