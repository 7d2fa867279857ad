import Metrics

/// NodeSim's metric names (`nodesim_*`), emitted through the factory the simulator is given.
public enum NodeSimMetricNames {
    /// Counter: lease renewals written.
    public static let heartbeats = "nodesim_heartbeats_total"
    /// Counter: node status writes after registration (Ready heartbeats).
    public static let nodeStatusWrites = "nodesim_node_status_writes_total"
    /// Counter: pod status writes.
    public static let podStatusWrites = "nodesim_pod_status_writes_total"
    /// Counter: pod status writes that met 409 Conflict and were retried.
    public static let podStatusConflicts = "nodesim_pod_status_conflicts_total"
    /// Gauge: pods admitted and holding resources on a node (starting or running).
    public static let podsRunning = "nodesim_pods_running"
    /// Timer (seconds): the time between two lease writes of one node (gaps a fault caused left out).
    public static let leaseRenewalGap = "nodesim_lease_renewal_gap_seconds"
    /// Counter: lease writes that came later than the lease duration after the previous one (the lease
    /// had expired meanwhile).
    public static let lateLeaseRenewals = "nodesim_late_lease_renewals_total"
}

/// What a simulator has done, as its metrics count it: what tests and the NodeSim benchmark read back.
public struct NodeSimCounts: Sendable, Hashable {
    public var heartbeatsWritten: Int
    public var nodeStatusWrites: Int
    public var podStatusWrites: Int
    public var podStatusConflicts: Int
    public var podsRunning: Int
    public var lateLeaseRenewals: Int

    /// - Parameter read: a metric's value by label: a counter's total, a gauge's last value; 0 for a
    ///   series that does not exist.
    public init(read: (String) -> Int) {
        typealias Names = NodeSimMetricNames
        heartbeatsWritten = read(Names.heartbeats)
        nodeStatusWrites = read(Names.nodeStatusWrites)
        podStatusWrites = read(Names.podStatusWrites)
        podStatusConflicts = read(Names.podStatusConflicts)
        podsRunning = read(Names.podsRunning)
        lateLeaseRenewals = read(Names.lateLeaseRenewals)
    }
}

/// The simulator's counters, made once through its factory; the only counts NodeSim keeps.
struct NodeSimMetrics: Sendable {
    private let heartbeats: Counter
    private let nodeStatus: Counter
    private let podStatus: Counter
    private let conflicts: Counter
    private let running: Gauge
    private let renewalGap: Timer
    private let lateRenewals: Counter

    init(factory: any MetricsFactory) {
        typealias Names = NodeSimMetricNames
        heartbeats = Counter(label: Names.heartbeats, factory: factory)
        nodeStatus = Counter(label: Names.nodeStatusWrites, factory: factory)
        podStatus = Counter(label: Names.podStatusWrites, factory: factory)
        conflicts = Counter(label: Names.podStatusConflicts, factory: factory)
        running = Gauge(label: Names.podsRunning, factory: factory)
        renewalGap = Timer(label: Names.leaseRenewalGap, factory: factory)
        lateRenewals = Counter(label: Names.lateLeaseRenewals, factory: factory)
    }

    /// A lease write, `gap` seconds after the node's previous one (nil: the first, or after a fault).
    func heartbeatWritten(gap: Double?, leaseDuration: Double) {
        heartbeats.increment()
        guard let gap else { return }
        if gap > leaseDuration { lateRenewals.increment() }
        renewalGap.recordNanoseconds(Int64(gap * 1_000_000_000))
    }

    func nodeStatusWritten() { nodeStatus.increment() }
    func podStatusWritten() { podStatus.increment() }
    func podStatusConflict() { conflicts.increment() }
    func setPodsRunning(_ count: Int) { running.record(count) }
}
