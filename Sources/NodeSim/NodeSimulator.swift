import Foundation
import KubeClient
import KubeModel
import Logging
import Metrics
import ServiceLifecycle
import SteadLifecycle
import Synchronization

/// Simulated kubelets for many nodes against any Kubernetes API server, like KWOK.
///
/// ``start()`` registers every node (create, or take over an existing one) with its heartbeat Lease,
/// starts one pod informer, a few pod workers, a few heartbeat workers and one timer loop, and returns
/// once every node is registered and the informer has synced. ``stop()`` stops them; the Node objects
/// stay. As a `Service` it runs until graceful shutdown.
public final class NodeSimulator: StartStopService, Sendable {
    public let configuration: NodeSimConfiguration
    let client: KubeClient
    let ownsClient: Bool
    let logger: Logger
    let state: SimulatorState
    let timers: TimerLoop
    let metrics: NodeSimMetrics
    let podQueue: WorkQueue<String>
    let nodeQueue: WorkQueue<TimedWork>
    let agent: NodeAgent
    private let lifecycle = Mutex(Lifecycle())
    private let starting = Once()
    private let stopping = Once()

    private struct Lifecycle {
        var tasks: [Task<Void, Never>] = []
        var informer: Informer<Pod>?
    }

    /// - Parameters:
    ///   - client: the client to use; its rate limit (`qps`) bounds NodeSim's writes — 5000 nodes renewing
    ///     leases every 10 s need about 500 requests/s, so give it `qps` 0 (unlimited) or enough.
    ///   - metrics: where NodeSim counts (``NodeSimMetricNames``); tests and benchmarks pass one they read.
    public convenience init(
        client: KubeClient, configuration: NodeSimConfiguration, logger: Logger = Logger(label: "stead.nodesim"),
        metrics: any MetricsFactory = MetricsSystem.factory
    ) {
        self.init(client: client, ownsClient: false, configuration: configuration, logger: logger, metrics: metrics)
    }

    /// Builds its own client (shut down by ``stop()``).
    public convenience init(
        clientConfiguration: ClientConfiguration, configuration: NodeSimConfiguration,
        logger: Logger = Logger(label: "stead.nodesim"), metrics: any MetricsFactory = MetricsSystem.factory
    ) throws {
        let client = try KubeClient(configuration: clientConfiguration, logger: logger)
        self.init(client: client, ownsClient: true, configuration: configuration, logger: logger, metrics: metrics)
    }

    private init(
        client: KubeClient, ownsClient: Bool, configuration: NodeSimConfiguration, logger: Logger,
        metrics: any MetricsFactory
    ) {
        self.metrics = NodeSimMetrics(factory: metrics)
        self.configuration = configuration
        self.client = client
        self.ownsClient = ownsClient
        self.logger = logger
        let allocatable = NodeManifest.allocatable(configuration)
        self.state = SimulatorState(nodes: (0..<configuration.nodeCount).map {
            NodeRuntime(offset: $0, name: configuration.nodeName($0), addressing: configuration.addressing($0),
                        allocatable: allocatable)
        })
        let tick = min(Duration.milliseconds(5), max(.milliseconds(1), configuration.startLatency / 4))
        self.timers = TimerLoop(tick: tick)
        let retries = RateLimitPolicy(baseDelay: .milliseconds(20), maxDelay: .seconds(30), overallQPS: 0)
        self.podQueue = WorkQueue(policy: retries)
        self.nodeQueue = WorkQueue(policy: retries)
        self.agent = NodeAgent(client: client, config: configuration, state: state, metrics: self.metrics, logger: logger)
    }

    // MARK: Lifecycle

    /// Registers the nodes and starts simulating; returns when every node is registered and the pod
    /// informer has synced. Throws when a node cannot be registered.
    public func start() async throws {
        guard starting.claim() else { return }
        let began = ContinuousClock.now
        try await registerAll()
        logger.info(
            "nodes registered",
            metadata: ["nodes": "\(configuration.nodeCount)", "seconds": "\((ContinuousClock.now - began).inSeconds)"])

        let informer = Informer<Pod>(
            client: client, fieldSelector: try await podFieldSelector(), logger: logger)
        await informer.addIndex(PodIndex.nodeName) { [$0.spec?.nodeName ?? ""] }
        informer.addEventHandler(podEventHandler())
        let syncer = PodSyncer(
            client: client, config: configuration, state: state, pods: informer.store, timers: timers,
            metrics: metrics, logger: logger)

        var tasks: [Task<Void, Never>] = []
        tasks.append(Task { await informer.run() })
        tasks.append(Task { [timers, podQueue, nodeQueue] in
            await timers.run { work in
                switch work {
                case .pod(let key): await podQueue.add(key)
                case .lease, .nodeStatus: await nodeQueue.add(work)
                }
            }
        })
        for _ in 0..<max(1, configuration.podWorkers) {
            tasks.append(Task { [podQueue, logger] in
                await Self.work(podQueue, logger: logger) { key in try await syncer.sync(key) }
            })
        }
        for _ in 0..<max(1, configuration.heartbeatWorkers) {
            tasks.append(Task { [nodeQueue, logger] in
                await Self.work(nodeQueue, logger: logger) { work in await self.heartbeat(work) }
            })
        }
        lifecycle.withLock {
            $0.tasks = tasks
            $0.informer = informer
        }
        scheduleHeartbeats()
        try await informer.waitForSync()
        logger.info("node simulator running", metadata: ["nodes": "\(configuration.nodeCount)"])
    }

