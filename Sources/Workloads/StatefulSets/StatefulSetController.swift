import Foundation
import KubeClient
import KubeModel
import Logging

/// apps/v1 StatefulSets: pods `<set>-<ordinal>` with their claims, made in order (OrderedReady) or
/// all at once (Parallel), removed from the highest ordinal; each template a ControllerRevision;
/// a rolling update deletes the pods of older revisions from the highest ordinal down to the partition,
/// one at a time (their replacements are made afresh, so a pod naming Stead's scheduler goes back to
/// its node), OnDelete only replaces pods someone deleted.
struct StatefulSetController: Sendable {
    let client: KubeClient
    let caches: WorkloadCaches
    let expectations: Expectations
    let logger: Logger

    func reconcile(_ key: String) async throws -> Duration? {
        guard let set = await caches.statefulSets.store.get(key), !set.isDeleting else { return nil }
        let namespace = set.namespace ?? ""
        let revisions = await caches.revisions.store.list().filter {
            $0.namespace == set.namespace && $0.metadata.controllerReference?.uid == set.uid
        }
        let update = try await updateRevision(of: set, existing: revisions)
        let currentName = set.status?["currentRevision"]?.stringValue
        let current = revisions.first { $0.name == currentName } ?? update
        let pods = await caches.pods(controlledBy: set.uid, namespace: set.namespace)
        var byOrdinal: [Int: Pod] = [:]
        for pod in pods {
            if let ordinal = StatefulSetPlan.ordinal(of: pod.name, setName: set.name) { byOrdinal[ordinal] = pod }
        }
        let strategy = set.spec?[path: ["updateStrategy", "type"]]?.stringValue ?? "RollingUpdate"
        let input = StatefulSetPlan.Input(
            name: set.name, replicas: Int(set.replicas), start: Int(set.spec?[path: ["ordinals", "start"]]?.intValue ?? 0),
            parallel: set.spec?["podManagementPolicy"]?.stringValue == "Parallel",
            partition: strategy == "OnDelete"
                ? nil : Int(set.spec?[path: ["updateStrategy", "rollingUpdate", "partition"]]?.intValue ?? 0),
            currentRevision: current.name, updateRevision: update.name, pods: byOrdinal)
        var templates = [current.name: StatefulSetPlan.template(ofRevisionData: current.data)]
        templates[update.name] = set.spec?["template"]
        for step in StatefulSetPlan.steps(input) {
            switch step {
            case .create(let ordinal, let revision):
                try await createClaims(set, ordinal: ordinal)
                try await createPod(set, ordinal: ordinal, revision: revision, template: templates[revision] ?? set.spec?["template"])
            case .delete(let name):
                do {
                    try await client.delete(Pod.self, name: name, namespace: namespace)
                    logger.info("pod deleted", metadata: ["statefulSet": "\(key)", "pod": "\(name)"])
                } catch let error as KubeAPIError where error.isNotFound {}
            case .wait, .none:
                break
            }
        }
        let status = StatefulSetPlan.status(
            set: set, pods: pods, currentRevision: current.name, updateRevision: update.name, now: Date())
        if status != set.status {
            _ = try await client.patch(
                StatefulSet.resourceType, name: set.name, namespace: set.namespace, patch: .merge(["status": status]),
                subresource: "status")
        }
        try await trimHistory(set, revisions: revisions, keeping: [current.name, update.name], pods: pods)
        return nil
    }

    // MARK: Revisions

    /// The revision of the set's template: an existing one with the same data, else a new one numbered
    /// after the highest.
    private func updateRevision(of set: StatefulSet, existing: [ControllerRevision]) async throws -> ControllerRevision {
        let data = StatefulSetPlan.revisionData(template: set.spec?["template"])
        let number = (existing.map(\.revision).max() ?? 0) + 1
        if let match = existing.first(where: { $0.data == data }) {
            if match.revision < number - 1 {
                // A rollback to an older template: it becomes the newest revision again.
                let renumbered = try await client.patch(
                    ControllerRevision.resourceType, name: match.name, namespace: set.namespace,
                    patch: .merge(["revision": .int(number)]))
                return try KubeJSON.decode(ControllerRevision.self, from: renumbered)
            }
            return match
        }
        let collisions = set.status?["collisionCount"]?.intValue ?? 0
        let hash = DeploymentPlan.templateHash(data, collisionCount: collisions)
        var labels = set.spec?[path: ["template", "metadata", "labels"]]?.objectValue?.compactMapValues(\.stringValue) ?? [:]
        labels["controller.kubernetes.io/hash"] = hash
        var metadata = ObjectMeta(name: "\(set.name)-\(hash)", namespace: set.namespace, labels: labels)
        metadata.ownerReferences = [set.controllerReference]
        let revision = ControllerRevision(metadata: metadata, data: data, revision: number)
        do {
            return try await client.create(revision)
        } catch let error as KubeAPIError where error.isAlreadyExists {
            let existing = try await client.get(ControllerRevision.self, name: "\(set.name)-\(hash)", namespace: set.namespace ?? "")
            if existing.data == data, existing.metadata.controllerReference?.uid == set.uid { return existing }
            _ = try await client.patch(
                StatefulSet.resourceType, name: set.name, namespace: set.namespace,
                patch: .merge(["status": ["collisionCount": .int(collisions + 1)]]), subresource: "status")
            throw error
        }
    }

