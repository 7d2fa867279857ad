// Field numbers and wire types: this group's generated.proto in kubernetes/api (kubernetes/apimachinery
// for meta/v1), master at commit 10b39a3 of July 2026 (Kubernetes 1.37 in development). JSON names and
// `.omitEmpty` (omitempty on a non-pointer scalar): the json tags of the same Go types. Message names are
// unique across groups.
extension Schema.Builder {
    /// apps/v1.
    mutating func declareAppsV1() {
        inPackage("io.k8s.api.apps.v1")
        message("Deployment", [
            1: ("metadata", .message("ObjectMeta")),
            2: ("spec", .message("DeploymentSpec")),
            3: ("status", .message("DeploymentStatus")),
        ])
        message("DeploymentSpec", [
            1: ("replicas", .int32),
            2: ("selector", .message("LabelSelector")),
            3: ("template", .message("PodTemplateSpec")),
            4: ("strategy", .message("DeploymentStrategy")),
            5: ("minReadySeconds", .int32.omitEmpty),
            6: ("revisionHistoryLimit", .int32),
            7: ("paused", .bool.omitEmpty),
            9: ("progressDeadlineSeconds", .int32),
        ])
        message("DeploymentStrategy", [
            1: ("type", .string.omitEmpty),
            2: ("rollingUpdate", .message("RollingUpdateDeployment")),
        ])
        message("RollingUpdateDeployment", [
            1: ("maxUnavailable", .intOrString),
            2: ("maxSurge", .intOrString),
        ])
        message("DeploymentStatus", [
            1: ("observedGeneration", .int64.omitEmpty),
            2: ("replicas", .int32.omitEmpty),
            3: ("updatedReplicas", .int32.omitEmpty),
            4: ("availableReplicas", .int32.omitEmpty),
            5: ("unavailableReplicas", .int32.omitEmpty),
            6: ("conditions", .repeated(.message("DeploymentCondition"))),
            7: ("readyReplicas", .int32.omitEmpty),
            8: ("collisionCount", .int32),
            9: ("terminatingReplicas", .int32),
        ])
        message("DeploymentCondition", [
            1: ("type", .string),
            2: ("status", .string),
            4: ("reason", .string.omitEmpty),
            5: ("message", .string.omitEmpty),
            6: ("lastUpdateTime", .time),
            7: ("lastTransitionTime", .time),
        ])
        message("StatefulSet", [
            1: ("metadata", .message("ObjectMeta")),
            2: ("spec", .message("StatefulSetSpec")),
            3: ("status", .message("StatefulSetStatus")),
        ])
        message("StatefulSetSpec", [
            1: ("replicas", .int32),
            2: ("selector", .message("LabelSelector")),
            3: ("template", .message("PodTemplateSpec")),
            4: ("volumeClaimTemplates", .repeated(.message("PersistentVolumeClaim"))),
            5: ("serviceName", .string),
            6: ("podManagementPolicy", .string.omitEmpty),
            7: ("updateStrategy", .message("StatefulSetUpdateStrategy")),
            8: ("revisionHistoryLimit", .int32),
            9: ("minReadySeconds", .int32.omitEmpty),
            10: ("persistentVolumeClaimRetentionPolicy", .message("StatefulSetPersistentVolumeClaimRetentionPolicy")),
            11: ("ordinals", .message("StatefulSetOrdinals")),
        ])
        message("StatefulSetUpdateStrategy", [
            1: ("type", .string.omitEmpty),
            2: ("rollingUpdate", .message("RollingUpdateStatefulSetStrategy")),
        ])
        message("RollingUpdateStatefulSetStrategy", [
            1: ("partition", .int32),
            2: ("maxUnavailable", .intOrString),
        ])
        message("StatefulSetPersistentVolumeClaimRetentionPolicy", [
            1: ("whenDeleted", .string.omitEmpty),
            2: ("whenScaled", .string.omitEmpty),
        ])
        message("StatefulSetOrdinals", [
            1: ("start", .int32),
        ])
        message("StatefulSetStatus", [
            1: ("observedGeneration", .int64.omitEmpty),
            2: ("replicas", .int32),
            3: ("readyReplicas", .int32.omitEmpty),
            4: ("currentReplicas", .int32.omitEmpty),
            5: ("updatedReplicas", .int32.omitEmpty),
            6: ("currentRevision", .string.omitEmpty),
            7: ("updateRevision", .string.omitEmpty),
            9: ("collisionCount", .int32),
            10: ("conditions", .repeated(.message("StatefulSetCondition"))),
            11: ("availableReplicas", .int32),
        ])
        message("StatefulSetCondition", [
            1: ("type", .string),
            2: ("status", .string),
            3: ("lastTransitionTime", .time),
            4: ("reason", .string.omitEmpty),
            5: ("message", .string.omitEmpty),
        ])
        message("DaemonSet", [
            1: ("metadata", .message("ObjectMeta")),
            2: ("spec", .message("DaemonSetSpec")),
            3: ("status", .message("DaemonSetStatus")),
        ])
        message("DaemonSetSpec", [
            1: ("selector", .message("LabelSelector")),
            2: ("template", .message("PodTemplateSpec")),
            3: ("updateStrategy", .message("DaemonSetUpdateStrategy")),
            4: ("minReadySeconds", .int32.omitEmpty),
            6: ("revisionHistoryLimit", .int32),
        ])
        message("DaemonSetUpdateStrategy", [
            1: ("type", .string.omitEmpty),
            2: ("rollingUpdate", .message("RollingUpdateDaemonSet")),
        ])
        message("RollingUpdateDaemonSet", [
            1: ("maxUnavailable", .intOrString),
            2: ("maxSurge", .intOrString),
        ])
        message("DaemonSetStatus", [
            1: ("currentNumberScheduled", .int32),
            2: ("numberMisscheduled", .int32),
            3: ("desiredNumberScheduled", .int32),
            4: ("numberReady", .int32),
            5: ("observedGeneration", .int64.omitEmpty),
            6: ("updatedNumberScheduled", .int32.omitEmpty),
            7: ("numberAvailable", .int32.omitEmpty),
            8: ("numberUnavailable", .int32.omitEmpty),
            9: ("collisionCount", .int32),
            10: ("conditions", .repeated(.message("DaemonSetCondition"))),
        ])
        message("DaemonSetCondition", [
            1: ("type", .string),
            2: ("status", .string),
            3: ("lastTransitionTime", .time),
            4: ("reason", .string.omitEmpty),
            5: ("message", .string.omitEmpty),
        ])
        message("ReplicaSet", [
            1: ("metadata", .message("ObjectMeta")),
            2: ("spec", .message("ReplicaSetSpec")),
            3: ("status", .message("ReplicaSetStatus")),
        ])
        message("ReplicaSetSpec", [
            1: ("replicas", .int32),
            2: ("selector", .message("LabelSelector")),
            3: ("template", .message("PodTemplateSpec")),
            4: ("minReadySeconds", .int32.omitEmpty),
        ])
        message("ReplicaSetStatus", [
            1: ("replicas", .int32),
            2: ("fullyLabeledReplicas", .int32.omitEmpty),
            3: ("observedGeneration", .int64.omitEmpty),
            4: ("readyReplicas", .int32.omitEmpty),
            5: ("availableReplicas", .int32.omitEmpty),
            6: ("conditions", .repeated(.message("ReplicaSetCondition"))),
            7: ("terminatingReplicas", .int32),
        ])
        message("ReplicaSetCondition", [
            1: ("type", .string),
            2: ("status", .string),
            3: ("lastTransitionTime", .time),
            4: ("reason", .string.omitEmpty),
            5: ("message", .string.omitEmpty),
        ])
        message("ControllerRevision", [
            1: ("metadata", .message("ObjectMeta")),
            2: ("data", .rawExtension),
            3: ("revision", .int64),
        ])
    }
}
