import KubeModel

/// The apiextensions.k8s.io/v1 CustomResourceDefinition of StatefulPodSet, as `stead manifests` prints it
/// and `stead up` installs it.
public enum StatefulPodSetCRD {
    public static var name: String {
        "\(StatefulPodSet.resourceType.plural).\(StatefulPodSet.resourceType.group)"
    }

    public static func definition() -> JSONValue {
        let type = StatefulPodSet.resourceType
        let version: JSONValue = [
            "name": .string(type.version),
            "served": true,
            "storage": true,
            "schema": ["openAPIV3Schema": rootSchema()],
            "subresources": [
                "status": [:],
                "scale": [
                    "specReplicasPath": ".spec.replicas",
                    "statusReplicasPath": ".status.replicas",
                    "labelSelectorPath": ".status.selector",
                ],
            ],
            "additionalPrinterColumns": .array(printerColumns()),
        ]
        return [
            "apiVersion": "apiextensions.k8s.io/v1",
            "kind": "CustomResourceDefinition",
            "metadata": ["name": .string(name)],
            "spec": [
                "group": .string(type.group),
                "scope": .string(type.namespaced ? "Namespaced" : "Cluster"),
                "names": [
                    "plural": .string(type.plural),
                    "singular": .string(StatefulPodSet.singular),
                    "kind": .string(type.kind),
                    "listKind": .string(type.listKind),
                    "shortNames": .array(StatefulPodSet.shortNames.map(JSONValue.string)),
                    "categories": ["all"],
                ],
                "versions": [version],
            ],
        ]
    }

    static func printerColumns() -> [JSONValue] {
        func column(_ name: String, _ type: String, _ path: String, priority: Int64 = 0, description: String) -> JSONValue {
            var node: JSONObject = [
                "name": .string(name), "type": .string(type), "jsonPath": .string(path),
                "description": .string(description),
            ]
            if priority > 0 { node["priority"] = .int(priority) }
            return .object(node)
        }
        return [
            column("Replicas", "integer", ".spec.replicas", description: "Desired pods"),
            column("Ready", "integer", ".status.readyReplicas", description: "Pods Running and Ready"),
            column("Updated", "integer", ".status.updatedReplicas", description: "Pods on the update revision"),
            column("Available", "integer", ".status.availableReplicas", description: "Pods Ready for minReadySeconds"),
            column("Policy", "string", ".spec.updateStrategy.rollingUpdate.podUpdatePolicy",
                   description: "How pods are updated"),
            column("In-Place", "integer", ".status.updatedInPlace", priority: 1,
                   description: "Pods of this rollout updated in place"),
            column("Revision", "string", ".status.updateRevision", priority: 1, description: "Update revision"),
            column("Age", "date", ".metadata.creationTimestamp", description: "Time since creation"),
        ]
    }

    static func rootSchema() -> JSONValue {
        SchemaBuilder.object(
            "A set of stateful pods with stable identities and claims, updated in place or on the node they run "
                + "on; only genuinely new pods go through node selection.",
            [
                "apiVersion": SchemaBuilder.string("The versioned schema of this object: stead.dev/v1alpha1."),
                "kind": SchemaBuilder.string("The kind of this object: StatefulPodSet."),
                // Kubernetes allows nothing else here, not even a description (explain shows ObjectMeta's).
                "metadata": ["type": "object"],
                "spec": StatefulPodSetSchema.spec(),
                "status": StatefulPodSetSchema.status(),
            ],
            required: ["spec"])
    }
}
