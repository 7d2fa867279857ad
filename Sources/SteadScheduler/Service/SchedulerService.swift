import Foundation
import KubeClient
import KubeModel
import Logging
import Metrics
import ServiceLifecycle
import SteadLifecycle
import Synchronization

/// Stead's scheduler as a running component: informers keep a ``ClusterSnapshot`` current, a loop
/// places the pods that name ``SchedulerConfiguration/schedulerName`` (back on their previous node when
/// they replace an earlier incarnation), binds run concurrently, records persist each identity's node.
///
/// A ``StartStopService``; one instance runs once: to restart, make a new one (it reloads the placement
/// records from the API server).
public final class SchedulerService: StartStopService, Sendable {
    public let configuration: SchedulerConfiguration
    let logger: Logger
    let core: SchedulingCore
    let binder: PodBinder
    let reporter: SchedulingReporter
    let placements: PlacementWriter
    let metrics: SchedulerMetrics

    let nodes: Informer<Node>
    let pods: Informer<Pod>
    let volumes: Informer<PersistentVolume>
    let claims: Informer<PersistentVolumeClaim>
    let placementRecords: Informer<ConfigMap>
    let namespaces: OptionalInformer<Namespace>
    let statefulSets: OptionalInformer<StatefulSetOwner>
    let statefulPodSets: OptionalInformer<StatefulPodSetOwner>
    let storageClasses: OptionalInformer<StorageClass>
    let informers: InformerGroup

    private let tasks = Mutex<RunningTasks>(RunningTasks())
    private let starting = Once()
    private let stopping = Once()

    private struct RunningTasks {
        var scheduling: Task<Void, Never>?
        var housekeeping: Task<Void, Never>?
    }

    /// - Parameter metrics: where the scheduler's counters go (``SchedulerMetricNames``); tests and
    ///   benchmarks pass a factory they read back.
    public init(
        client: KubeClient, configuration: SchedulerConfiguration = SchedulerConfiguration(),
        logger: Logger = Logger(label: "stead.scheduler"), metrics: any MetricsFactory = MetricsSystem.factory
    ) {
        self.configuration = configuration
        self.logger = logger
        let metrics = SchedulerMetrics(factory: metrics)
        self.metrics = metrics
        self.core = SchedulingCore(configuration: configuration, metrics: metrics, logger: logger)
        self.binder = PodBinder(client: client)
        self.reporter = SchedulingReporter(client: client, logger: logger)
        let namespace = configuration.namespace
        nodes = Informer(client: client, logger: logger)
        pods = Informer(client: client, namespace: namespace, logger: logger)
        volumes = Informer(client: client, logger: logger)
        claims = Informer(client: client, namespace: namespace, logger: logger)
        let placementRecords = Informer<ConfigMap>(
            client: client, namespace: namespace, labelSelector: PlacementConfigMap.labelSelector, logger: logger)
        self.placementRecords = placementRecords
        self.placements = PlacementWriter(
            client: client, interval: configuration.placementWriteInterval, logger: logger,
            exists: { target in
                await placementRecords.store.get(ObjectKey(namespace: target.namespace, name: target.name)) != nil
            })
        namespaces = OptionalInformer(
            Informer(client: client, fieldSelector: namespace.map { "metadata.name=\($0)" }, logger: logger))
        statefulSets = OptionalInformer(Informer(client: client, namespace: namespace, logger: logger))
        statefulPodSets = OptionalInformer(Informer(client: client, namespace: namespace, logger: logger))
        storageClasses = OptionalInformer(Informer(client: client, logger: logger))
        informers = InformerGroup(
            [nodes, pods, volumes, claims, placementRecords, namespaces, statefulSets, statefulPodSets, storageClasses])
        registerHandlers()
    }

    /// Owners and namespaces say whether a pod going away will be replaced (see `expectsReplacement`).
    private func registerOwnerHandlers() {
        let core = self.core
        namespaces.informer.addEventHandler(
            EventHandler(
                onAdd: { await core.namespaceChanged($0) },
                onUpdate: { await core.namespaceChanged($1) },
                onDelete: { await core.namespaceDeleted($0) }))
        Self.feed(statefulSets.informer, to: core)
        Self.feed(statefulPodSets.informer, to: core)
    }

