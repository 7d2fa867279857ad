import KubeModel

/// `persistentVolumeClaimRetentionPolicy` as pure decisions.
public enum ClaimRetention {
    /// PVCs to delete under `whenScaled: Delete`: claims of this set's templates whose ordinal is at or above
    /// replicas and whose pod is gone (or being deleted in this plan). `whenDeleted: Delete` needs nothing
    /// here: those claims carry an owner reference to the set and the garbage collector removes them.
    public static func claimsToDelete(
        set: StatefulPodSet, pods: [Pod], existingClaims: [PersistentVolumeClaim], deletingPods: [Int] = []
    ) -> [String] {
        guard set.spec.effectiveWhenScaled == .delete else { return [] }
        let replicas = set.spec.effectiveReplicas
        let live = Set(set.podsByOrdinal(pods).keys).subtracting(deletingPods)
        let templates = (set.spec.volumeClaimTemplates ?? []).map(\.name)
        var names: [String] = []
        for claim in existingClaims {
            guard let ordinal = ordinal(of: claim.name, set: set, templates: templates),
                ordinal >= replicas, !live.contains(ordinal)
            else { continue }
            names.append(claim.name)
        }
        return names.sorted()
    }

    /// The ordinal in `<claim>-<set>-<ordinal>` for one of `templates`, or nil.
    static func ordinal(of claimName: String, set: StatefulPodSet, templates: [String]) -> Int? {
        for template in templates {
            let prefix = "\(template)-\(set.name)-"
            guard claimName.hasPrefix(prefix) else { continue }
            let digits = claimName.dropFirst(prefix.count)
            if !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }), let value = Int(digits) {
                return value
            }
        }
        return nil
    }
}
