import KubeModel

/// Which old revisions to delete so at most `revisionHistoryLimit` remain; revisions still used by a
/// live pod, and the current and update revisions, are never deleted.
public enum RevisionHistory {
    public static func revisionsToDelete(
        set: StatefulPodSet, revisions: [ControllerRevision], pods: [Pod], currentRevision: String,
        updateRevision: String
    ) -> [ControllerRevision] {
        let limit = set.spec.effectiveRevisionHistoryLimit
        let excess = revisions.count - limit
        guard excess > 0 else { return [] }
        var live: Set<String> = [currentRevision, updateRevision]
        for pod in pods { if let hash = pod.revisionHash { live.insert(hash) } }
        let candidates = revisions.filter { !live.contains($0.name) }
            .sorted { ($0.revision, $0.name) < ($1.revision, $1.name) }
        return Array(candidates.prefix(excess))
    }
}
