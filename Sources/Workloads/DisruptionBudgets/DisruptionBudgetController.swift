import Foundation
import KubeClient
import KubeModel
import Logging

/// Keeps each PodDisruptionBudget's status: how many of the pods it selects are expected and healthy,
/// how many must stay healthy, how many may be disrupted now (``DisruptionBudgetStatus``).
struct DisruptionBudgetController: Sendable {
    let client: KubeClient
    let caches: WorkloadCaches
    let logger: Logger

    func reconcile(_ key: String) async throws -> Duration? {
        guard let budget = await caches.disruptionBudgets.store.get(key), !budget.isDeleting else { return nil }
        let pods = await caches.pods.store.byNamespace(budget.namespace ?? "")
        let status = DisruptionBudgetStatus.status(of: budget, pods: pods, now: Date())
        guard status != budget.status else { return nil }
        _ = try await client.patch(
            PodDisruptionBudget.resourceType, name: budget.name, namespace: budget.namespace,
            patch: .merge(StatusPatch.replacing(budget.status, with: status)), subresource: "status")
        return nil
    }
}
