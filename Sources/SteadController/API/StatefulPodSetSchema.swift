import KubeModel

/// The OpenAPI v3 schema of the StatefulPodSet spec and status.
enum StatefulPodSetSchema {
    typealias S = SchemaBuilder

    static func spec() -> JSONValue {
        S.object(
            "The desired state of a StatefulPodSet.",
            [
                "replicas": S.integer(
                    "Desired number of pods, named <set>-0 to <set>-(replicas-1).", minimum: 0,
                    default: Int64(StatefulPodSet.defaultReplicas)),
                "selector": labelSelector(),
                "serviceName": S.string(
                    "The headless Service that gives each pod its DNS name <pod>.<serviceName>.<namespace>."),
                "template": S.object(
                    "The pod template. Every pod of the set is made from it, with the scheduler name `stead` "
                        + "unless the template names another.",
                    [
                        "metadata": S.preservedObject("Labels and annotations of the pods; the labels must match the selector."),
                        "spec": S.preservedObject(
                            "A core/v1 PodSpec; every field is kept as written.",
                            properties: [
                                "containers": S.array(
                                    "The pod's containers: at least one.", of: S.preservedObject("A core/v1 Container."),
                                    minItems: 1)
                            ],
                            required: ["containers"]),
                    ],
                    required: ["spec"]),
                "volumeClaimTemplates": S.array(
                    "Claims made for each pod, named <claim>-<set>-<ordinal>, and kept for the ordinal when the pod "
                        + "is replaced.",
                    of: S.preservedObject("A core/v1 PersistentVolumeClaim.")),
                "podManagementPolicy": S.string(
                    "OrderedReady creates pods one at a time in ordinal order, each once the previous is Ready, and "
                        + "removes them in reverse; Parallel creates and removes them all at once.",
                    enum: PodManagementPolicy.allowedRawValues, default: PodManagementPolicy.orderedReady.rawValue),
                "minReadySeconds": S.integer(
                    "Seconds a new or updated pod must be Ready before it counts as available.", minimum: 0, default: 0),
                "revisionHistoryLimit": S.integer(
                    "How many old ControllerRevisions to keep for rollbacks.", minimum: 0,
                    default: Int64(StatefulPodSet.defaultRevisionHistoryLimit)),
                "persistentVolumeClaimRetentionPolicy": S.object(
                    "What happens to the claims of pods that go away.",
                    [
                        "whenDeleted": S.string(
                            "Retain keeps the claims when the set is deleted; Delete removes them with it.",
                            enum: RetentionPolicyType.allowedRawValues, default: RetentionPolicyType.retain.rawValue),
                        "whenScaled": S.string(
                            "Retain keeps the claims of ordinals scaled away; Delete removes them.",
                            enum: RetentionPolicyType.allowedRawValues, default: RetentionPolicyType.retain.rawValue),
                    ], default: [:]),
                "updateStrategy": S.object(
                    "How pods move to a new template.",
                    [
                        "type": S.string(
                            "RollingUpdate updates pods from the highest ordinal down; OnDelete updates a pod only "
                                + "when it is deleted.",
                            enum: UpdateStrategyType.allowedRawValues, default: UpdateStrategyType.rollingUpdate.rawValue),
                        "rollingUpdate": rollingUpdate(),
                    ], default: [:]),
                "placement": S.object(
                    "Where a replaced pod goes when its node is lost.",
                    [
                        "nodeLossTimeoutSeconds": S.integer(
                            "Seconds a replacement waits for its NotReady or deleted node before it is placed "
                                + "elsewhere (Strict).",
                            minimum: 0, maximum: 86_400, default: Int64(StatefulPodSet.defaultNodeLossTimeoutSeconds)),
                        "stickiness": S.string(
                            "Strict keeps a replacement waiting for its lost node up to nodeLossTimeoutSeconds; "
                                + "Preferred places it elsewhere at once.",
                            enum: Stickiness.allowedRawValues, default: Stickiness.strict.rawValue),
                    ], default: [:]),
            ],
            required: ["selector", "template"])
    }

