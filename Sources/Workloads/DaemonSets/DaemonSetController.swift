import Foundation
import KubeClient
import KubeModel
import Logging

/// apps/v1 DaemonSets: one pod on every node that should run it (``DaemonSetPlan``), placed by the
/// scheduler through node affinity as Kubernetes does; a rolling update replaces the daemons of older
/// templates within `maxUnavailable`; each template a ControllerRevision (`kubectl rollout history`).
struct DaemonSetController: Sendable {
    let client: KubeClient
    let caches: WorkloadCaches
    let expectations: Expectations
    let events: WorkloadEvents
    let logger: Logger

    func reconcile(_ key: String) async throws -> Duration? {
        guard let set = await caches.daemonSets.store.get(key), !set.isDeleting else {
            expectations.forget(key)
            return nil
        }
        guard expectations.satisfied(key) else { return nil }
        let template = set.spec?["template"]
        let revisions = await caches.revisions(controlledBy: set.uid, namespace: set.namespace)
        let history = RevisionHistory(client: client)
        let revision = try await history.revision(
            for: template, owner: set.controllerReference, namespace: set.namespace, existing: revisions,
            collisionCount: set.status?["collisionCount"]?.intValue ?? 0, collisionTarget: set.key)
        let hash = revision.metadata.labels?["controller.kubernetes.io/hash"] ?? revision.name
        let wanted = Set(await caches.nodes.store.list().filter { DaemonSetPlan.shouldRun(template, on: $0) }.map(\.name))
        let pods = await caches.pods(controlledBy: set.uid, namespace: set.namespace)
        let claim = ControllerRefs.claim(
            controlled: pods, orphans: await caches.orphanPods(in: set.namespace), selector: LabelSelector(set.spec?["selector"]))
        if try await ControllerRefs(client: client).apply(claim, owner: set) { return nil }
        let strategy = set.spec?["updateStrategy"]
        let maxUnavailable = Int(
            DeploymentPlan.scaled(strategy?[path: ["rollingUpdate", "maxUnavailable"]] ?? 1, of: Int64(wanted.count), roundUp: true))
        let step = DaemonSetPlan.step(
            wanted: wanted, pods: pods, revision: hash, maxUnavailable: max(1, maxUnavailable),
            rollingUpdate: strategy?["type"]?.stringValue != "OnDelete")
        expectations.expect(key, adds: step.create.count, deletes: step.delete)
        for node in step.create {
            var pod = PodTemplate.pod(
                from: template, namespace: set.namespace ?? "", generateName: "\(set.name)-", owner: set.controllerReference,
                extraLabels: [DaemonSetPlan.revisionLabel: hash, DaemonSetPlan.generationLabel: String(set.generation)])
            pod["spec"] = DaemonSetPlan.podSpec(template, node: node)
            do {
                let created = try await client.create(Pod.resourceType, pod, namespace: set.namespace)
                events.normal(set, "SuccessfulCreate", "Created pod: \(created[path: ["metadata", "name"]]?.stringValue ?? "")")
            } catch {
                expectations.creationFailed(key)
                events.warning(set, "FailedCreate", "Error creating: \(error)")
                throw error
            }
        }
        for name in step.delete {
            do {
                try await client.delete(Pod.self, name: name, namespace: set.namespace ?? "")
                events.normal(set, "SuccessfulDelete", "Deleted pod: \(name)")
            } catch let error as KubeAPIError where error.isNotFound {
                expectations.deleted(key, pod: name)
            }
        }
        let status = DaemonSetPlan.status(set, wanted: wanted, pods: pods, revision: hash, now: Date())
        if status != set.status {
            _ = try await client.patch(
                DaemonSet.resourceType, name: set.name, namespace: set.namespace, patch: .merge(["status": status]),
                subresource: "status")
        }
        try await history.trim(
            revisions, limit: Int(set.spec?["revisionHistoryLimit"]?.intValue ?? 10),
            keeping: Set(pods.compactMap { $0.metadata.labels?[DaemonSetPlan.revisionLabel].map { "\(set.name)-\($0)" } })
                .union([revision.name]))
        return nil
    }
}
