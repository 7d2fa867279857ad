import Foundation
import KubeClient
import KubeModel
import Logging
import Metrics
import ServiceLifecycle
import SteadAPI
import SteadLifecycle
import Synchronization

/// The StatefulPodSet controller: informers on sets, their pods, claims and revisions (and nodes, for
/// node loss and nodeSelector checks) feed a work queue of set keys; workers reconcile one set at a
/// time with ``SetReconciler``.
///
/// A ``StartStopService``. The CRD must be installed (``StatefulPodSetCRD/install(using:)``) before
/// ``start()``, which waits for the first list.
public final class StatefulPodSetController: StartStopService, Sendable {
    public let configuration: ControllerConfiguration
    let logger: Logger
    let queue: WorkQueue<String>
    let state: ControllerState
    let metrics: ControllerMetrics
    let reconciler: SetReconciler

    let sets: Informer<StatefulPodSet>
    let pods: Informer<Pod>
    let claims: Informer<PersistentVolumeClaim>
    let revisions: Informer<ControllerRevision>
    let nodes: Informer<Node>
    let informers: InformerGroup
    private let recorder: EventRecorder

    private let workers = Mutex<Task<Void, Never>?>(nil)
    private let starting = Once()
    private let stopping = Once()

    /// - Parameter metrics: where the controller counts (``ControllerMetrics``); tests pass a factory they
    ///   read back.
    public init(
        client: KubeClient, configuration: ControllerConfiguration = .init(),
        logger: Logger = Logger(label: "stead.controller"), metrics: any MetricsFactory = MetricsSystem.factory
    ) {
        self.configuration = configuration
        self.logger = logger
        self.metrics = ControllerMetrics(factory: metrics)
        self.queue = WorkQueue<String>(
            policy: RateLimitPolicy(baseDelay: .milliseconds(20), maxDelay: .seconds(30), overallQPS: 0))
        let state = ControllerState(expectationTimeout: configuration.expectationTimeout)
        self.state = state
        let namespace = configuration.namespace
        let owned = SteadKeys.set
        sets = Informer(client: client, namespace: namespace, resyncPeriod: configuration.resyncPeriod, logger: logger)
        pods = Informer(client: client, namespace: namespace, labelSelector: owned, logger: logger)
        claims = Informer(client: client, namespace: namespace, labelSelector: owned, logger: logger)
        revisions = Informer(client: client, namespace: namespace, labelSelector: owned, logger: logger)
        nodes = Informer(client: client, logger: logger)
        informers = InformerGroup([nodes, pods, claims, revisions, sets])

        let writer = ObjectWriter(client: client, state: state)
        let inPlace = InPlaceUpdater(writer: writer, state: state, logger: logger)
        recorder = EventRecorder(client: client.withOwnRateLimit(), component: SetEvents.component, logger: logger)
        let events = SetEvents(recorder: recorder)
        let caches = ControllerCaches(
            sets: sets.store, pods: pods.store, claims: claims.store, revisions: revisions.store, nodes: nodes.store)
        reconciler = SetReconciler(
            configuration: configuration, caches: caches, state: state, writer: writer,
            revisions: RevisionSync(client: client),
            scale: ScaleExecutor(writer: writer, events: events, metrics: self.metrics, logger: logger),
            updates: UpdateExecutor(writer: writer, inPlace: inPlace, events: events, metrics: self.metrics, logger: logger),
            inPlace: inPlace, status: StatusWriter(client: client, state: state),
            events: events, logger: logger)
        registerHandlers()
    }

    // MARK: Lifecycle

    /// Starts the informers, waits until each has listed once, then starts the workers.
    public func start() async throws {
        guard starting.claim() else { return }
        recorder.start()
        try await informers.start()
        let workers = Task {
            await withDiscardingTaskGroup { group in
                for _ in 0..<configuration.workers { group.addTask { await self.workerLoop() } }
            }
        }
        self.workers.withLock { $0 = workers }
        logger.info(
            "controller started",
            metadata: ["namespace": "\(configuration.namespace ?? "(all)")", "workers": "\(configuration.workers)"])
    }

    /// Lets the reconciles in flight finish, then stops the informers.
    public func stop() async {
        guard stopping.claim() else { return }
        await queue.shutDown()
        await workers.withLock { $0 }?.value
        await informers.stop()
        await recorder.stop()
        logger.info("controller stopped")
    }

    // MARK: Work

    private func workerLoop() async {
        while let key = await queue.get() {
            await process(key)
            await queue.done(key)
        }
    }

    private func process(_ key: String) async {
        let started = ContinuousClock.now
        do {
            let after = try await reconciler.reconcile(key)
            metrics.recordReconcile(ContinuousClock.now - started, succeeded: true)
            await queue.forget(key)
            if let after { await queue.addAfter(key, delay: after) }
        } catch {
            metrics.recordReconcile(ContinuousClock.now - started, succeeded: false)
            let conflict = (error as? KubeAPIError)?.isConflict ?? false
            if conflict { metrics.recordConflict() }
            logger.log(
                level: conflict ? .debug : .warning, "reconcile failed, retrying",
                metadata: ["set": "\(key)", "error": "\(error)"])
            await queue.addRateLimited(key)
        }
    }
}
