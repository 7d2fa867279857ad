import KubeModel
import Synchronization

/// An informer for a resource the server may not serve: a kind from a CRD that is not installed, or
/// one Stead may not read. It asks once (a list of one object); on 404 or 403 it counts as synced and
/// stays empty, so that the components waiting for it still start. Any other failure is retried.
public final class OptionalInformer<T: KubeResource>: RunnableInformer {
    public let informer: Informer<T>
    private let decided = SyncSignal()
    private let served = Mutex(false)

    public init(_ informer: Informer<T>) { self.informer = informer }

    /// Whether the server serves the resource; false until ``waitForSync()`` has returned.
    public var isServed: Bool { served.withLock { $0 } }

    public func run() async {
        var backoff = Backoff()
        while !Task.isCancelled {
            do {
                _ = try await informer.client.list(
                    T.self, namespace: informer.namespace,
                    options: ListOptions(labelSelector: informer.labelSelector, fieldSelector: informer.fieldSelector, limit: 1))
                served.withLock { $0 = true }
                break
            } catch let error as KubeAPIError where error.isNotFound || error.isForbidden {
                informer.logger.info(
                    "resource not available, not watched", metadata: ["code": "\(error.code)", "error": "\(error)"])
                await decided.set()
                return
            } catch {
                if Task.isCancelled { return }
                try? await Task.sleep(for: backoff.next())
            }
        }
        await decided.set()
        await informer.run()
    }

    public func waitForSync() async throws {
        try await decided.wait()
        if isServed { try await informer.waitForSync() }
    }
}
