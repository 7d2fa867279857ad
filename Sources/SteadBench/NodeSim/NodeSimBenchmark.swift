import Foundation
import KubeClient
import KubeModel
import Logging
import NodeSim
import MetricsTestKit
import SteadTestSupport

/// Measures NodeSim against an API server: N nodes registered and Ready, their lease renewals over a
/// window (against the heartbeat budget), memory, then M pods created already bound (`spec.nodeName`)
/// and timed until they report Running.
///
/// It takes a client so that it runs against any server; `stead bench nodesim` gives it the client of
/// an in-process embedded API server.
public struct NodeSimBenchmark: Sendable {
    public struct Options: Sendable, Hashable {
        public var nodes: Int
        public var pods: Int
        /// How long lease renewals are counted once every node is registered (a few renewal intervals).
        public var heartbeatWindow: Duration
        public var leaseRenewInterval: Duration
        /// Lease writes per second NodeSim may spend (see ``NodeSimConfiguration/heartbeatBudget``).
        public var heartbeatBudget: Double
        public var startLatency: Duration
        /// Concurrent pod creations.
        public var createConcurrency: Int
        public var namespace: String
        /// Give up waiting for nodes or pods after this long.
        public var timeout: Duration

        public init(
            nodes: Int = 1000, pods: Int = 2000, heartbeatWindow: Duration = .seconds(30),
            leaseRenewInterval: Duration = .seconds(10), heartbeatBudget: Double = 500,
            startLatency: Duration = .milliseconds(200), createConcurrency: Int = 16,
            namespace: String = "nodesim-bench", timeout: Duration = .seconds(600)
        ) {
            self.nodes = nodes
            self.pods = pods
            self.heartbeatWindow = heartbeatWindow
            self.leaseRenewInterval = leaseRenewInterval
            self.heartbeatBudget = heartbeatBudget
            self.startLatency = startLatency
            self.createConcurrency = createConcurrency
            self.namespace = namespace
            self.timeout = timeout
        }
    }

    public struct Result: Sendable, Hashable, Codable {
        public var nodes: Int
        public var pods: Int
        /// From start until every node was registered (Node, status and Lease written) and the pod
        /// informer synced.
        public var registrationSeconds: Double
        /// From start until a watch had seen every node with Ready=True.
        public var allReadySeconds: Double
        public var nodesReady: Int
        /// The renewal interval in use (after the budget stretched it, if it had to).
        public var leaseRenewIntervalSeconds: Double
        public var leaseDurationSeconds: Int
        public var heartbeatBudget: Double
        public var heartbeatWindowSeconds: Double
        /// Lease writes per second over the window, nodes idle.
        public var heartbeatWritesPerSecond: Double
        /// What N nodes at the renewal interval (jitter included) write on average.
        public var expectedHeartbeatsPerSecond: Double
        /// Lease writes per second while the pods were created and started.
        public var heartbeatWritesPerSecondUnderPodLoad: Double
        public var nodeStatusWritesPerSecond: Double
        public var longestLeaseRenewalGapSeconds: Double
        public var lateLeaseRenewals: Int
        /// VmRSS after the window: the whole process (API server, NodeSim, client) with N idle nodes.
        public var residentMemoryIdleMiB: Double?
        public var podsRunning: Int
        public var createsPerSecond: Double
        /// Pods from the first create to the last Running.
        public var podsPerSecond: Double
        public var timeToRunningP50Milliseconds: Double
        public var timeToRunningP99Milliseconds: Double
        public var podStatusWrites: Int
        public var podStatusConflicts: Int
        /// VmHWM at the end: the whole process.
        public var peakMemoryMiB: Double?
    }

    public let client: KubeClient
    public let options: Options
    public let logger: Logger

    public init(client: KubeClient, options: Options, logger: Logger = Logger(label: "stead.nodesim.bench")) {
        self.client = client
        self.options = options
        self.logger = logger
    }

    var configuration: NodeSimConfiguration {
        var configuration = NodeSimConfiguration(
            nodeCount: options.nodes, zones: 3, namePrefix: "bench-", startLatency: options.startLatency,
            leaseRenewInterval: options.leaseRenewInterval)
        configuration.heartbeatBudget = options.heartbeatBudget
        configuration.maxPods = max(110, (options.pods + options.nodes - 1) / max(options.nodes, 1) + 1)
        configuration.registrationConcurrency = 32
        configuration.heartbeatWorkers = 16
        configuration.podWorkers = 16
        return configuration
    }

