import Foundation
import KubeClient
import KubeModel
import Logging
import SteadLifecycle
import Synchronization

/// The workload controllers of kube-controller-manager that `stead up` runs beside Stead's own:
/// ReplicaSets, Deployments, StatefulSets, DaemonSets, Jobs and CronJobs, and the status of
/// PodDisruptionBudgets, on shared informers, each with its own work queue.
public final class WorkloadControllers: StartStopService, Sendable {
    let caches: WorkloadCaches
    let replicaSetLoop: ControllerLoop
    let deploymentLoop: ControllerLoop
    let statefulSetLoop: ControllerLoop
    let daemonSetLoop: ControllerLoop
    let jobLoop: ControllerLoop
    let cronJobLoop: ControllerLoop
    let disruptionBudgetLoop: ControllerLoop
    let replicaSetExpectations = Expectations()
    let statefulSetExpectations = Expectations()
    let daemonSetExpectations = Expectations()
    let jobExpectations = Expectations()
    let events: WorkloadEvents
    private let logger: Logger
    private let starting = Once()
    private let stopping = Once()

    public init(client: KubeClient, logger: Logger = Logger(label: "stead.workloads")) {
        self.logger = logger
        let caches = WorkloadCaches(client: client)
        self.caches = caches
        let events = WorkloadEvents(client: client, logger: logger)
        self.events = events
        let replicaSets = ReplicaSetController(
            client: client, caches: caches, expectations: replicaSetExpectations, events: events, logger: logger)
        replicaSetLoop = ControllerLoop(name: "replicaset", logger: logger) { try await replicaSets.reconcile($0) }
        let deployments = DeploymentController(client: client, caches: caches, events: events, logger: logger)
        deploymentLoop = ControllerLoop(name: "deployment", logger: logger) { try await deployments.reconcile($0) }
        let statefulSets = StatefulSetController(
            client: client, caches: caches, expectations: statefulSetExpectations, events: events, logger: logger)
        statefulSetLoop = ControllerLoop(name: "statefulset", logger: logger) { try await statefulSets.reconcile($0) }
        let daemonSets = DaemonSetController(
            client: client, caches: caches, expectations: daemonSetExpectations, events: events, logger: logger)
        daemonSetLoop = ControllerLoop(name: "daemonset", logger: logger) { try await daemonSets.reconcile($0) }
        let jobs = JobController(client: client, caches: caches, expectations: jobExpectations, events: events, logger: logger)
        jobLoop = ControllerLoop(name: "job", logger: logger) { try await jobs.reconcile($0) }
        let cronJobs = CronJobController(client: client, caches: caches, events: events, logger: logger)
        cronJobLoop = ControllerLoop(name: "cronjob", logger: logger) { try await cronJobs.reconcile($0) }
        let disruptionBudgets = DisruptionBudgetController(client: client, caches: caches, logger: logger)
        disruptionBudgetLoop = ControllerLoop(name: "disruption", logger: logger) { try await disruptionBudgets.reconcile($0) }
        registerHandlers()
    }

    public func start() async throws {
        guard starting.claim() else { return }
        await caches.addIndexes()
        events.start()
        try await caches.group.start()
        for loop in loops { loop.start(workers: 2) }
        logger.info("workload controllers started")
    }

    public func stop() async {
        guard stopping.claim() else { return }
        for loop in loops { await loop.stop() }
        await caches.group.stop()
        await events.stop()
    }

    private var loops: [ControllerLoop] {
        [replicaSetLoop, deploymentLoop, statefulSetLoop, daemonSetLoop, jobLoop, cronJobLoop, disruptionBudgetLoop]
    }

    // MARK: Events

    private func registerHandlers() {
        caches.pods.addEventHandler(
            EventHandler(
                onAdd: { pod in await self.podChanged(pod, added: true) },
                onUpdate: { old, pod in
                    if old.metadata.controllerReference?.uid != pod.metadata.controllerReference?.uid {
                        await self.enqueueOwner(of: old.metadata, namespace: old.namespace)
                    }
                    await self.podChanged(pod, added: false)
                },
                onDelete: { pod in await self.podDeleted(pod) }))
        caches.replicaSets.addEventHandler(ownerAndSelf(replicaSetLoop))
        caches.replicaSets.addEventHandler(
            EventHandler(
                onAdd: { set in await self.enqueueAdopters(ofOrphan: set) },
                onUpdate: { old, set in
                    if old.metadata.controllerReference?.uid != set.metadata.controllerReference?.uid {
                        await self.enqueueOwner(of: old.metadata, namespace: old.namespace)
                    }
                    await self.enqueueAdopters(ofOrphan: set)
                }))
        caches.deployments.addEventHandler(ownerAndSelf(deploymentLoop))
        caches.statefulSets.addEventHandler(ownerAndSelf(statefulSetLoop))
        caches.daemonSets.addEventHandler(ownerAndSelf(daemonSetLoop))
        caches.jobs.addEventHandler(ownerAndSelf(jobLoop))
        caches.cronJobs.addEventHandler(ownerAndSelf(cronJobLoop))
        caches.nodes.addEventHandler(
            EventHandler(
                onAdd: { _ in await self.enqueueAllDaemonSets() }, onUpdate: { old, new in
                    if old.metadata.labels != new.metadata.labels || old.spec?.taints != new.spec?.taints {
                        await self.enqueueAllDaemonSets()
                    }
                }, onDelete: { _ in await self.enqueueAllDaemonSets() }))
        caches.disruptionBudgets.addEventHandler(
            EventHandler(
                onAdd: { budget in await self.disruptionBudgetLoop.enqueue(budget.key) },
                onUpdate: { _, budget in await self.disruptionBudgetLoop.enqueue(budget.key) }))
        caches.revisions.addEventHandler(controlled(ControllerRevision.self))
        caches.claims.addEventHandler(controlled(PersistentVolumeClaim.self))
    }

