import KubeClient
import KubeModel

/// Watches one set's pods and keeps the largest number of its replicas that were unavailable (missing,
/// terminating or not Ready) at any one moment.
final class UnavailabilityWatcher: Sendable {
    private let informer: Informer<Pod>
    private let replicas: Int
    private let peakUnavailable = Shared(0)

    init(client: KubeClient, namespace: String, set: String, replicas: Int) {
        informer = Informer(client: client, namespace: namespace, labelSelector: "app=\(set)")
        self.replicas = replicas
        let recount: @Sendable (Pod) async -> Void = { [weak self] _ in await self?.recount() }
        informer.addEventHandler(
            EventHandler(onAdd: recount, onUpdate: { _, new in await recount(new) }, onDelete: recount))
    }

    var peak: Int { peakUnavailable.value }

    func run() async throws { await informer.run() }

    func waitUntilSynced() async throws {
        try await informer.waitForSync()
        peakUnavailable.withLock { $0 = 0 }
        await recount()
    }

    private func recount() async {
        let available = await informer.store.list().filter { $0.isReady && !$0.isTerminating }.count
        let unavailable = max(0, replicas - available)
        peakUnavailable.withLock { $0 = max($0, unavailable) }
    }
}
