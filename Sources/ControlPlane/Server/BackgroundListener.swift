import Logging
import NIOCore
import ServiceLifecycle

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A listening service (a Hummingbird application) run in the background by a component with
/// `start()` / `stop()`: in a service group of its own, awaited until its socket is bound, shut down
/// gracefully.
public struct BackgroundListener: Sendable {
    /// The port actually bound.
    public let port: Int
    private let task: Task<Void, Never>
    private let group: ServiceGroup

    /// Starts the service `make` builds, which calls the callback it is given with the bound port once
    /// it listens. Returns when that happens; throws ``AddressInUse`` naming `address` when another
    /// socket holds it, the service's own error otherwise, ``NotListening`` when it ended without one.
    public static func start(
        address: String, logger: Logger, _ make: (_ listening: @escaping @Sendable (Int) -> Void) throws -> any Service
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
            do {
                return BackgroundListener(port: try event.get(), task: task, group: group)
            } catch let error as IOError where error.errnoCode == EADDRINUSE {
                throw AddressInUse(address: address)
            }
        }
        throw NotListening()
    }

    /// The service ended before its socket was bound, without an error of its own.
    public struct NotListening: Error {}

    /// Another socket is bound to the address.
    public struct AddressInUse: Error, CustomStringConvertible {
        public let address: String
        public var description: String { "cannot listen on \(address): the address is already in use" }
    }

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
