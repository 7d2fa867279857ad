import Foundation

/// What NodeSim tracks for one simulated node: its addresses, the pod IPs and resources in use, and
/// the faults injected into it.
struct NodeRuntime: Sendable {
    let offset: Int
    let name: String
    let addressing: NodeAddressing
    let allocatable: ResourceAmount
    var pool = IPPool()
    /// Requests of the admitted pods, pods counted.
    var used = ResourceAmount.zero
    var registered = false
    /// Lease renewals and status refreshes are skipped.
    var heartbeatsStopped = false
    /// Marked Ready=Unknown and tainted unreachable.
    var lost = false
    /// The Node object was deleted by a fault: its pods are ignored.
    var deleted = false
    /// Added to the start and restart latency of its pods.
    var extraLatency: Duration = .zero
    /// Last transition of the Ready condition.
    var readySince = Date()
    /// Last heartbeat written to node status.
    var lastHeartbeat = Date()
    /// Last lease write; nil after a fault stopped the heartbeats (the gap then is on purpose).
    var lastLeaseRenewal: Date?

    init(offset: Int, name: String, addressing: NodeAddressing, allocatable: ResourceAmount) {
        self.offset = offset
        self.name = name
        self.addressing = addressing
        self.allocatable = allocatable
    }

    /// True when the kubelet of this node is alive (renews its lease, runs its pods).
    var isActive: Bool { registered && !deleted }
}
