import ServiceLifecycle
import Synchronization

/// A long-running part (API server, NodeSim, scheduler, controller, metrics server, Stead's components):
/// tests and benchmarks call ``start()`` and ``stop()`` themselves; as a swift-service-lifecycle `Service`,
/// ``run()`` starts it, waits for graceful shutdown and stops it. One instance runs once.
public protocol StartStopService: Service {
    /// Returns once the part does its work (listening, informers synced); a second call does nothing.
    func start() async throws
    /// Lets work in flight finish and releases what the part holds; safe after a failed or no start,
    /// and a second call does nothing.
    func stop() async
}

extension StartStopService {
    /// A shutdown that comes while ``start()`` still waits (for a server that cannot be reached, a sync
    /// that never comes) cancels the start; whatever was started is stopped again, a failed start too.
    public func run() async throws {
        do {
            try await cancelWhenGracefulShutdown { try await self.start() }
        } catch {
            await stop()
            if error is CancellationError { return }
            throw error
        }
        try? await gracefulShutdown()
        await stop()
    }
}

/// Lets one caller through, once: the guard that makes a ``StartStopService``'s `start()` or `stop()`
/// idempotent.
public final class Once: Sendable {
    private let passed = Atomic<Bool>(false)

    public init() {}

    /// True for the first caller only.
    public func claim() -> Bool {
        !passed.exchange(true, ordering: .acquiringAndReleasing)
    }
}