    /// An object's own key to its loop; a ReplicaSet's change to its Deployment's loop too, a Job's to
    /// its CronJob's.
    private func ownerAndSelf<T: KubeResource>(_ loop: ControllerLoop) -> EventHandler<T> {
        let enqueue: @Sendable (T) async -> Void = { object in
            await loop.enqueue(object.key)
            await self.enqueueOwner(of: object.metadata, namespace: object.namespace)
        }
        return EventHandler(onAdd: enqueue, onUpdate: { _, new in await enqueue(new) }, onDelete: enqueue)
    }

    private func controlled<T: KubeResource>(_: T.Type) -> EventHandler<T> {
        let enqueue: @Sendable (T) async -> Void = { object in
            await self.enqueueOwner(of: object.metadata, namespace: object.namespace)
        }
        return EventHandler(onAdd: enqueue, onUpdate: { _, new in await enqueue(new) }, onDelete: enqueue)
    }

    private func podChanged(_ pod: Pod, added: Bool) async {
        if added, let key = ownerKey(of: pod.metadata, namespace: pod.namespace) {
            expectations(of: pod.metadata)?.created(key)
        }
        await enqueueOwner(of: pod.metadata, namespace: pod.namespace)
        await enqueueAdopters(ofOrphan: pod)
        await enqueueDisruptionBudgets(of: pod)
    }

    /// A pod came, went or changed: the budgets of its namespace count again (its labels may have left
    /// one budget for another).
    private func enqueueDisruptionBudgets(of pod: Pod) async {
        for budget in await caches.disruptionBudgets.store.byNamespace(pod.namespace ?? "") {
            await disruptionBudgetLoop.enqueue(budget.key)
        }
    }

    /// An object no controller owns goes to every controller in its namespace whose selector matches
    /// it: one of them may adopt it.
    private func enqueueAdopters(ofOrphan pod: Pod) async {
        guard pod.metadata.controllerReference == nil, !pod.isTerminating else { return }
        let labels = pod.metadata.labels ?? [:]
        let namespace = pod.namespace ?? ""
        func matching<K>(_ informer: Informer<Workload<K>>) async -> [String] {
            await informer.store.byNamespace(namespace).filter { LabelSelector($0.spec?["selector"])?.matches(labels) ?? false }.map(\.key)
        }
        for key in await matching(caches.replicaSets) { await replicaSetLoop.enqueue(key) }
        for key in await matching(caches.statefulSets) { await statefulSetLoop.enqueue(key) }
        for key in await matching(caches.daemonSets) { await daemonSetLoop.enqueue(key) }
        for key in await matching(caches.jobs) { await jobLoop.enqueue(key) }
    }

    private func enqueueAdopters(ofOrphan set: ReplicaSet) async {
        guard set.metadata.controllerReference == nil, !set.isDeleting else { return }
        let labels = set.metadata.labels ?? [:]
        for deployment in await caches.deployments.store.byNamespace(set.namespace ?? "")
        where LabelSelector(deployment.spec?["selector"])?.matches(labels) ?? false {
            await deploymentLoop.enqueue(deployment.key)
        }
    }

    private func podDeleted(_ pod: Pod) async {
        if let key = ownerKey(of: pod.metadata, namespace: pod.namespace) {
            expectations(of: pod.metadata)?.deleted(key, pod: pod.name)
        }
        await enqueueOwner(of: pod.metadata, namespace: pod.namespace)
        await enqueueDisruptionBudgets(of: pod)
    }

    private func expectations(of metadata: ObjectMeta) -> Expectations? {
        switch metadata.controllerReference?.kind {
        case "ReplicaSet": replicaSetExpectations
        case "StatefulSet": statefulSetExpectations
        case "DaemonSet": daemonSetExpectations
        case "Job": jobExpectations
        default: nil
        }
    }

    /// A node came, went or changed its labels or taints: every DaemonSet looks again.
    private func enqueueAllDaemonSets() async {
        for set in await caches.daemonSets.store.list() { await daemonSetLoop.enqueue(set.key) }
    }

    private func ownerKey(of metadata: ObjectMeta, namespace: String?) -> String? {
        guard let owner = metadata.controllerReference else { return nil }
        return ObjectKey(namespace: namespace, name: owner.name).description
    }

    private func enqueueOwner(of metadata: ObjectMeta, namespace: String?) async {
        guard let owner = metadata.controllerReference, let key = ownerKey(of: metadata, namespace: namespace) else { return }
        switch (owner.apiVersion, owner.kind) {
        case ("apps/v1", "ReplicaSet"): await replicaSetLoop.enqueue(key)
        case ("apps/v1", "Deployment"): await deploymentLoop.enqueue(key)
        case ("apps/v1", "StatefulSet"): await statefulSetLoop.enqueue(key)
        case ("apps/v1", "DaemonSet"): await daemonSetLoop.enqueue(key)
        case ("batch/v1", "Job"): await jobLoop.enqueue(key)
        case ("batch/v1", "CronJob"): await cronJobLoop.enqueue(key)
        default: break
        }
    }
}
