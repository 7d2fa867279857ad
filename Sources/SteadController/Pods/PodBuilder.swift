import KubeModel
import SteadAPI

/// Builds the pod for one ordinal of a set from a revision's template. The template's JSON is the base,
/// so fields the Swift models do not know reach the pod.
public enum PodBuilder {
    public static func build(set: StatefulPodSet, ordinal: Int, revision: ControllerRevision) throws -> Pod {
        let template = RevisionBuilder.template(of: revision) ?? set.spec.withDefaults().template
        let name = PodNaming.podName(setName: set.name, ordinal: ordinal)

        var metadata: JSONObject = [:]
        for key in ["labels", "annotations", "finalizers"] {
            if let value = template.json[path: ["metadata", key]], !value.isNull { metadata[key] = value }
        }
        var labels = template.labels
        labels[SteadKeys.podName] = name
        labels[SteadKeys.podIndex] = String(ordinal)
        labels[SteadKeys.revisionHash] = revision.name
        labels[SteadKeys.set] = set.name
        metadata["labels"] = .object(labels.mapValues(JSONValue.string))
        var annotations = metadata["annotations"]?.objectValue ?? [:]
        for (key, value) in placementAnnotations(set.spec) { annotations[key] = .string(value) }
        metadata["annotations"] = .object(annotations)
        metadata["name"] = .string(name)
        if let namespace = set.metadata.namespace { metadata["namespace"] = .string(namespace) }
        metadata["ownerReferences"] = .array([try KubeJSON.encodeToValue(set.controllerReference)])

        var spec = template.json["spec"] ?? .object([:])
        if spec.objectValue == nil { spec = .object([:]) }
        if spec["schedulerName"]?.stringValue == nil { spec["schedulerName"] = .string(SteadKeys.schedulerName) }
        spec["hostname"] = .string(name)
        if let serviceName = set.spec.serviceName, !serviceName.isEmpty { spec["subdomain"] = .string(serviceName) }
        spec["readinessGates"] = .array(readinessGates(spec["readinessGates"]))
        spec["volumes"] = .array(volumes(spec["volumes"], set: set, ordinal: ordinal))

        let json: JSONValue = .object([
            "apiVersion": .string(Pod.resourceType.apiVersion), "kind": .string(Pod.resourceType.kind),
            "metadata": .object(metadata), "spec": spec,
        ])
        return try KubeJSON.decode(Pod.self, from: json)
    }

    /// `spec.placement` for the scheduler, which decides whether a replacement waits for its lost node.
    static func placementAnnotations(_ spec: StatefulPodSetSpec) -> [String: String] {
        NodeLossPolicy(
            strict: spec.effectiveStickiness == .strict, timeoutSeconds: Int(spec.effectiveNodeLossTimeoutSeconds)
        ).annotations
    }

    /// The template's gates plus `stead.dev/InPlaceUpdateReady`, once.
    static func readinessGates(_ existing: JSONValue?) -> [JSONValue] {
        var gates = existing?.arrayValue ?? []
        if !gates.contains(where: { $0["conditionType"]?.stringValue == SteadKeys.inPlaceUpdateReady }) {
            gates.append(.object(["conditionType": .string(SteadKeys.inPlaceUpdateReady)]))
        }
        return gates
    }

    /// The template's volumes with one PVC volume per claim template; a claim replaces a template volume
    /// of the same name, as in a StatefulSet.
    static func volumes(_ existing: JSONValue?, set: StatefulPodSet, ordinal: Int) -> [JSONValue] {
        let claims = set.spec.volumeClaimTemplates ?? []
        let claimNames = Set(claims.map(\.name))
        var volumes = (existing?.arrayValue ?? []).filter { !claimNames.contains($0["name"]?.stringValue ?? "") }
        for claim in claims {
            let claimName = PodNaming.claimName(claim: claim.name, setName: set.name, ordinal: ordinal)
            volumes.append(.object([
                "name": .string(claim.name),
                "persistentVolumeClaim": .object(["claimName": .string(claimName)]),
            ]))
        }
        return volumes
    }
}
