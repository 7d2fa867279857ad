import KubeClient
import KubeModel

/// The informers the workload controllers share: one list and watch of each kind for all of them.
final class WorkloadCaches: Sendable {
    let pods: Informer<Pod>
    let replicaSets: Informer<ReplicaSet>
    let deployments: Informer<Deployment>
    let statefulSets: Informer<StatefulSet>
    let daemonSets: Informer<DaemonSet>
    let jobs: Informer<Job>
    let cronJobs: Informer<CronJob>
    let nodes: Informer<Node>
    let revisions: Informer<ControllerRevision>
    let claims: Informer<PersistentVolumeClaim>
    let disruptionBudgets: Informer<PodDisruptionBudget>
    let group: InformerGroup

    init(client: KubeClient) {
        pods = Informer(client: client)
        replicaSets = Informer(client: client)
        deployments = Informer(client: client)
        statefulSets = Informer(client: client)
        daemonSets = Informer(client: client)
        jobs = Informer(client: client)
        cronJobs = Informer(client: client)
        nodes = Informer(client: client)
        revisions = Informer(client: client)
        claims = Informer(client: client)
        disruptionBudgets = Informer(client: client)
        group = InformerGroup([
            nodes, pods, claims, revisions, replicaSets, statefulSets, daemonSets, deployments, jobs, cronJobs,
            disruptionBudgets,
        ])
    }

    func pods(controlledBy uid: String, namespace: String?) async -> [Pod] {
        await controlled(pods, by: uid, namespace: namespace)
    }

    func replicaSets(controlledBy uid: String, namespace: String?) async -> [ReplicaSet] {
        await controlled(replicaSets, by: uid, namespace: namespace)
    }

    func jobs(controlledBy uid: String, namespace: String?) async -> [Job] {
        await controlled(jobs, by: uid, namespace: namespace)
    }

    func revisions(controlledBy uid: String, namespace: String?) async -> [ControllerRevision] {
        await controlled(revisions, by: uid, namespace: namespace)
    }

    /// Registers the indexes the controllers read (before the informers start).
    func addIndexes() async {
        await pods.addIndex(ControllerRefs.orphanIndex, ControllerRefs.orphanIndexValues)
        await replicaSets.addIndex(ControllerRefs.orphanIndex, ControllerRefs.orphanIndexValues)
    }

    /// The pods in `namespace` that no controller owns.
    func orphanPods(in namespace: String?) async -> [Pod] {
        await pods.store.byIndex(ControllerRefs.orphanIndex, namespace ?? "")
    }

    func orphanReplicaSets(in namespace: String?) async -> [ReplicaSet] {
        await replicaSets.store.byIndex(ControllerRefs.orphanIndex, namespace ?? "")
    }

    /// The objects `uid` controls in `namespace`, through the store's owner index (no scan of the cache).
    private func controlled<T: KubeResource>(_ informer: Informer<T>, by uid: String, namespace: String?) async -> [T] {
        await informer.store.byOwner(uid: uid).filter {
            $0.namespace == namespace && $0.metadata.controllerReference?.uid == uid
        }
    }
}
