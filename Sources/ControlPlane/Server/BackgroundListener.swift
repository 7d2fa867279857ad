import Logging
import ServiceLifecycle

/// A listening service (a Hummingbird application) run in the background by a component with
/// `start()` / `stop()`: in a service group of its own, awaited until its socket is bound, shut down
/// gracefully.
public struct BackgroundListener: Sendable {
    /// The port actually bound.
    public let port: Int
    private let task: Task<Void, Never>
    private let group: ServiceGroup

    /// Starts the service `make` builds, which calls the callback it is given with the bound port once
    /// it listens. Returns when that happens; nil when the service ended before listening (`failure`
    /// carries its error, if it threw one).
    public static func start(
        logger: Logger, _ make: (_ listening: @escaping @Sendable (Int) -> Void) throws -> any Service
    ) async throws -> BackgroundListener {
        let (events, continuation) = AsyncStream<Result<Int, any Error>>.makeStream()
        let service = try make { port in continuation.yield(.success(port)) }
        let group = ServiceGroup(
            configuration: ServiceGroupConfiguration(services: [service], gracefulShutdownSignals: [], logger: logger))
        let task = Task {
            do {
                try await group.run()
            } catch {
                continuation.yield(.failure(error))
            }
            continuation.finish()
        }
        for await event in events {
            return BackgroundListener(port: try event.get(), task: task, group: group)
        }
        throw NotListening()
    }

    /// The service ended before its socket was bound, without an error of its own.
    public struct NotListening: Error {}

    /// Shuts the service down gracefully; after `deadline`, if given, cancels it.
    public func stop(cancellingAfter deadline: Duration? = nil) async {
        await group.triggerGracefulShutdown()
        let canceller = deadline.map { deadline in
            Task { [task] in
                try? await Task.sleep(for: deadline)
                if !Task.isCancelled { task.cancel() }
            }
        }
        await task.value
        canceller?.cancel()
    }
}
