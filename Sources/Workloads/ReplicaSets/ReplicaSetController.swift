import Foundation
import KubeClient
import KubeModel
import Logging

/// Keeps each ReplicaSet's count of pods: makes the missing ones from its template, deletes the surplus
/// (``ReplicaSetPlan/victims(_:count:)`` first), and writes its status.
struct ReplicaSetController: Sendable {
    let client: KubeClient
    let caches: WorkloadCaches
    let expectations: Expectations
    let events: WorkloadEvents
    let logger: Logger

    func reconcile(_ key: String) async throws -> Duration? {
        guard let set = await caches.replicaSets.store.get(key), !set.isDeleting else {
            expectations.forget(key)
            return nil
        }
        await observeDeletions(key, namespace: set.namespace)
        guard expectations.satisfied(key) else { return nil }
        let pods = await caches.pods(controlledBy: set.uid, namespace: set.namespace)
        let claim = ControllerRefs.claim(
            controlled: pods, orphans: await caches.orphanPods(in: set.namespace), selector: LabelSelector(set.spec?["selector"]))
        // Adoptions and releases first: their events bring the set back with its pods counted.
        if try await ControllerRefs(client: client).apply(claim, owner: set) { return nil }
        let active = pods.filter(\.isActive)
        switch ReplicaSetPlan.action(replicas: set.replicas, active: active) {
        case .create(let count):
            expectations.expect(key, adds: count)
            let pod = PodTemplate.pod(
                from: set.spec?["template"], namespace: set.namespace ?? "", generateName: "\(set.name)-",
                owner: set.controllerReference)
            try await withThrowingDiscardingTaskGroup { group in
                for _ in 0..<count {
                    group.addTask {
                        do {
                            let created = try await client.create(Pod.resourceType, pod, namespace: set.namespace)
                            events.normal(set, "SuccessfulCreate", "Created pod: \(created[path: ["metadata", "name"]]?.stringValue ?? "")")
                        } catch {
                            expectations.creationFailed(key)
                            events.warning(set, "FailedCreate", "Error creating: \(error)")
                            throw error
                        }
                    }
                }
            }
        case .delete(let names):
            expectations.expect(key, deletes: names)
            for (index, name) in names.enumerated() {
                do {
                    try await client.delete(Pod.self, name: name, namespace: set.namespace ?? "")
                    events.normal(set, "SuccessfulDelete", "Deleted pod: \(name)")
                } catch let error as KubeAPIError where error.isNotFound {
                    expectations.deleted(key, pod: name)
                } catch {
                    // This delete and those not sent will never be seen: the retry must not wait for them.
                    for unsent in names[index...] { expectations.deleted(key, pod: unsent) }
                    throw error
                }
            }
        case .none:
            break
        }
        let status = ReplicaSetPlan.status(set, pods: pods, now: Date())
        if status != set.status {
            _ = try await client.patch(
                ReplicaSet.resourceType, name: set.name, namespace: set.namespace, patch: .merge(["status": status]),
                subresource: "status")
        }
        let minReady = set.spec?["minReadySeconds"]?.intValue ?? 0
        // A pod ready but not yet for minReadySeconds becomes available without an event to say so.
        let waiting = minReady > 0 && active.contains { $0.isReady && !$0.isAvailable(minReadySeconds: minReady, now: Date()) }
        return waiting ? .seconds(1) : nil
    }

    /// A pod this controller deleted counts as deleted once the cache shows it terminating (or gone),
    /// as client-go's replicaset controller counts a pod update that sets its deletionTimestamp: the
    /// kubelet may take the whole grace period to remove it, and it no longer counts meanwhile.
    private func observeDeletions(_ key: String, namespace: String?) async {
        for name in expectations.pendingDeletes(key) {
            let pod = await caches.pods.store.get(ObjectKey(namespace: namespace, name: name))
            if pod?.isTerminating ?? true { expectations.deleted(key, pod: name) }
        }
    }
}
