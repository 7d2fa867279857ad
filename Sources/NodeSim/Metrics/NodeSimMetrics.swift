import Metrics
import Synchronization

/// A snapshot of what a simulator has done since it started.
public struct NodeSimStatistics: Sendable, Hashable {
    /// Lease renewals written.
    public var heartbeatsWritten: Int
    /// Node status writes after registration (Ready heartbeats).
    public var nodeStatusWrites: Int
    /// Pod status writes.
    public var podStatusWrites: Int
    /// Status writes that met 409 Conflict and were retried.
    public var podStatusConflicts: Int
    /// Pods admitted and holding resources on a node (starting or running).
    public var podsRunning: Int
    /// The longest time between two lease writes of one node, in seconds (gaps a fault caused left out).
    public var longestLeaseRenewalGap: Double
    /// Lease writes that came later than the lease duration after the previous one: the lease had expired.
    public var lateLeaseRenewals: Int
}

/// Counters published through swift-metrics (`nodesim_*`) and kept locally for ``NodeSimStatistics``.
final class NodeSimMetrics: Sendable {
    private let heartbeats = Atomic<Int>(0)
    private let nodeStatus = Atomic<Int>(0)
    private let podStatus = Atomic<Int>(0)
    private let conflicts = Atomic<Int>(0)
    private let running = Atomic<Int>(0)
    private let longestGapMicroseconds = Atomic<Int>(0)
    private let lateRenewals = Atomic<Int>(0)

    private let heartbeatCounter = Counter(label: "nodesim_heartbeats_total")
    private let nodeStatusCounter = Counter(label: "nodesim_node_status_writes_total")
    private let podStatusCounter = Counter(label: "nodesim_pod_status_writes_total")
    private let conflictCounter = Counter(label: "nodesim_pod_status_conflicts_total")
    private let runningGauge = Gauge(label: "nodesim_pods_running")

    /// A lease write, `gap` seconds after the node's previous one (nil: the first, or after a fault).
    func heartbeatWritten(gap: Double?, leaseDuration: Double) {
        heartbeats.add(1, ordering: .relaxed)
        heartbeatCounter.increment()
        guard let gap else { return }
        if gap > leaseDuration { lateRenewals.add(1, ordering: .relaxed) }
        longestGapMicroseconds.max(Int(gap * 1_000_000), ordering: .relaxed)
    }

    func nodeStatusWritten() {
        nodeStatus.add(1, ordering: .relaxed)
        nodeStatusCounter.increment()
    }

    func podStatusWritten() {
        podStatus.add(1, ordering: .relaxed)
        podStatusCounter.increment()
    }

    func podStatusConflict() {
        conflicts.add(1, ordering: .relaxed)
        conflictCounter.increment()
    }

    func setPodsRunning(_ count: Int) {
        running.store(count, ordering: .relaxed)
        runningGauge.record(count)
    }

    var snapshot: NodeSimStatistics {
        NodeSimStatistics(
            heartbeatsWritten: heartbeats.load(ordering: .relaxed),
            nodeStatusWrites: nodeStatus.load(ordering: .relaxed),
            podStatusWrites: podStatus.load(ordering: .relaxed),
            podStatusConflicts: conflicts.load(ordering: .relaxed),
            podsRunning: running.load(ordering: .relaxed),
            longestLeaseRenewalGap: Double(longestGapMicroseconds.load(ordering: .relaxed)) / 1_000_000,
            lateLeaseRenewals: lateRenewals.load(ordering: .relaxed))
    }
}
