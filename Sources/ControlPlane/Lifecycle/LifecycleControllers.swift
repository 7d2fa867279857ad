import Logging
import Synchronization

/// The control plane's own controllers, each a task that follows the store's events: the garbage
/// collector and namespace deletion. They start from the stored objects, so work left half done
/// when the server stopped is finished after a restart.
final class LifecycleControllers: Sendable {
    private let store: ObjectStore
    private let registry: ResourceRegistry
    private let logger: Logger
    private let tasks = Mutex<[Task<Void, Never>]>([])

    init(store: ObjectStore, registry: ResourceRegistry, logger: Logger) {
        self.store = store
        self.registry = registry
        self.logger = logger
    }

    func start() {
        let collector = store.observe()
        let namespaces = store.observe()
        let (store, registry, logger) = (self.store, self.registry, self.logger)
        let started = [
            Task {
                var controller = GarbageCollector(store: store, registry: registry, logger: logger)
                controller.seed(collector.objects)
                for await event in collector.events { controller.observe(event) }
            },
            Task {
                var controller = NamespaceController(store: store, registry: registry, logger: logger)
                controller.seed(namespaces.objects)
                for await event in namespaces.events { controller.observe(event) }
            },
        ]
        tasks.withLock { $0.append(contentsOf: started) }
    }

    /// Ends the loops; the store's close also ends their event streams.
    func stop() async {
        let running = tasks.withLock { tasks in
            defer { tasks = [] }
            return tasks
        }
        for task in running { task.cancel() }
        for task in running { await task.value }
    }
}
