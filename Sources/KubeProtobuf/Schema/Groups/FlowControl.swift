// Field numbers and wire types: this group's generated.proto in kubernetes/api (kubernetes/apimachinery
// for meta/v1), master at commit 10b39a3 of July 2026 (Kubernetes 1.37 in development). JSON names and
// `.omitEmpty` (omitempty on a non-pointer scalar): the json tags of the same Go types. Message names are
// unique across groups.
extension Schema.Builder {
    /// flowcontrol.apiserver.k8s.io/v1.
    mutating func declareFlowControlV1() {
        inPackage("io.k8s.api.flowcontrol.v1")
        message("FlowSchema", [
            1: ("metadata", .message("ObjectMeta")),
            2: ("spec", .message("FlowSchemaSpec")),
            3: ("status", .message("FlowSchemaStatus")),
        ])
        message("FlowSchemaSpec", [
            1: ("priorityLevelConfiguration", .message("PriorityLevelConfigurationReference")),
            2: ("matchingPrecedence", .int32),
            3: ("distinguisherMethod", .message("FlowDistinguisherMethod")),
            4: ("rules", .repeated(.message("PolicyRulesWithSubjects"))),
        ])
        message("FlowSchemaStatus", [
            1: ("conditions", .repeated(.message("FlowSchemaCondition"))),
        ])
        message("PriorityLevelConfigurationReference", [
            1: ("name", .string),
        ])
        message("FlowDistinguisherMethod", [
            1: ("type", .string),
        ])
        message("PolicyRulesWithSubjects", [
            1: ("subjects", .repeated(.message("FlowControlV1Subject"))),
            2: ("resourceRules", .repeated(.message("ResourcePolicyRule"))),
            3: ("nonResourceRules", .repeated(.message("NonResourcePolicyRule"))),
        ])
        message("FlowSchemaCondition", [
            1: ("type", .string.omitEmpty),
            2: ("status", .string.omitEmpty),
            3: ("lastTransitionTime", .time),
            4: ("reason", .string.omitEmpty),
            5: ("message", .string.omitEmpty),
        ])
        goName("FlowControlV1Subject", "Subject")
        message("FlowControlV1Subject", [
            1: ("kind", .string),
            2: ("user", .message("UserSubject")),
            3: ("group", .message("GroupSubject")),
            4: ("serviceAccount", .message("ServiceAccountSubject")),
        ])
        message("ResourcePolicyRule", [
            1: ("verbs", .repeated(.string)),
            2: ("apiGroups", .repeated(.string)),
            3: ("resources", .repeated(.string)),
            4: ("clusterScope", .bool.omitEmpty),
            5: ("namespaces", .repeated(.string)),
        ])
        message("NonResourcePolicyRule", [
            1: ("verbs", .repeated(.string)),
            6: ("nonResourceURLs", .repeated(.string)),
        ])
        message("UserSubject", [
            1: ("name", .string),
        ])
        message("GroupSubject", [
            1: ("name", .string),
        ])
        message("ServiceAccountSubject", [
            1: ("namespace", .string),
            2: ("name", .string),
        ])
        message("PriorityLevelConfiguration", [
            1: ("metadata", .message("ObjectMeta")),
            2: ("spec", .message("PriorityLevelConfigurationSpec")),
            3: ("status", .message("PriorityLevelConfigurationStatus")),
        ])
        message("PriorityLevelConfigurationSpec", [
            1: ("type", .string),
            2: ("limited", .message("LimitedPriorityLevelConfiguration")),
            3: ("exempt", .message("ExemptPriorityLevelConfiguration")),
        ])
        message("PriorityLevelConfigurationStatus", [
            1: ("conditions", .repeated(.message("PriorityLevelConfigurationCondition"))),
        ])
        message("LimitedPriorityLevelConfiguration", [
            1: ("nominalConcurrencyShares", .int32),
            2: ("limitResponse", .message("LimitResponse")),
            3: ("lendablePercent", .int32),
            4: ("borrowingLimitPercent", .int32),
        ])
        message("ExemptPriorityLevelConfiguration", [
            1: ("nominalConcurrencyShares", .int32),
            2: ("lendablePercent", .int32),
        ])
        message("PriorityLevelConfigurationCondition", [
            1: ("type", .string.omitEmpty),
            2: ("status", .string.omitEmpty),
            3: ("lastTransitionTime", .time),
            4: ("reason", .string.omitEmpty),
            5: ("message", .string.omitEmpty),
        ])
        message("LimitResponse", [
            1: ("type", .string),
            2: ("queuing", .message("QueuingConfiguration")),
        ])
        message("QueuingConfiguration", [
            1: ("queues", .int32),
            2: ("handSize", .int32),
            3: ("queueLengthLimit", .int32),
        ])
    }
}
