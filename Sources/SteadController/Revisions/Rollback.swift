import KubeClient
import KubeModel
import SteadAPI

/// `stead rollback`: puts a set's template back to the one a ControllerRevision recorded, as
/// `kubectl rollout undo` does for a StatefulSet (kubectl's rollout commands do not work on custom
/// resources). The controller then rolls the pods to it like any other template change: in place where
/// it can.
public enum Rollback {
    public enum Outcome: Equatable, Sendable {
        case rolledBack(revision: Int64, name: String)
        /// The template already is the revision's: nothing was written.
        case alreadyThere(revision: Int64, name: String)
    }

    /// The revision asked for does not exist (or there is no earlier one to go back to).
    public struct NoSuchRevision: Error, CustomStringConvertible {
        public var set: String
        public var wanted: Int64?
        public var known: [Int64]
        public var description: String {
            let known = known.isEmpty ? "none" : known.map(String.init).joined(separator: ", ")
            guard let wanted else { return "statefulpodset \(set) has no revision before its latest (revisions: \(known))" }
            return "statefulpodset \(set) has no revision \(wanted) (revisions: \(known))"
        }
    }

    /// The set's revisions, oldest first.
    public static func revisions(of set: StatefulPodSet, client: KubeClient) async throws -> [ControllerRevision] {
        try await client.listAll(
            ControllerRevision.self, namespace: set.metadata.namespace,
            options: ListOptions(labelSelector: "\(SteadKeys.set)=\(set.name)")
        ).items
            .filter { $0.metadata.controllerReference?.uid == set.metadata.uid }
            .sorted { $0.revision < $1.revision }
    }

    /// The revision numbered `number`; with nil or 0, the one before the latest (kubectl's default).
    static func target(in revisions: [ControllerRevision], number: Int64?, set: String) throws -> ControllerRevision {
        let known = revisions.map(\.revision)
        if let number, number > 0 {
            guard let found = revisions.first(where: { $0.revision == number }) else {
                throw NoSuchRevision(set: set, wanted: number, known: known)
            }
            return found
        }
        guard revisions.count >= 2 else { throw NoSuchRevision(set: set, wanted: nil, known: known) }
        return revisions[revisions.count - 2]
    }

    /// Replaces the set's template with the revision's (a JSON patch that first tests the resourceVersion
    /// it read, retried on fresh state when the set changed meanwhile).
    public static func rollback(
        _ name: String, namespace: String, toRevision number: Int64?, client: KubeClient
    ) async throws -> Outcome {
        var attempt = 0
        while true {
            attempt += 1
            let set = try await client.get(StatefulPodSet.self, name: name, namespace: namespace)
            let revision = try target(in: try await revisions(of: set, client: client), number: number, set: name)
            guard let template = RevisionBuilder.template(of: revision) else {
                throw NoSuchRevision(set: name, wanted: revision.revision, known: [])
            }
            if set.spec.withDefaults().template.json == template.json {
                return .alreadyThere(revision: revision.revision, name: revision.name)
            }
            let patch = Patch.json([
                ["op": "test", "path": "/metadata/resourceVersion", "value": .string(set.metadata.resourceVersion ?? "")],
                ["op": "replace", "path": "/spec/template", "value": template.json],
            ])
            do {
                _ = try await client.patch(StatefulPodSet.self, name: name, namespace: namespace, patch: patch)
                return .rolledBack(revision: revision.revision, name: revision.name)
            } catch let error as KubeAPIError where (error.isConflict || error.isInvalid) && attempt < 5 {
                continue  // the set changed since it was read: look again
            }
        }
    }
}