    static func rollingUpdate() -> JSONValue {
        S.object(
            "How a RollingUpdate proceeds.",
            [
                "partition": S.integer(
                    "Pods with an ordinal below it keep the current revision: a canary of the highest ordinals.",
                    minimum: 0, default: 0),
                "maxUnavailable": S.intOrString(
                    "Pods unavailable at once during the update: a number or a percentage of replicas.", default: 1,
                    pattern: "^([1-9][0-9]?|100)%$|^[1-9][0-9]*$"),
                "paused": S.boolean("While true, no pod is updated; the rollout resumes where it stopped.", default: false),
                "inPlaceGracePeriodSeconds": S.integer(
                    "Seconds a pod is kept out of Service endpoints (its InPlaceUpdateReady gate False) before "
                        + "an in-place update changes it.",
                    minimum: 0, maximum: 3_600, default: 0),
                "podUpdatePolicy": S.string(
                    "InPlaceIfPossible changes images, resources and labels on the running pod and recreates "
                        + "it on the same node otherwise; InPlaceOnly stops the rollout at a change a running pod "
                        + "cannot take; SameNodeRecreate always recreates it on its node; Recreate deletes it and "
                        + "schedules its replacement anew, as a StatefulSet does.",
                    enum: PodUpdatePolicy.allowedRawValues, default: PodUpdatePolicy.inPlaceIfPossible.rawValue),
            ], default: [:])
    }

    static func labelSelector() -> JSONValue {
        S.object(
            "Which pods belong to the set; it must match the template's labels.",
            [
                "matchLabels": S.stringMap("Labels a pod must carry, each with this value."),
                "matchExpressions": S.array(
                    "Requirements a pod's labels must all meet.",
                    of: S.object(
                        "One requirement on one label.",
                        [
                            "key": S.string("The label's key."),
                            "operator": S.string(
                                "In, NotIn, Exists or DoesNotExist.", enum: LabelSelectorRequirement.knownOperators),
                            "values": S.array(
                                "The values for In and NotIn; empty for Exists and DoesNotExist.", of: S.string("A value.")),
                        ], required: ["key", "operator"])),
            ])
    }

    static func status() -> JSONValue {
        func count(_ description: String) -> JSONValue { S.integer(description, minimum: 0) }
        return S.object(
            "The observed state of a StatefulPodSet, written by the controller.",
            [
                "observedGeneration": S.integer("The set's generation this status describes.", format: "int64"),
                "replicas": count("Pods the controller made that exist."),
                "readyReplicas": count("Pods Running and Ready."),
                "availableReplicas": count("Pods Ready for at least minReadySeconds."),
                "currentReplicas": count("Pods on the current revision."),
                "updatedReplicas": count("Pods on the update revision."),
                "currentRevision": S.string("The ControllerRevision the pods ran before the update."),
                "updateRevision": S.string("The ControllerRevision of the current template."),
                "collisionCount": count("Hash collisions met when naming ControllerRevisions."),
                "selector": S.string("The selector in query form, for the scale subresource."),
                "updatedInPlace": count("Pods of this rollout updated in place."),
                "recreatedOnSameNode": count("Pods of this rollout recreated on the node they ran on."),
                "rescheduled": count("Pods of this rollout that were placed on another node."),
                "rescheduleReasons": [
                    "type": "object", "additionalProperties": ["type": "integer", "format": "int32"],
                    "description": "Rescheduled pods by reason.",
                ],
                "pendingReplacements": [
                    "type": "object",
                    "description": "Pods deleted to be recreated, by name, until their successor exists.",
                    "additionalProperties": S.object(
                        "The pod being replaced.",
                        ["uid": S.string("The deleted pod's UID."), "marker": S.string("How its successor is made.")],
                        required: ["uid", "marker"]),
                ],
                "conditions": S.array(
                    "Available, Progressing, Invalid and the rollout's state.",
                    of: S.object(
                        "One condition.",
                        [
                            "type": S.string("The condition's type."),
                            "status": S.string("True, False or Unknown.", enum: ["True", "False", "Unknown"]),
                            "reason": S.string("Why, in one CamelCase word."),
                            "message": S.string("Why, for people."),
                            "lastTransitionTime": S.string("When the status last changed.", format: "date-time"),
                            "observedGeneration": S.integer("The set's generation it describes.", format: "int64"),
                        ], required: ["type", "status"])),
            ])
    }
}
