import Foundation
import KubeClient
import KubeModel
import Logging

/// Measures NodeSim against an API server: N nodes registered and heartbeating, then M pods created
/// already bound (`spec.nodeName`) and timed until they report Running.
///
/// It takes a client so that it runs against any server; `stead bench nodesim` gives it the client of
/// an in-process embedded API server.
public struct NodeSimBenchmark: Sendable {
    public struct Options: Sendable, Hashable {
        public var nodes: Int
        public var pods: Int
        /// How long heartbeat writes are counted.
        public var heartbeatWindow: Duration
        public var leaseRenewInterval: Duration
        public var startLatency: Duration
        /// Concurrent pod creations.
        public var createConcurrency: Int
        public var namespace: String
        /// Give up waiting for pods after this long.
        public var timeout: Duration

        public init(
            nodes: Int = 1000, pods: Int = 2000, heartbeatWindow: Duration = .seconds(10),
            leaseRenewInterval: Duration = .seconds(10), startLatency: Duration = .milliseconds(200),
            createConcurrency: Int = 16, namespace: String = "nodesim-bench", timeout: Duration = .seconds(300)
        ) {
            self.nodes = nodes
            self.pods = pods
            self.heartbeatWindow = heartbeatWindow
            self.leaseRenewInterval = leaseRenewInterval
            self.startLatency = startLatency
            self.createConcurrency = createConcurrency
            self.namespace = namespace
            self.timeout = timeout
        }
    }

    public struct Result: Sendable, Hashable, Codable {
        public var nodes: Int
        public var pods: Int
        public var registrationSeconds: Double
        public var heartbeatWritesPerSecond: Double
        public var expectedHeartbeatsPerSecond: Double
        public var podsRunning: Int
        public var podsPerSecond: Double
        public var timeToRunningP50Milliseconds: Double
        public var timeToRunningP99Milliseconds: Double
        public var podStatusWrites: Int
        public var peakMemoryMiB: Double?

        /// A two-column text table.
        public func table() -> String {
            let rows: [(String, String)] = [
                ("nodes", "\(nodes)"),
                ("registration", String(format: "%.2f s", registrationSeconds)),
                ("heartbeat writes", String(format: "%.1f/s (expected %.1f/s)", heartbeatWritesPerSecond, expectedHeartbeatsPerSecond)),
                ("pods running", "\(podsRunning) of \(pods)"),
                ("pods to Running", String(format: "%.1f pods/s", podsPerSecond)),
                ("time to Running p50 / p99", String(format: "%.1f ms / %.1f ms", timeToRunningP50Milliseconds, timeToRunningP99Milliseconds)),
                ("pod status writes", "\(podStatusWrites)"),
                ("peak memory (VmHWM)", peakMemoryMiB.map { String(format: "%.0f MiB", $0) } ?? "n/a"),
            ]
            let width = rows.map(\.0.count).max() ?? 0
            return rows.map { $0.0.padding(toLength: width + 2, withPad: " ", startingAt: 0) + $0.1 }.joined(separator: "\n")
        }
    }

    public let client: KubeClient
    public let options: Options
    public let logger: Logger

    public init(client: KubeClient, options: Options, logger: Logger = Logger(label: "stead.nodesim.bench")) {
        self.client = client
        self.options = options
        self.logger = logger
    }

    public func run() async throws -> Result {
        var configuration = NodeSimConfiguration(
            nodeCount: options.nodes, zones: 3, namePrefix: "bench-", startLatency: options.startLatency,
            leaseRenewInterval: options.leaseRenewInterval)
        configuration.maxPods = max(110, (options.pods + options.nodes - 1) / max(options.nodes, 1) + 1)
        let simulator = NodeSimulator(client: client, configuration: configuration, logger: logger)
        let began = ContinuousClock.now
        try await simulator.start()
        let registration = (ContinuousClock.now - began).inSeconds
        do {
            let result = try await measure(simulator, registration: registration)
            await simulator.stop()
            return result
        } catch {
            await simulator.stop()
            throw error
        }
    }

