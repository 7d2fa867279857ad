import KubeClient
import Logging
import Synchronization

/// The worker side of a controller: keys from a rate-limited work queue, one reconcile at a time per
/// key, failures retried with backoff, a reconcile that asks for it tried again after a delay.
final class ControllerLoop: Sendable {
    let name: String
    let queue = WorkQueue<String>(policy: RateLimitPolicy(baseDelay: .milliseconds(20), maxDelay: .seconds(30), overallQPS: 0))
    private let reconcile: @Sendable (String) async throws -> Duration?
    private let logger: Logger
    private let workers = Mutex<Task<Void, Never>?>(nil)

    init(name: String, logger: Logger, reconcile: @escaping @Sendable (String) async throws -> Duration?) {
        self.name = name
        self.logger = logger
        self.reconcile = reconcile
    }

    func start(workers count: Int) {
        let task = Task {
            await withDiscardingTaskGroup { group in
                for _ in 0..<count { group.addTask { await self.work() } }
            }
        }
        workers.withLock { $0 = task }
    }

    func stop() async {
        await queue.shutDown()
        await workers.withLock { $0 }?.value
    }

    func enqueue(_ key: String) async { await queue.add(key) }

    private func work() async {
        while let key = await queue.get() {
            do {
                let after = try await reconcile(key)
                await queue.forget(key)
                if let after { await queue.addAfter(key, delay: after) }
            } catch {
                let conflict = (error as? KubeAPIError)?.isConflict ?? false
                logger.log(
                    level: conflict ? .debug : .warning, "reconcile failed, retrying",
                    metadata: ["controller": "\(name)", "key": "\(key)", "error": "\(error)"])
                await queue.addRateLimited(key)
            }
            await queue.done(key)
        }
    }
}
