import KubeModel

/// What a ``NodeSimulator`` simulates: how many nodes, how big, where, and how fast its fake
/// containers start. Defaults follow the kubelet where one exists.
public struct NodeSimConfiguration: Sendable, Hashable {
    /// Number of simulated nodes, named `namePrefix + index` (e.g. `sim-0` ... `sim-4999`).
    public var nodeCount: Int
    /// Zones the nodes are spread over round-robin (`topology.kubernetes.io/zone`): `zone-a`, `zone-b`, ...
    public var zones: Int
    public var cpu: Quantity
    public var memory: Quantity
    public var maxPods: Int
    public var namePrefix: String
    /// Extra labels on every node (they may override the defaults).
    public var labels: [String: String]
    /// Taints on every node.
    public var taints: [Taint]
    /// Time from admitting a pod to its containers running and ready.
    public var startLatency: Duration
    /// Time a container is down when it restarts (image change) and a resize takes to apply.
    public var restartLatency: Duration
    /// Time between two restarts of a container whose image fails (see ``FailingImage``).
    public var crashLoopInterval: Duration
    /// Lease renewal interval per node (kubelet: 10 s). Renewals are spread over the interval; see
    /// ``effectiveLeaseRenewInterval`` for what many nodes use.
    public var leaseRenewInterval: Duration
    /// Lease renewals per second all nodes together may write: with more nodes than
    /// `heartbeatBudget × leaseRenewInterval` the interval grows (up to half the lease duration).
    /// The default, 500/s, is a quarter of what the embedded API server writes per second on 2 vCPU
    /// (docs/benchmarks.md) and exactly what 5000 kubelets renewing every 10 s need.
    public var heartbeatBudget: Double = 500
    /// Each renewal comes `interval × (1 + jitter × random)` after the previous one ends, as the kubelet's
    /// lease controller does (`wait.JitterUntil`, 0.04), so renewals never bunch up.
    public var leaseRenewJitter: Double = 0.04
    /// Node status (Ready heartbeat) refresh interval when nothing changes (kubelet: 5 min).
    public var nodeStatusInterval: Duration
    /// `spec.leaseDurationSeconds` of the node leases (kubelet: 40).
    public var leaseDurationSeconds: Int32
    /// Index of the first node: names and pod CIDRs are derived from it (lets two simulators share a cluster).
    public var firstNodeIndex: Int
    /// Concurrent workers reconciling pods.
    public var podWorkers: Int
    /// Concurrent workers writing leases and node status.
    public var heartbeatWorkers: Int
    /// Concurrent node registrations at start.
    public var registrationConcurrency: Int
    /// Use `fieldSelector=spec.nodeName!=` for the pod informer (falls back to all pods if refused).
    public var useNodeNameFieldSelector: Bool
    /// Kubelet version reported in `status.nodeInfo`.
    public var kubeletVersion: String

    public init(
        nodeCount: Int = 1, zones: Int = 1, cpu: Quantity = "8", memory: Quantity = "32Gi", maxPods: Int = 110,
        namePrefix: String = "sim-", labels: [String: String] = [:], taints: [Taint] = [],
        startLatency: Duration = .milliseconds(200), restartLatency: Duration = .milliseconds(100),
        crashLoopInterval: Duration = .seconds(10), leaseRenewInterval: Duration = .seconds(10),
        nodeStatusInterval: Duration = .seconds(300), leaseDurationSeconds: Int32 = 40, firstNodeIndex: Int = 0,
        podWorkers: Int = 8, heartbeatWorkers: Int = 8, registrationConcurrency: Int = 16,
        useNodeNameFieldSelector: Bool = true, kubeletVersion: String = "v1.33.0-nodesim"
    ) {
        self.nodeCount = nodeCount
        self.zones = zones
        self.cpu = cpu
        self.memory = memory
        self.maxPods = maxPods
        self.namePrefix = namePrefix
        self.labels = labels
        self.taints = taints
        self.startLatency = startLatency
        self.restartLatency = restartLatency
        self.crashLoopInterval = crashLoopInterval
        self.leaseRenewInterval = leaseRenewInterval
        self.nodeStatusInterval = nodeStatusInterval
        self.leaseDurationSeconds = leaseDurationSeconds
        self.firstNodeIndex = firstNodeIndex
        self.podWorkers = podWorkers
        self.heartbeatWorkers = heartbeatWorkers
        self.registrationConcurrency = registrationConcurrency
        self.useNodeNameFieldSelector = useNodeNameFieldSelector
        self.kubeletVersion = kubeletVersion
    }

    /// The lease renewal interval in use: `leaseRenewInterval`, stretched when the nodes would otherwise
    /// write more than `heartbeatBudget` renewals per second, but never beyond half of
    /// `leaseDurationSeconds` (a node then still renews twice before its lease expires).
    public var effectiveLeaseRenewInterval: Duration {
        guard heartbeatBudget > 0 else { return leaseRenewInterval }
        let needed = Duration.seconds(Double(nodeCount) / heartbeatBudget)
        let ceiling = Duration.seconds(Double(leaseDurationSeconds) / 2)
        return max(leaseRenewInterval, min(needed, ceiling))
    }

    /// Lease renewals per second the nodes write on average (jitter included).
    public var expectedHeartbeatsPerSecond: Double {
        Double(nodeCount) / (effectiveLeaseRenewInterval.inSeconds * (1 + leaseRenewJitter / 2))
    }

    /// Name of the node at `offset` (0..<nodeCount).
    public func nodeName(_ offset: Int) -> String { "\(namePrefix)\(firstNodeIndex + offset)" }

    /// Zone of the node at `offset`: `zone-a`, `zone-b`, ... round-robin.
    public func zone(_ offset: Int) -> String { ZoneNames.name(offset % max(zones, 1)) }

    /// Addresses of the node at `offset`.
    public func addressing(_ offset: Int) -> NodeAddressing { NodeAddressing(index: firstNodeIndex + offset) }
}

/// `zone-a` ... `zone-z`, then `zone-aa`, `zone-ab`, ...
enum ZoneNames {
    static func name(_ index: Int) -> String {
        let letters = Array("abcdefghijklmnopqrstuvwxyz")
        var suffix = ""
        var value = index
        repeat {
            suffix = String(letters[value % 26]) + suffix
            value = value / 26 - 1
        } while value >= 0
        return "zone-\(suffix)"
    }
}
