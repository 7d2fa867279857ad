import KubeModel

/// CustomResourceDefinitions for the custom resource tests. `statefulPodSets` mirrors SteadController's
/// `StatefulPodSetCRD.definition()` (names, scope, subresources, printer columns, the schema's shape);
/// ControlPlaneTests cannot depend on SteadController.
enum CustomResourceFixtures {
    static let group = "stead.dev"
    static let version = "v1alpha1"
    static let collection = "/apis/stead.dev/v1alpha1/namespaces/default/statefulpodsets"
    static let definitions = "/apis/apiextensions.k8s.io/v1/customresourcedefinitions"

    static func statefulPodSets() -> JSONValue {
        [
            "apiVersion": "apiextensions.k8s.io/v1", "kind": "CustomResourceDefinition",
            "metadata": ["name": "statefulpodsets.stead.dev"],
            "spec": [
                "group": "stead.dev", "scope": "Namespaced",
                "names": [
                    "plural": "statefulpodsets", "singular": "statefulpodset", "kind": "StatefulPodSet",
                    "listKind": "StatefulPodSetList", "shortNames": ["sps"], "categories": ["all"],
                ],
                "versions": [
                    [
                        "name": "v1alpha1", "served": true, "storage": true,
                        "schema": ["openAPIV3Schema": statefulPodSetSchema()],
                        "subresources": [
                            "status": [:],
                            "scale": [
                                "specReplicasPath": ".spec.replicas", "statusReplicasPath": ".status.replicas",
                                "labelSelectorPath": ".status.selector",
                            ],
                        ],
                        "additionalPrinterColumns": [
                            ["name": "Replicas", "type": "integer", "jsonPath": ".spec.replicas"],
                            ["name": "Ready", "type": "integer", "jsonPath": ".status.readyReplicas"],
                            ["name": "Policy", "type": "string", "jsonPath": ".spec.updateStrategy.rollingUpdate.podUpdatePolicy"],
                            ["name": "Revision", "type": "string", "jsonPath": ".status.updateRevision", "priority": 1],
                            ["name": "Age", "type": "date", "jsonPath": ".metadata.creationTimestamp"],
                        ],
                    ]
                ],
            ],
        ]
    }

    static func statefulPodSetSchema() -> JSONValue {
        let preserved: JSONValue = ["type": "object", "x-kubernetes-preserve-unknown-fields": true]
        let spec: JSONValue = [
            "type": "object", "required": ["selector", "template"],
            "properties": [
                "replicas": ["type": "integer", "minimum": 0, "default": 1],
                "selector": [
                    "type": "object",
                    "properties": [
                        "matchLabels": ["type": "object", "additionalProperties": ["type": "string"]]
                    ],
                ],
                "serviceName": ["type": "string", "maxLength": 63],
                "template": [
                    "type": "object", "required": ["spec"],
                    "properties": ["metadata": preserved, "spec": preserved],
                ],
                "podManagementPolicy": ["type": "string", "enum": ["OrderedReady", "Parallel"], "default": "OrderedReady"],
                "updateStrategy": [
                    "type": "object", "default": [:],
                    "properties": [
                        "type": ["type": "string", "enum": ["RollingUpdate", "OnDelete"], "default": "RollingUpdate"],
                        "rollingUpdate": [
                            "type": "object",
                            "properties": [
                                "partition": ["type": "integer", "minimum": 0, "default": 0],
                                "maxUnavailable": [
                                    "x-kubernetes-int-or-string": true, "default": 1,
                                    "anyOf": [["type": "integer"], ["type": "string"]],
                                    "pattern": "^([1-9][0-9]?|100)%$|^[1-9][0-9]*$",
                                ],
                                "podUpdatePolicy": [
                                    "type": "string", "enum": ["ReCreate", "InPlaceIfPossible", "InPlaceOnly"],
                                    "default": "InPlaceIfPossible",
                                ],
                            ],
                        ],
                    ],
                ],
                "placement": [
                    "type": "object", "default": [:],
                    "properties": [
                        "nodeLossTimeoutSeconds": ["type": "integer", "minimum": 0, "maximum": 86_400, "default": 300]
                    ],
                ],
            ],
        ]
        let status: JSONValue = [
            "type": "object",
            "properties": [
                "replicas": ["type": "integer", "minimum": 0], "readyReplicas": ["type": "integer", "minimum": 0],
                "updateRevision": ["type": "string"], "selector": ["type": "string"],
                "observedGeneration": ["type": "integer"],
            ],
        ]
        return [
            "type": "object", "required": ["spec"],
            "properties": [
                "apiVersion": ["type": "string"], "kind": ["type": "string"], "metadata": ["type": "object"],
                "spec": spec, "status": status,
            ],
        ]
    }

    static func statefulPodSet(_ name: String, replicas: JSONValue = 2, extraSpec: JSONObject = [:]) -> JSONValue {
        var spec: JSONObject = [
            "replicas": replicas,
            "selector": ["matchLabels": ["app": .string(name)]],
            "template": [
                "metadata": ["labels": ["app": .string(name)]],
                "spec": ["containers": [["name": "app", "image": "nginx:1.27"]]],
            ],
        ]
        for (key, value) in extraSpec { spec[key] = value }
        return [
            "apiVersion": "stead.dev/v1alpha1", "kind": "StatefulPodSet",
            "metadata": ["name": .string(name), "namespace": "default"], "spec": .object(spec),
        ]
    }
}
