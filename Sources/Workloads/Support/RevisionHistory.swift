import KubeClient
import KubeModel

/// The ControllerRevisions of a StatefulSet or DaemonSet, as Kubernetes keeps them: one per template,
/// named `<owner>-<hash>`, numbered in the order the templates were last used, its data the strategic
/// merge patch that puts the template back (what `kubectl rollout undo` applies), the oldest unused
/// ones deleted beyond `revisionHistoryLimit`.
struct RevisionHistory: Sendable {
    let client: KubeClient

    static func data(template: JSONValue?) -> JSONValue {
        var template = template ?? [:]
        template["$patch"] = "replace"
        return ["spec": ["template": template]]
    }

    static func template(of revision: ControllerRevision) -> JSONValue? {
        guard var template = revision.data?[path: ["spec", "template"]] else { return nil }
        template["$patch"] = nil
        return template
    }

    /// The revision of `template`: an existing one with the same data (renumbered as the newest when it
    /// comes back), else a new one numbered after the highest. A name taken by other data counts a
    /// collision in the owner's status (`collisionTarget`: its key) and fails, to be tried again.
    func revision(
        for template: JSONValue?, owner: OwnerReference, namespace: String?, existing: [ControllerRevision],
        collisionCount: Int64, collisionTarget: String
    ) async throws -> ControllerRevision {
        let data = Self.data(template: template)
        let next = (existing.map(\.revision).max() ?? 0) + 1
        if let match = existing.first(where: { TemplateEquality.equal($0.data, data) }) {
            guard match.revision < next - 1 else { return match }
            let renumbered = try await client.patch(
                ControllerRevision.resourceType, name: match.name, namespace: namespace, patch: .merge(["revision": .int(next)]))
            return try KubeJSON.decode(ControllerRevision.self, from: renumbered)
        }
        let hash = DeploymentPlan.templateHash(data, collisionCount: collisionCount)
        var labels = template?[path: ["metadata", "labels"]]?.objectValue?.compactMapValues(\.stringValue) ?? [:]
        labels["controller.kubernetes.io/hash"] = hash
        var metadata = ObjectMeta(name: "\(owner.name)-\(hash)", namespace: namespace, labels: labels)
        metadata.ownerReferences = [owner]
        do {
            return try await client.create(ControllerRevision(metadata: metadata, data: data, revision: next))
        } catch let error as KubeAPIError where error.isAlreadyExists {
            let taken = try await client.get(ControllerRevision.self, name: "\(owner.name)-\(hash)", namespace: namespace ?? "")
            if TemplateEquality.equal(taken.data, data), taken.metadata.controllerReference?.uid == owner.uid { return taken }
            let resource = ResourceType(
                group: "apps", version: "v1", kind: owner.kind, plural: owner.kind.lowercased() + "s", namespaced: true)
            _ = try await client.patch(
                resource, name: owner.name, namespace: namespace,
                patch: .merge(["status": ["collisionCount": .int(collisionCount + 1)]]), subresource: "status")
            throw error
        }
    }

    /// Deletes the oldest revisions beyond `limit` that are not in `keeping`.
    func trim(_ revisions: [ControllerRevision], limit: Int, keeping: Set<String>) async throws {
        let unused = revisions.filter { !keeping.contains($0.name) }.sorted { $0.revision < $1.revision }
        for revision in unused.prefix(max(0, unused.count - limit)) {
            do {
                try await client.delete(ControllerRevision.self, name: revision.name, namespace: revision.namespace ?? "")
            } catch let error as KubeAPIError where error.isNotFound {}
        }
    }
}
