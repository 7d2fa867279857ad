import KubeModel
import SteadAPI

/// Builds the ControllerRevision that records one template of a set.
public enum RevisionBuilder {
    /// `<set>-<hash>`: the revision's name and the value of its pods' `controller-revision-hash` label.
    public static func revisionName(setName: String, hash: String) -> String { "\(setName)-\(hash)" }

    /// The revision's data: the template as a patch on the set, `{"spec":{"template":...}}`.
    public static func data(for template: PodTemplateSpec) -> JSONValue {
        .object(["spec": .object(["template": template.json])])
    }

    /// The template a revision recorded, or nil when its data has none.
    public static func template(of revision: ControllerRevision) -> PodTemplateSpec? {
        guard let json = revision.data?[path: ["spec", "template"]] else { return nil }
        return PodTemplateSpec(json: json)
    }

    /// The revision of the set's (defaulted) template, numbered `revisionNumber`.
    public static func build(for set: StatefulPodSet, revisionNumber: Int64, collisionCount: Int32) -> ControllerRevision {
        let template = set.spec.withDefaults().template
        let hash = TemplateHash.hash(template, collisionCount: collisionCount)
        let name = revisionName(setName: set.name, hash: hash)
        var labels = template.labels
        labels[SteadKeys.revisionHash] = name
        labels[SteadKeys.set] = set.name
        var metadata = ObjectMeta(name: name, namespace: set.metadata.namespace, labels: labels)
        metadata.ownerReferences = [set.controllerReference]
        return ControllerRevision(metadata: metadata, data: data(for: template), revision: revisionNumber)
    }
}

extension StatefulPodSet {
    /// The owner reference that makes this set the controller of a pod, PVC or revision.
    public var controllerReference: OwnerReference {
        OwnerReference(
            apiVersion: Self.resourceType.apiVersion, kind: Self.resourceType.kind, name: name,
            uid: metadata.uid ?? "", controller: true, blockOwnerDeletion: true)
    }
}