    public func run() async throws -> Result {
        let configuration = self.configuration
        let metrics = TestMetrics()
        let simulator = NodeSimulator(client: client, configuration: configuration, logger: logger, metrics: metrics)
        do {
            let result = try await measure(simulator, configuration, metrics)
            await simulator.stop()
            return result
        } catch {
            await simulator.stop()
            throw error
        }
    }

    private func measure(
        _ simulator: NodeSimulator, _ configuration: NodeSimConfiguration, _ metrics: TestMetrics
    ) async throws -> Result {
        func counts() -> NodeSimCounts { NodeSimCounts(read: { metrics.reading($0, []) }) }
        let began = ContinuousClock.now
        let readiness = try await NodeReadiness.start(client: client, nodes: options.nodes, since: began)
        try await simulator.start()
        let registration = (ContinuousClock.now - began).inSeconds
        let allReady = try await readiness.wait(timeout: options.timeout)
        logger.info("nodes ready", metadata: ["nodes": "\(options.nodes)", "seconds": "\(allReady.seconds)"])

        let idle = try await window(counts)
        let residentIdle = ProcessMemory.residentMiB()

        try await ensureNamespace()
        let beforePods = (counts(), ContinuousClock.now)
        let pods = try await createPodsAndWait(nodes: simulator.nodeNames)
        let underLoad = rate(counts().heartbeatsWritten - beforePods.0.heartbeatsWritten, since: beforePods.1)
        let statistics = counts()
        let longestGapNanoseconds = metrics.samples(NodeSimMetricNames.leaseRenewalGap, []).max() ?? 0
        return Result(
            nodes: options.nodes, pods: options.pods, registrationSeconds: registration,
            allReadySeconds: allReady.seconds, nodesReady: allReady.count,
            leaseRenewIntervalSeconds: configuration.effectiveLeaseRenewInterval.inSeconds,
            leaseDurationSeconds: Int(configuration.leaseDurationSeconds), heartbeatBudget: configuration.heartbeatBudget,
            heartbeatWindowSeconds: options.heartbeatWindow.inSeconds, heartbeatWritesPerSecond: idle.leases,
            expectedHeartbeatsPerSecond: configuration.expectedHeartbeatsPerSecond,
            heartbeatWritesPerSecondUnderPodLoad: underLoad, nodeStatusWritesPerSecond: idle.nodeStatus,
            longestLeaseRenewalGapSeconds: Double(longestGapNanoseconds) / 1e9,
            lateLeaseRenewals: statistics.lateLeaseRenewals, residentMemoryIdleMiB: residentIdle,
            podsRunning: pods.latencies.count, createsPerSecond: pods.createsPerSecond,
            podsPerSecond: pods.elapsed > 0 ? Double(pods.latencies.count) / pods.elapsed : 0,
            timeToRunningP50Milliseconds: Self.percentile(pods.latencies, 50) * 1000,
            timeToRunningP99Milliseconds: Self.percentile(pods.latencies, 99) * 1000,
            podStatusWrites: statistics.podStatusWrites, podStatusConflicts: statistics.podStatusConflicts,
            peakMemoryMiB: ProcessMemory.peakResidentMiB())
    }

    /// Lease and node status writes per second over the heartbeat window.
    private func window(_ counts: () -> NodeSimCounts) async throws -> (leases: Double, nodeStatus: Double) {
        let before = counts()
        let start = ContinuousClock.now
        try await Task.sleep(for: options.heartbeatWindow)
        let after = counts()
        return (
            rate(after.heartbeatsWritten - before.heartbeatsWritten, since: start),
            rate(after.nodeStatusWrites - before.nodeStatusWrites, since: start)
        )
    }

    private func rate(_ count: Int, since start: ContinuousClock.Instant) -> Double {
        let seconds = (ContinuousClock.now - start).inSeconds
        return seconds > 0 ? Double(count) / seconds : 0
    }

    static func percentile(_ values: [Double], _ p: Double) -> Double {
        guard !values.isEmpty else { return .nan }
        let sorted = values.sorted()
        return sorted[min(sorted.count - 1, Int((p / 100 * Double(sorted.count - 1)).rounded()))]
    }

    private func ensureNamespace() async throws {
        do {
            _ = try await client.create(Namespace(metadata: ObjectMeta(name: options.namespace)))
        } catch let error as KubeAPIError where error.isAlreadyExists {}
    }

    private struct PodTimings {
        var latencies: [Double]
        var elapsed: Double
        var createsPerSecond: Double
    }

