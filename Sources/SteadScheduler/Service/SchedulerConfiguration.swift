import KubeModel
import SteadAPI

/// How a ``SchedulerService`` runs.
public struct SchedulerConfiguration: Sendable {
    /// Pods whose `spec.schedulerName` is this are Stead's.
    public var schedulerName: String
    /// Pods naming one of these are placed too, as kube-scheduler places new pods: filter and score, no
    /// sticky path and no reservation. `stead up` names `default-scheduler`, having no kube-scheduler.
    public var plainSchedulerNames: Set<String> = []
    /// kube-scheduler's percentageOfNodesToScore; nil for its adaptive default.
    public var percentageOfNodesToScore: Int?
    /// How long capacity stays reserved on a node for an identity whose pod is being replaced.
    public var reservationTimeout: Duration
    /// Watch pods, claims and placement records of this namespace only; nil for all namespaces.
    public var namespace: String?
    /// Bindings in flight at once while the next cycles run.
    public var bindConcurrency: Int
    /// Unschedulable pods are tried again at least this often (and whenever the cluster changes).
    public var unschedulableRetryInterval: Duration
    /// The wait after a failed bind, doubled by each further failure up to `podMaxBackoff` (as
    /// kube-scheduler's podInitialBackoffSeconds and podMaxBackoffSeconds).
    public var podInitialBackoff: Duration
    public var podMaxBackoff: Duration
    /// The longest the housekeeping waits between two looks: expired reservations are released, and
    /// pods whose backoff or wait is over tried again, at most this late.
    public var housekeepingInterval: Duration
    /// Persist each identity's last node in `stead-placement-<owner>-<shard>` ConfigMaps (the sticky path
    /// survives a scheduler restart only with it).
    public var persistPlacements: Bool
    /// Records of one owner decided within this interval go out in one merge patch. Each patch makes
    /// the server rewrite, and every watcher receive, the owner's whole ConfigMap, so at thousands of
    /// binds per second fewer, larger patches win; the record in memory is current at once, and
    /// `stop()` writes what is pending.
    public var placementWriteInterval: Duration
    /// The filter and score plugins: kube-scheduler's default set.
    var profile: SchedulerProfile = .default

    public init(
        schedulerName: String = SteadKeys.schedulerName, percentageOfNodesToScore: Int? = nil,
        reservationTimeout: Duration = .seconds(60), namespace: String? = nil, bindConcurrency: Int = 64,
        unschedulableRetryInterval: Duration = .seconds(30), podInitialBackoff: Duration = .seconds(1),
        podMaxBackoff: Duration = .seconds(10), housekeepingInterval: Duration = .seconds(1),
        persistPlacements: Bool = true, placementWriteInterval: Duration = .seconds(1)
    ) {
        self.schedulerName = schedulerName
        self.percentageOfNodesToScore = percentageOfNodesToScore
        self.reservationTimeout = reservationTimeout
        self.namespace = namespace
        self.bindConcurrency = max(1, bindConcurrency)
        self.unschedulableRetryInterval = unschedulableRetryInterval
        self.podInitialBackoff = podInitialBackoff
        self.podMaxBackoff = podMaxBackoff
        self.housekeepingInterval = housekeepingInterval
        self.persistPlacements = persistPlacements
        self.placementWriteInterval = placementWriteInterval
    }
}

extension SchedulerConfiguration {
    /// Whether this scheduler is to place `pod` now.
    func places(_ pod: Pod) -> Bool {
        pod.awaitsScheduling(by: schedulerName)
            || (plainSchedulerNames.contains(pod.requestedScheduler) && pod.awaitsScheduling(by: pod.requestedScheduler))
    }

    var queuePolicy: SchedulingQueue<ContinuousClock.Instant>.Policy {
        .init(initialBackoff: podInitialBackoff, maxBackoff: podMaxBackoff, unschedulableTimeout: unschedulableRetryInterval)
    }
}