    private func measure(_ simulator: NodeSimulator, registration: Double) async throws -> Result {
        let before = simulator.statistics.heartbeatsWritten
        let windowStart = ContinuousClock.now
        try await Task.sleep(for: options.heartbeatWindow)
        let heartbeats = Double(simulator.statistics.heartbeatsWritten - before)
            / (ContinuousClock.now - windowStart).inSeconds

        try await ensureNamespace()
        let timing = try await createPodsAndWait(nodes: simulator.nodeNames)
        var latencies = timing.latencies.sorted()
        if latencies.isEmpty { latencies = [.nan] }
        func percentile(_ p: Double) -> Double {
            latencies[min(latencies.count - 1, Int((p / 100 * Double(latencies.count - 1)).rounded()))] * 1000
        }
        return Result(
            nodes: options.nodes, pods: options.pods, registrationSeconds: registration,
            heartbeatWritesPerSecond: heartbeats,
            expectedHeartbeatsPerSecond: Double(options.nodes) / options.leaseRenewInterval.inSeconds,
            podsRunning: timing.latencies.count,
            podsPerSecond: timing.elapsed > 0 ? Double(timing.latencies.count) / timing.elapsed : 0,
            timeToRunningP50Milliseconds: percentile(50), timeToRunningP99Milliseconds: percentile(99),
            podStatusWrites: simulator.statistics.podStatusWrites,
            peakMemoryMiB: ProcessMemory.peakResidentMiB())
    }

    private func ensureNamespace() async throws {
        do {
            _ = try await client.create(Namespace(metadata: ObjectMeta(name: options.namespace)))
        } catch let error as KubeAPIError where error.isAlreadyExists {}
    }

    /// Creates the pods round-robin over `nodes` and waits for each to be Running; returns each pod's
    /// time from create to Running (seconds) and the time from the first create to the last Running.
    private func createPodsAndWait(nodes: [String]) async throws -> (latencies: [Double], elapsed: Double) {
        let created = Locked<[String: ContinuousClock.Instant]>([:])
        let running = Locked<[String: ContinuousClock.Instant]>([:])
        let list = try await client.list(Pod.self, namespace: options.namespace, options: ListOptions(limit: 1))
        let total = options.pods
        let watcher = Task { [client, options] in
            let watchOptions = WatchOptions(resourceVersion: list.metadata.resourceVersion, timeoutSeconds: 3600)
            do {
                for try await event in client.watch(Pod.self, namespace: options.namespace, options: watchOptions) {
                    guard event.object.status?.phase == "Running" else { continue }
                    let done = running.withLock { seen -> Bool in
                        if seen[event.object.name] == nil { seen[event.object.name] = .now }
                        return seen.count >= total
                    }
                    if done { return }
                }
            } catch {}
        }
        let start = ContinuousClock.now
        let runID = String(UInt32.random(in: 0...UInt32.max), radix: 36)
        try await withThrowingTaskGroup(of: Void.self) { group in
            var next = 0
            func addNext() {
                guard next < total else { return }
                let index = next
                next += 1
                group.addTask {
                    let name = "bench-\(runID)-\(index)"
                    let pod = Self.pod(name: name, namespace: options.namespace, node: nodes[index % nodes.count])
                    created.withLock { $0[name] = .now }
                    _ = try await client.create(pod)
                }
            }
            for _ in 0..<max(1, options.createConcurrency) { addNext() }
            while try await group.next() != nil { addNext() }
        }
        let deadline = ContinuousClock.now + options.timeout
        while running.withLock({ $0.count }) < total, ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(50))
        }
        watcher.cancel()
        let createdAt = created.value
        let runningAt = running.value
        let latencies = runningAt.compactMap { name, at in createdAt[name].map { (at - $0).inSeconds } }
        let last = runningAt.values.max() ?? start
        return (latencies, (last - start).inSeconds)
    }

    static func pod(name: String, namespace: String, node: String) -> Pod {
        let resources = ResourceRequirements(requests: ["cpu": "10m", "memory": "16Mi"])
        return Pod(
            metadata: ObjectMeta(name: name, namespace: namespace, labels: ["app": "nodesim-bench"]),
            spec: PodSpec(containers: [Container(name: "app", image: "nginx:1.27", resources: resources)], nodeName: node))
    }
}
