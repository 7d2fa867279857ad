import SteadAPI

/// How a ``StatefulPodSetController`` runs.
public struct ControllerConfiguration: Sendable {
    /// The scheduler named by pods whose template names none.
    public var schedulerName: String
    /// Watch sets, pods, claims and revisions of this namespace only; nil for all namespaces.
    public var namespace: String?
    /// Sets reconciled at once (one set is never reconciled by two workers at the same time).
    public var workers: Int
    /// Every set is reconciled again at least this often, even when nothing changes.
    public var resyncPeriod: Duration
    /// A pod on the update revision not Ready this long after its update stalls the rollout.
    public var stallTimeoutSeconds: Int
    /// How long the controller waits for its informers to show one of its own writes before it trusts
    /// the cache again.
    public var expectationTimeout: Duration

    public init(
        schedulerName: String = SteadKeys.schedulerName, namespace: String? = nil, workers: Int = 4,
        resyncPeriod: Duration = .seconds(30), stallTimeoutSeconds: Int = UpdatePlanner.defaultStallTimeoutSeconds,
        expectationTimeout: Duration = .seconds(30)
    ) {
        self.schedulerName = schedulerName
        self.namespace = namespace
        self.workers = max(1, workers)
        self.resyncPeriod = resyncPeriod
        self.stallTimeoutSeconds = stallTimeoutSeconds
        self.expectationTimeout = expectationTimeout
    }
}
