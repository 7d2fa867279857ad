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
    let events: WorkloadEvents
    let logger: Logger

    func reconcile(_ key: String) async throws -> Duration? {
        guard let set = await caches.statefulSets.store.get(key), !set.isDeleting else { return nil }
        let namespace = set.namespace ?? ""
        let revisions = await caches.revisions(controlledBy: set.uid, namespace: set.namespace)
        let history = RevisionHistory(client: client)
        let update = try await history.revision(
            for: set.spec?["template"], owner: set.controllerReference, namespace: set.namespace, existing: revisions,
            collisionCount: set.status?["collisionCount"]?.intValue ?? 0, collisionTarget: set.key)
        let currentName = set.status?["currentRevision"]?.stringValue
        let current = revisions.first { $0.name == currentName } ?? update
        let pods = await caches.pods(controlledBy: set.uid, namespace: set.namespace)
        // A pod belongs by its name too: `<set>-<ordinal>`.
        let claim = ControllerRefs.claim(
            controlled: pods, orphans: await caches.orphanPods(in: set.namespace), selector: LabelSelector(set.spec?["selector"])
        ) { StatefulSetPlan.ordinal(of: $0.name, setName: set.name) != nil }
        if try await ControllerRefs(client: client).apply(claim, owner: set) { return nil }
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
        var templates = [current.name: RevisionHistory.template(of: current)]
        templates[update.name] = set.spec?["template"]
        for step in StatefulSetPlan.steps(input) {
            switch step {
            case .create(let ordinal, let revision):
                try await createClaims(set, ordinal: ordinal)
                try await createPod(set, ordinal: ordinal, revision: revision, template: templates[revision] ?? set.spec?["template"])
            case .delete(let name):
                do {
                    try await client.delete(Pod.self, name: name, namespace: namespace)
                    events.normal(set, "SuccessfulDelete", "delete Pod \(name) in StatefulSet \(set.name) successful")
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
        try await history.trim(
            revisions, limit: Int(set.spec?["revisionHistoryLimit"]?.intValue ?? 10),
            keeping: Set(pods.map(StatefulSetPlan.revision)).union([current.name, update.name]))
        return nil
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
            events.normal(set, "SuccessfulCreate", "create Pod \(name) in StatefulSet \(set.name) successful")
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
                events.normal(
                    set, "SuccessfulCreate", "create Claim \(name) Pod \(set.name)-\(ordinal) in StatefulSet \(set.name) success")
            } catch let error as KubeAPIError where error.isAlreadyExists {}
        }
    }
}