    private static func feed<Owner: StableOwnerObject>(_ informer: Informer<Owner>, to core: SchedulingCore) {
        informer.addEventHandler(
            EventHandler(
                onAdd: { await core.ownerChanged($0.key, $0.stableOwner) },
                onUpdate: { await core.ownerChanged($1.key, $1.stableOwner) },
                onDelete: { await core.ownerChanged($0.key, nil) }))
    }

    /// The owner kinds the cluster serves, known once the informers have synced.
    private var servedOwnerKinds: Set<StableOwnerKind> {
        var kinds: Set<StableOwnerKind> = []
        if statefulSets.isServed { kinds.insert(.statefulSet) }
        if statefulPodSets.isServed { kinds.insert(.statefulPodSet) }
        return kinds
    }

    private func registerHandlers() {
        let core = self.core
        nodes.addEventHandler(
            EventHandler(
                onAdd: { await core.nodeChanged(old: nil, new: $0) },
                onUpdate: { await core.nodeChanged(old: $0, new: $1) },
                onDelete: { await core.nodeDeleted($0) }))
        pods.addEventHandler(
            EventHandler(
                onAdd: { await core.podChanged(old: nil, new: $0) },
                onUpdate: { await core.podChanged(old: $0, new: $1) },
                onDelete: { await core.podDeleted($0) }))
        volumes.addEventHandler(
            EventHandler(
                onAdd: { await core.volumeChanged($0) },
                onUpdate: { await core.volumeChanged($1) },
                onDelete: { await core.volumeDeleted($0) }))
        claims.addEventHandler(
            EventHandler(
                onAdd: { await core.claimChanged($0) },
                onUpdate: { await core.claimChanged($1) },
                onDelete: { await core.claimDeleted($0) }))
        storageClasses.informer.addEventHandler(
            EventHandler(
                onAdd: { await core.storageClassChanged($0) },
                onUpdate: { await core.storageClassChanged($1) },
                onDelete: { await core.storageClassDeleted($0) }))
        placementRecords.addEventHandler(
            EventHandler(
                onAdd: { await core.recordsChanged(old: nil, new: $0) },
                onUpdate: { await core.recordsChanged(old: $0, new: $1) },
                onDelete: { await core.recordsDeleted($0) }))
        registerOwnerHandlers()
    }

    // MARK: Lifecycle

    /// Starts the informers, waits until each has listed once (so placement records are known before
    /// any pod is placed), then starts scheduling. Returns once scheduling runs.
    public func start() async throws {
        guard starting.claim() else { return }
        try await informers.start()
        reporter.events.start()
        await core.cachesSynced(ownerKinds: servedOwnerKinds, storageClasses: storageClasses.isServed)
        let scheduling = Task { await self.schedulingLoop() }
        let housekeeping = Task { await self.housekeepingLoop() }
        tasks.withLock {
            $0.scheduling = scheduling
            $0.housekeeping = housekeeping
        }
        let nodeCount = await nodes.store.count
        logger.info(
            "scheduler started", metadata: ["schedulerName": "\(configuration.schedulerName)", "nodes": "\(nodeCount)"])
    }

    /// Stops taking pods, lets the binds in flight finish and the placement records decided so far be
    /// written, then stops the informers.
    public func stop() async {
        guard stopping.claim() else { return }
        let running = tasks.withLock { $0 }
        await core.stopScheduling()
        await running.scheduling?.value
        running.housekeeping?.cancel()
        await running.housekeeping?.value
        await placements.flush()
        await reporter.events.stop()
        await informers.stop()
        logger.info("scheduler stopped")
    }

    // MARK: Observation

    /// The scheduler's current view of the cluster.
    var snapshot: ClusterSnapshot { get async { await core.snapshot } }

    /// The last node known for an identity.
    func placementRecord(for identity: ObjectKey) async -> PlacementRecord? {
        await core.record(for: identity)
    }

    /// Merge patches (and creates) sent to placement ConfigMaps so far.
    var placementWrites: Int { get async { await placements.patchCount } }

    /// HTTP requests sent to write placement records (404s and 409s included).
    var placementRequests: Int { get async { await placements.requestCount } }

    /// Waits until the placement records decided so far are written to their ConfigMaps.
    public func flushPlacementRecords() async { await placements.flush() }
}