    /// Revisions beyond `revisionHistoryLimit` that no pod runs, oldest first.
    private func trimHistory(
        _ set: StatefulSet, revisions: [ControllerRevision], keeping: Set<String>, pods: [Pod]
    ) async throws {
        let limit = Int(set.spec?["revisionHistoryLimit"]?.intValue ?? 10)
        let used = Set(pods.map(StatefulSetPlan.revision)).union(keeping)
        let unused = revisions.filter { !used.contains($0.name) }.sorted { $0.revision < $1.revision }
        for revision in unused.prefix(max(0, unused.count - limit)) {
            do {
                try await client.delete(ControllerRevision.self, name: revision.name, namespace: set.namespace ?? "")
            } catch let error as KubeAPIError where error.isNotFound {}
        }
    }

    // MARK: Pods and claims

    private func createPod(_ set: StatefulSet, ordinal: Int, revision: String, template: JSONValue?) async throws {
        let name = "\(set.name)-\(ordinal)"
        var pod = PodTemplate.pod(
            from: template, namespace: set.namespace ?? "", name: name, owner: set.controllerReference,
            extraLabels: [
                StatefulSetPlan.revisionLabel: revision, StatefulSetPlan.podNameLabel: name,
                StatefulSetPlan.podIndexLabel: String(ordinal),
            ])
        var spec = pod["spec"]?.objectValue ?? [:]
        spec["hostname"] = .string(name)
        if let service = set.spec?["serviceName"]?.stringValue, !service.isEmpty { spec["subdomain"] = .string(service) }
        var volumes = (spec["volumes"]?.arrayValue ?? [])
        for claim in set.spec?["volumeClaimTemplates"]?.arrayValue ?? [] {
            let claimName = claim[path: ["metadata", "name"]]?.stringValue ?? ""
            volumes.removeAll { $0["name"]?.stringValue == claimName }
            volumes.append(["name": .string(claimName), "persistentVolumeClaim": ["claimName": .string("\(claimName)-\(name)")]])
        }
        if !volumes.isEmpty { spec["volumes"] = .array(volumes) }
        pod["spec"] = .object(spec)
        do {
            _ = try await client.create(Pod.resourceType, pod, namespace: set.namespace)
            logger.info("pod created", metadata: ["statefulSet": "\(set.key)", "pod": "\(name)", "revision": "\(revision)"])
        } catch let error as KubeAPIError where error.isAlreadyExists {}
    }

    private func createClaims(_ set: StatefulSet, ordinal: Int) async throws {
        let selectorLabels = set.spec?[path: ["selector", "matchLabels"]]?.objectValue ?? [:]
        for template in set.spec?["volumeClaimTemplates"]?.arrayValue ?? [] {
            let name = "\(template[path: ["metadata", "name"]]?.stringValue ?? "")-\(set.name)-\(ordinal)"
            if await caches.claims.store.get(ObjectKey(namespace: set.namespace, name: name)) != nil { continue }
            var metadata = template["metadata"]?.objectValue ?? [:]
            metadata["name"] = .string(name)
            metadata["namespace"] = .string(set.namespace ?? "")
            var labels = metadata["labels"]?.objectValue ?? [:]
            for (key, value) in selectorLabels { labels[key] = value }
            if !labels.isEmpty { metadata["labels"] = .object(labels) }
            let claim: JSONValue = [
                "apiVersion": "v1", "kind": "PersistentVolumeClaim", "metadata": .object(metadata),
                "spec": template["spec"] ?? [:],
            ]
            do {
                _ = try await client.create(PersistentVolumeClaim.resourceType, claim, namespace: set.namespace)
            } catch let error as KubeAPIError where error.isAlreadyExists {}
        }
    }
}
