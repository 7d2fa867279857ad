import Synchronization

/// What an ``InformerGroup`` needs of an informer: run until cancelled, and say when it has listed once.
public protocol RunnableInformer: Sendable {
    func run() async
    func waitForSync() async throws
}

extension Informer: RunnableInformer {}

/// The informers of one controller, started together, synced together and stopped together.
public final class InformerGroup: Sendable {
    private let informers: [any RunnableInformer]
    private let running = Mutex<Task<Void, Never>?>(nil)

    public init(_ informers: [any RunnableInformer]) { self.informers = informers }

    /// Runs every informer (its tasks at the caller's priority) and returns once each has listed once.
    /// If the calling task is cancelled first, stops them and throws `CancellationError`. Calling it
    /// again does nothing.
    public func start() async throws {
        let informers = self.informers
        let started = running.withLock { task -> Bool in
            guard task == nil else { return false }
            task = Task {
                await withDiscardingTaskGroup { group in
                    for informer in informers { group.addTask { await informer.run() } }
                }
            }
            return true
        }
        guard started else { return }
        do {
            for informer in informers { try await informer.waitForSync() }
        } catch {
            await stop()
            throw error
        }
    }

    /// Stops every informer and waits until they have ended.
    public func stop() async {
        let task = running.withLock { $0 }
        task?.cancel()
        await task?.value
    }
}
