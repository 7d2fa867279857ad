import KubeModel

/// The OpenAPI v3 schema of the StatefulPodSet spec and status.
enum StatefulPodSetSchema {
    typealias S = SchemaBuilder

    static func spec() -> JSONValue {
        S.object(
            [
                "replicas": S.integer(minimum: 0, default: Int64(StatefulPodSet.defaultReplicas),
                                      description: "Desired number of pods."),
                "selector": labelSelector(),
                "serviceName": S.string(description: "Headless Service that gives pods their DNS names."),
                "template": S.object(
                    [
                        "metadata": S.preservedObject(description: "Pod labels and annotations."),
                        "spec": S.preservedObject(description: "A core/v1 PodSpec; every field is kept."),
                    ],
                    required: ["spec"], description: "The pod template."),
                "volumeClaimTemplates": S.array(
                    of: S.preservedObject(description: "A core/v1 PersistentVolumeClaim."),
                    description: "Claims made per pod as <claim>-<set>-<ordinal>."),
                "podManagementPolicy": S.string(
                    enum: PodManagementPolicy.allowedRawValues, default: PodManagementPolicy.orderedReady.rawValue),
                "minReadySeconds": S.integer(minimum: 0, default: 0),
                "revisionHistoryLimit": S.integer(
                    minimum: 0, default: Int64(StatefulPodSet.defaultRevisionHistoryLimit)),
                "persistentVolumeClaimRetentionPolicy": S.object(
                    [
                        "whenDeleted": S.string(
                            enum: RetentionPolicyType.allowedRawValues, default: RetentionPolicyType.retain.rawValue),
                        "whenScaled": S.string(
                            enum: RetentionPolicyType.allowedRawValues, default: RetentionPolicyType.retain.rawValue),
                    ], default: [:]),
                "updateStrategy": S.object(
                    [
                        "type": S.string(
                            enum: UpdateStrategyType.allowedRawValues, default: UpdateStrategyType.rollingUpdate.rawValue),
                        "rollingUpdate": rollingUpdate(),
                    ], default: [:]),
                "placement": S.object(
                    [
                        "nodeLossTimeoutSeconds": S.integer(
                            minimum: 0, maximum: 86_400, default: Int64(StatefulPodSet.defaultNodeLossTimeoutSeconds),
                            description: "Seconds a pod waits for its NotReady node before moving (Strict)."),
                        "stickiness": S.string(enum: Stickiness.allowedRawValues, default: Stickiness.strict.rawValue),
                    ], default: [:]),
            ],
            required: ["selector", "template"])
    }

    static func rollingUpdate() -> JSONValue {
        S.object([
            "partition": S.integer(minimum: 0, default: 0, description: "Ordinals below it keep the current revision."),
            "maxUnavailable": S.intOrString(
                default: 1, pattern: "^([1-9][0-9]?|100)%$|^[1-9][0-9]*$",
                description: "Pods unavailable at once during the update: a number or a percentage."),
            "paused": S.boolean(default: false),
            "inPlaceGracePeriodSeconds": S.integer(minimum: 0, maximum: 3_600, default: 0),
            "podUpdatePolicy": S.string(
                enum: PodUpdatePolicy.allowedRawValues, default: PodUpdatePolicy.inPlaceIfPossible.rawValue),
        ], default: [:])
    }

    static func labelSelector() -> JSONValue {
        S.object([
            "matchLabels": S.stringMap(),
            "matchExpressions": S.array(
                of: S.object(
                    [
                        "key": S.string(),
                        "operator": S.string(enum: LabelSelectorRequirement.knownOperators),
                        "values": S.array(of: S.string()),
                    ], required: ["key", "operator"])),
        ])
    }

    static func status() -> JSONValue {
        let count = S.integer(minimum: 0)
        return S.object([
            "observedGeneration": S.integer(format: "int64"),
            "replicas": count,
            "readyReplicas": count,
            "availableReplicas": count,
            "currentReplicas": count,
            "updatedReplicas": count,
            "currentRevision": S.string(),
            "updateRevision": S.string(),
            "collisionCount": count,
            "selector": S.string(description: "The selector in query form, for the scale subresource."),
            "updatedInPlace": count,
            "recreatedOnSameNode": count,
            "rescheduled": count,
            "rescheduleReasons": ["type": "object", "additionalProperties": ["type": "integer", "format": "int32"]],
            "pendingReplacements": [
                "type": "object",
                "additionalProperties": S.object(["uid": S.string(), "marker": S.string()], required: ["uid", "marker"]),
            ],
            "conditions": S.array(
                of: S.object(
                    [
                        "type": S.string(),
                        "status": S.string(enum: ["True", "False", "Unknown"]),
                        "reason": S.string(),
                        "message": S.string(),
                        "lastTransitionTime": ["type": "string", "format": "date-time"],
                        "observedGeneration": S.integer(format: "int64"),
                    ], required: ["type", "status"])),
        ])
    }
}