    /// Stops every task; nodes and pods stay as they are in the API.
    public func stop() async {
        guard stopping.claim() else { return }
        let tasks = lifecycle.withLock { $0.tasks }
        await podQueue.shutDown()
        await nodeQueue.shutDown()
        for task in tasks { task.cancel() }
        for task in tasks { await task.value }
        if ownsClient { try? await client.shutdown() }
        logger.info("node simulator stopped")
    }

    // MARK: Introspection

    /// The names of the simulated nodes, in order.
    public var nodeNames: [String] { state.nodeNames }

    /// The addresses of a simulated node (its pod range), nil for a node that is not ours.
    public func addressing(ofNode name: String) -> NodeAddressing? {
        state.offset(of: name).map { configuration.addressing($0) }
    }

    /// What the node's admitted pods request, and how many pod IPs are in use.
    public func usage(ofNode name: String) -> (requested: ResourceAmount, podIPsInUse: Int)? {
        state.usage(of: name).map { ($0.used, $0.ips) }
    }


    // MARK: Internals

    private func registerAll() async throws {
        let count = configuration.nodeCount
        let width = max(1, min(configuration.registrationConcurrency, count))
        try await withThrowingTaskGroup(of: Void.self) { group in
            var next = 0
            func addNext() {
                guard next < count else { return }
                let offset = next
                next += 1
                group.addTask { try await self.registerWithRetry(offset) }
            }
            for _ in 0..<width { addNext() }
            while try await group.next() != nil { addNext() }
        }
    }

    private func registerWithRetry(_ offset: Int) async throws {
        var delay = Duration.milliseconds(100)
        for attempt in 1... {
            do {
                try await agent.register(offset)
                return
            } catch let error as KubeAPIError where !error.isServerError && !error.isTooManyRequests && !error.isConflict {
                throw error
            } catch {
                if attempt >= 5 || error is CancellationError { throw error }
                logger.warning("node registration failed, retrying",
                               metadata: ["node": "\(configuration.nodeName(offset))", "error": "\(error)"])
                try await Task.sleep(for: delay)
                delay *= 2
            }
        }
    }

    /// `spec.nodeName!=` when the server accepts it (only bound pods), else nil (all pods, filtered here).
    private func podFieldSelector() async throws -> String? {
        guard configuration.useNodeNameFieldSelector else { return nil }
        let selector = "spec.nodeName!="
        do {
            _ = try await client.list(Pod.self, options: ListOptions(fieldSelector: selector, limit: 1))
            return selector
        } catch let error as KubeAPIError where error.isBadRequest || error.isInvalid {
            logger.info("server refuses fieldSelector spec.nodeName!=, watching all pods", metadata: ["error": "\(error)"])
            return nil
        }
    }

    /// Enqueues pods bound to our nodes, and any pod we hold state for.
    private func podEventHandler() -> EventHandler<Pod> {
        let state = self.state
        let queue = self.podQueue
        return EventHandler(
            onAdd: { pod in
                if state.isOurs(node: pod.spec?.nodeName) || state.hasPod(pod.key) { await queue.add(pod.key) }
            },
            onUpdate: { _, pod in
                if state.isOurs(node: pod.spec?.nodeName) || state.hasPod(pod.key) { await queue.add(pod.key) }
            },
            onDelete: { pod in
                if state.hasPod(pod.key) { await queue.add(pod.key) }
            })
    }

    /// Spreads the first lease renewal and status refresh of the nodes evenly over their intervals.
    private func scheduleHeartbeats() {
        let count = max(configuration.nodeCount, 1)
        let renewal = configuration.effectiveLeaseRenewInterval
        if renewal > configuration.leaseRenewInterval {
            logger.notice(
                "lease renewal interval stretched to stay within the heartbeat budget",
                metadata: ["interval": "\(renewal)", "budget": "\(configuration.heartbeatBudget)/s"])
        }
        let now = Date()
        for offset in 0..<configuration.nodeCount {
            let fraction = Double(offset + 1) / Double(count)
            timers.schedule(.lease(offset), at: now.adding(renewal * fraction))
            timers.schedule(.nodeStatus(offset), at: now.adding(configuration.nodeStatusInterval * fraction))
        }
    }

    private func heartbeat(_ work: TimedWork) async {
        switch work {
        case .lease(let offset):
            await agent.renewLease(offset)
            let jitter = 1 + configuration.leaseRenewJitter * Double.random(in: 0..<1)
            timers.schedule(work, after: configuration.effectiveLeaseRenewInterval * jitter)
        case .nodeStatus(let offset):
            await agent.refreshStatus(offset)
            timers.schedule(work, after: configuration.nodeStatusInterval)
        case .pod:
            break
        }
    }

    /// Queues every cached pod bound to `node` (after a recovery the node's kubelet looks at them again).
    func resyncPods(onNode node: String) async {
        guard let informer = lifecycle.withLock({ $0.informer }) else { return }
        for key in await informer.store.indexKeys(PodIndex.nodeName, node) { await podQueue.add(key) }
    }

    /// A worker: takes keys until the queue shuts down; failures are retried with back-off.
    private static func work<Key: Hashable & Sendable>(
        _ queue: WorkQueue<Key>, logger: Logger, _ body: @Sendable (Key) async throws -> Void
    ) async {
        while let key = await queue.get() {
            do {
                try await body(key)
                await queue.forget(key)
            } catch where error is CancellationError || Task.isCancelled {
                await queue.done(key)
                return
            } catch {
                logger.warning("sync failed, retrying", metadata: ["key": "\(key)", "error": "\(error)"])
                await queue.addRateLimited(key)
            }
            await queue.done(key)
        }
    }
}

/// Index names NodeSim registers on its pod informer.
public enum PodIndex {
    /// Pods by `spec.nodeName`.
    public static let nodeName = "nodeName"
}
