import KubeModel
import SteadAPI

/// Builds the PVCs of one ordinal from the set's `volumeClaimTemplates`.
public enum ClaimBuilder {
    public static func build(set: StatefulPodSet, ordinal: Int) throws -> [PersistentVolumeClaim] {
        try (set.spec.volumeClaimTemplates ?? []).map { try build(set: set, template: $0, ordinal: ordinal) }
    }

    public static func build(set: StatefulPodSet, template: PersistentVolumeClaimTemplate, ordinal: Int) throws
        -> PersistentVolumeClaim
    {
        var claim = try template.decoded()
        claim.apiVersion = PersistentVolumeClaim.resourceType.apiVersion
        claim.kind = PersistentVolumeClaim.resourceType.kind
        let templateMeta = claim.metadata
        var metadata = ObjectMeta(
            name: PodNaming.claimName(claim: template.name, setName: set.name, ordinal: ordinal),
            namespace: set.metadata.namespace, annotations: templateMeta.annotations)
        var labels = templateMeta.labels ?? [:]
        for (key, value) in set.spec.selector?.matchLabels ?? [:] { labels[key] = value }
        labels[SteadKeys.set] = set.name
        labels[SteadKeys.podIndex] = String(ordinal)
        metadata.labels = labels
        if set.spec.effectiveWhenDeleted == .delete {
            metadata.ownerReferences = [set.controllerReference]
        }
        claim.metadata = metadata
        claim.status = nil
        return claim
    }

    /// Whether an existing claim's owner references follow the retention policy; the reconcile loop
    /// patches those that do not (a policy changed after the claims were made).
    public static func ownerReferencesMatchPolicy(_ claim: PersistentVolumeClaim, set: StatefulPodSet) -> Bool {
        let ownedBySet = (claim.metadata.ownerReferences ?? []).contains { $0.uid == set.metadata.uid }
        return ownedBySet == (set.spec.effectiveWhenDeleted == .delete)
    }
}