    /// Creates the pods round-robin over `nodes` and waits for each to be Running; returns each pod's
    /// time from create to Running (seconds) and the time from the first create to the last Running.
    private func createPodsAndWait(nodes: [String]) async throws -> PodTimings {
        let created = Locked<[String: ContinuousClock.Instant]>([:])
        let running = Locked<[String: ContinuousClock.Instant]>([:])
        let total = options.pods
        let watch = BenchWatch(client: client, resource: Pod.resourceType, namespace: options.namespace, labelSelector: "app=nodesim-bench")
        let version = try await watch.currentVersion()
        let watcher = Task {
            await watch.follow(from: version) { pod in
                guard pod[path: ["status", "phase"]]?.stringValue == "Running",
                    let name = pod[path: ["metadata", "name"]]?.stringValue
                else { return false }
                return running.withLock { seen in
                    if seen[name] == nil { seen[name] = .now }
                    return seen.count >= total
                }
            }
        }
        defer { watcher.cancel() }
        let start = ContinuousClock.now
        try await createPods(total, nodes: nodes, created: created)
        let createSeconds = (ContinuousClock.now - start).inSeconds
        let deadline = ContinuousClock.now + options.timeout
        while running.withLock({ $0.count }) < total, ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(50))
        }
        let createdAt = created.value
        let runningAt = running.value
        let latencies = runningAt.compactMap { name, at in createdAt[name].map { (at - $0).inSeconds } }
        let last = runningAt.values.max() ?? start
        return PodTimings(
            latencies: latencies, elapsed: (last - start).inSeconds,
            createsPerSecond: createSeconds > 0 ? Double(total) / createSeconds : 0)
    }

    private func createPods(
        _ total: Int, nodes: [String], created: Locked<[String: ContinuousClock.Instant]>
    ) async throws {
        let runID = String(UInt32.random(in: 0...UInt32.max), radix: 36)
        try await withThrowingTaskGroup(of: Void.self) { group in
            var next = 0
            func addNext() {
                guard next < total else { return }
                let index = next
                next += 1
                group.addTask { [client, options] in
                    let name = "bench-\(runID)-\(index)"
                    let pod = Self.pod(name: name, namespace: options.namespace, node: nodes[index % nodes.count])
                    created.withLock { $0[name] = .now }
                    _ = try await client.create(pod)
                }
            }
            for _ in 0..<max(1, options.createConcurrency) { addNext() }
            while try await group.next() != nil { addNext() }
        }
    }

    static func pod(name: String, namespace: String, node: String) -> Pod {
        let resources = ResourceRequirements(requests: ["cpu": "10m", "memory": "16Mi"])
        return Pod(
            metadata: ObjectMeta(name: name, namespace: namespace, labels: ["app": "nodesim-bench"]),
            spec: PodSpec(containers: [Container(name: "app", image: "nginx:1.27", resources: resources)], nodeName: node))
    }
}

/// Watches simulated nodes from before they register and notes when all of them are Ready.
struct NodeReadiness: Sendable {
    let ready: Locked<[String: ContinuousClock.Instant]>
    let task: Task<Void, Never>
    let nodes: Int
    let since: ContinuousClock.Instant

    static func start(client: KubeClient, nodes: Int, since: ContinuousClock.Instant) async throws -> NodeReadiness {
        let watch = BenchWatch(client: client, resource: Node.resourceType, namespace: nil, labelSelector: "type=stead-sim")
        let version = try await watch.currentVersion()
        let ready = Locked<[String: ContinuousClock.Instant]>([:])
        let task = Task {
            await watch.follow(from: version) { node in
                guard let name = node[path: ["metadata", "name"]]?.stringValue else { return false }
                let isReady = (node[path: ["status", "conditions"]]?.arrayValue ?? []).contains {
                    $0["type"]?.stringValue == "Ready" && $0["status"]?.stringValue == "True"
                }
                return ready.withLock { seen in
                    if isReady, seen[name] == nil { seen[name] = .now }
                    return seen.count >= nodes
                }
            }
        }
        return NodeReadiness(ready: ready, task: task, nodes: nodes, since: since)
    }

    /// Seconds from `since` until the last node was seen Ready, and how many were.
    func wait(timeout: Duration) async throws -> (seconds: Double, count: Int) {
        let deadline = ContinuousClock.now + timeout
        while ready.withLock({ $0.count }) < nodes, ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(20))
        }
        task.cancel()
        let seen = ready.value
        return (((seen.values.max() ?? since) - since).inSeconds, seen.count)
    }
}
