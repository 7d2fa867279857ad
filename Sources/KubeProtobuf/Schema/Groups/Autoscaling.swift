// Field numbers and wire types: this group's generated.proto in kubernetes/api (kubernetes/apimachinery
// for meta/v1), master at commit 10b39a3 of July 2026 (Kubernetes 1.37 in development). JSON names and
// `.omitEmpty` (omitempty on a non-pointer scalar): the json tags of the same Go types. Message names are
// unique across groups.
extension Schema.Builder {
    /// autoscaling/v1.
    mutating func declareAutoscalingV1() {
        inPackage("io.k8s.api.autoscaling.v1")
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

    /// autoscaling/v2.
    mutating func declareAutoscalingV2() {
        inPackage("io.k8s.api.autoscaling.v2")
        message("HorizontalPodAutoscaler", [
            1: ("metadata", .message("ObjectMeta")),
            2: ("spec", .message("HorizontalPodAutoscalerSpec")),
            3: ("status", .message("HorizontalPodAutoscalerStatus")),
        ])
        message("HorizontalPodAutoscalerSpec", [
            1: ("scaleTargetRef", .message("CrossVersionObjectReference")),
            2: ("minReplicas", .int32),
            3: ("maxReplicas", .int32),
            4: ("metrics", .repeated(.message("MetricSpec"))),
            5: ("behavior", .message("HorizontalPodAutoscalerBehavior")),
        ])
        message("CrossVersionObjectReference", [
            1: ("kind", .string),
            2: ("name", .string),
            3: ("apiVersion", .string.omitEmpty),
        ])
        message("MetricSpec", [
            1: ("type", .string),
            2: ("object", .message("ObjectMetricSource")),
            3: ("pods", .message("PodsMetricSource")),
            4: ("resource", .message("ResourceMetricSource")),
            5: ("external", .message("ExternalMetricSource")),
            7: ("containerResource", .message("ContainerResourceMetricSource")),
        ])
        message("ObjectMetricSource", [
            1: ("describedObject", .message("CrossVersionObjectReference")),
            2: ("target", .message("MetricTarget")),
            3: ("metric", .message("MetricIdentifier")),
        ])
        message("PodsMetricSource", [
            1: ("metric", .message("MetricIdentifier")),
            2: ("target", .message("MetricTarget")),
        ])
        message("ResourceMetricSource", [
            1: ("name", .string),
            2: ("target", .message("MetricTarget")),
        ])
        message("ContainerResourceMetricSource", [
            1: ("name", .string),
            2: ("target", .message("MetricTarget")),
            3: ("container", .string),
        ])
        message("ExternalMetricSource", [
            1: ("metric", .message("MetricIdentifier")),
            2: ("target", .message("MetricTarget")),
        ])
        message("MetricIdentifier", [
            1: ("name", .string),
            2: ("selector", .message("LabelSelector")),
        ])
        message("MetricTarget", [
            1: ("type", .string),
            2: ("value", .quantity),
            3: ("averageValue", .quantity),
            4: ("averageUtilization", .int32),
        ])
        message("HorizontalPodAutoscalerBehavior", [
            1: ("scaleUp", .message("HPAScalingRules")),
            2: ("scaleDown", .message("HPAScalingRules")),
        ])
        message("HPAScalingRules", [
            1: ("selectPolicy", .string),
            2: ("policies", .repeated(.message("HPAScalingPolicy"))),
            3: ("stabilizationWindowSeconds", .int32),
            4: ("tolerance", .quantity),
        ])
        message("HPAScalingPolicy", [
            1: ("type", .string),
            2: ("value", .int32),
            3: ("periodSeconds", .int32),
        ])
        message("HorizontalPodAutoscalerStatus", [
            1: ("observedGeneration", .int64),
            2: ("lastScaleTime", .time),
            3: ("currentReplicas", .int32.omitEmpty),
            4: ("desiredReplicas", .int32),
            5: ("currentMetrics", .repeated(.message("MetricStatus"))),
            6: ("conditions", .repeated(.message("HorizontalPodAutoscalerCondition"))),
        ])
        message("MetricStatus", [
            1: ("type", .string),
            2: ("object", .message("ObjectMetricStatus")),
            3: ("pods", .message("PodsMetricStatus")),
            4: ("resource", .message("ResourceMetricStatus")),
            5: ("external", .message("ExternalMetricStatus")),
            7: ("containerResource", .message("ContainerResourceMetricStatus")),
        ])
        message("ObjectMetricStatus", [
            1: ("metric", .message("MetricIdentifier")),
            2: ("current", .message("MetricValueStatus")),
            3: ("describedObject", .message("CrossVersionObjectReference")),
        ])
        message("PodsMetricStatus", [
            1: ("metric", .message("MetricIdentifier")),
            2: ("current", .message("MetricValueStatus")),
        ])
        message("ResourceMetricStatus", [
            1: ("name", .string),
            2: ("current", .message("MetricValueStatus")),
        ])
        message("ContainerResourceMetricStatus", [
            1: ("name", .string),
            2: ("current", .message("MetricValueStatus")),
            3: ("container", .string),
        ])
        message("ExternalMetricStatus", [
            1: ("metric", .message("MetricIdentifier")),
            2: ("current", .message("MetricValueStatus")),
        ])
        message("MetricValueStatus", [
            1: ("value", .quantity),
            2: ("averageValue", .quantity),
            3: ("averageUtilization", .int32),
        ])
        message("HorizontalPodAutoscalerCondition", [
            1: ("type", .string),
            2: ("status", .string),
            3: ("lastTransitionTime", .time),
            4: ("reason", .string.omitEmpty),
            5: ("message", .string.omitEmpty),
            6: ("observedGeneration", .int64),
        ])
    }
}
