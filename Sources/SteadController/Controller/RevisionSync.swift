import KubeClient
import KubeModel
import SteadAPI

/// The set's revisions made real: the update revision created (or an old one renumbered on rollback),
/// then, after the pods moved, the history trimmed.
struct RevisionSync: Sendable {
    let client: KubeClient

    struct Result: Sendable {
        var current: ControllerRevision
        var update: ControllerRevision
        var collisionCount: Int32
        var all: [ControllerRevision]
    }

    func sync(set: StatefulPodSet, cached: [ControllerRevision]) async throws -> Result {
        var known = cached
        for _ in 0..<3 {
            let resolution = RevisionResolver.resolve(set: set, revisions: known)
            if let wanted = resolution.create {
                guard let created = try await create(wanted) else {
                    // The name exists but our cache does not show it: read it and resolve again.
                    let existing = try await client.get(
                        ControllerRevision.self, name: wanted.name, namespace: wanted.metadata.namespace)
                    known.removeAll { $0.name == existing.name }
                    known.append(existing)
                    continue
                }
                known.append(created)
            }
            if let renumbered = resolution.renumber {
                let patched = try await renumber(renumbered)
                known = known.map { $0.name == patched.name ? patched : $0 }
            }
            let update = known.first { $0.name == resolution.updateRevision.name } ?? resolution.updateRevision
            return Result(
                current: resolution.currentRevision, update: update, collisionCount: resolution.collisionCount,
                all: known)
        }
        throw KubeAPIError(httpCode: 409, message: "revision names of \(set.name) keep colliding")
    }

    /// Deletes old revisions beyond `revisionHistoryLimit` that no pod uses.
    func trim(set: StatefulPodSet, revisions: [ControllerRevision], pods: [Pod], current: String, update: String)
        async throws
    {
        let excess = RevisionHistory.revisionsToDelete(
            set: set, revisions: revisions, pods: pods, currentRevision: current, updateRevision: update)
        for revision in excess {
            do {
                try await client.delete(
                    ControllerRevision.self, name: revision.name, namespace: revision.metadata.namespace,
                    options: DeleteOptions(preconditionUID: revision.metadata.uid))
            } catch let error as KubeAPIError where error.isNotFound {
                continue
            }
        }
    }

    /// The created revision, or nil when one of that name already exists.
    private func create(_ revision: ControllerRevision) async throws -> ControllerRevision? {
        do {
            return try await client.create(revision, namespace: revision.metadata.namespace)
        } catch let error as KubeAPIError where error.isAlreadyExists {
            return nil
        }
    }

    /// Raises a reused revision's number to the newest (a rollback), conditional on its resourceVersion.
    private func renumber(_ revision: ControllerRevision) async throws -> ControllerRevision {
        let body: JSONValue = ["revision": .int(revision.revision)]
        return try await client.patch(
            ControllerRevision.self, name: revision.name, namespace: revision.metadata.namespace,
            patch: .merge(body.withResourceVersion(revision.metadata.resourceVersion)),
            fieldManager: SteadKeys.fieldManager)
    }
}
