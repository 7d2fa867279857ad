import Foundation
import KubeClient
import KubeModel
import Logging
import NodeSim
import SteadRuntime
import SteadScheduler

/// `stead bench schedule --kubeconfig`: on a real cluster, the same new pods placed by the cluster's own
/// scheduler (kube-scheduler, `default-scheduler`) and then by Stead's, on the same simulated nodes,
/// each measured from the first create to the last pod bound. Stead runs with the request budget
/// `stead run` ships with (`--qps`, `--burst`) and writes its Scheduled Events, as kube-scheduler does.
struct ClusterScheduleBenchmark {
    /// Creates pods and nodes: not rate limited, so that the creators never set the pace.
    let admin: KubeClient
    let nodes: Int
    let pods: Int
    let concurrency: Int
    let qps: Double
    let burst: Int
    /// The control plane's process, for its CPU time per phase.
    let controlPlanePID: Int32?
    /// Stead's phase first, so that each side is measured both first and second (after 1000 deletes).
    var steadFirst = false
    let logger: Logger

    static let settle = Duration.seconds(10)
    /// What a scheduler writes for a pod: the bind, its Event, a condition or annotation on the pod, and
    /// (Stead) placement records. Creators and kubelets write the same in both phases.
    static let schedulerWrites = ["POST pods/binding", "POST events", "PATCH pods", "PATCH pods/status", "PATCH configmaps", "POST configmaps"]

    struct Phase: Encodable {
        var scheduler: String
        var seconds: Double
        var podsPerSecond: Double
        /// Requests the API server answered during the phase, by `VERB resource[/subresource]`, from its
        /// own `apiserver_request_total` (every client: the scheduler, the creators, the kubelets).
        var requests: [String: Double]
        var controlPlaneCPUSeconds: Double?
    }

    struct Result: Encodable {
        var nodes: Int
        var pods: Int
        var qps: Double
        var burst: Int
        var cluster: Phase
        var stead: Phase

        func table() -> String {
            var table = TextTable("measure", "kube-scheduler (default-scheduler)", "Stead (stead)", "Stead / kube-scheduler")
            table.add("nodes / pods", "\(nodes) / \(pods)", "same", "")
            table.add(
                "pods/s (first create to all bound)", String(format: "%.1f/s", cluster.podsPerSecond),
                String(format: "%.1f/s", stead.podsPerSecond), String(format: "%.2fx", stead.podsPerSecond / cluster.podsPerSecond))
            table.add("wall time", String(format: "%.1f s", cluster.seconds), String(format: "%.1f s", stead.seconds), "")
            let keys = Set(cluster.requests.keys).union(stead.requests.keys).filter(isWrite).sorted()
            for key in keys {
                let ours = stead.requests[key] ?? 0
                let theirs = cluster.requests[key] ?? 0
                guard ours + theirs >= Double(pods) / 10 else { continue }
                table.add(
                    "\(key) per pod", String(format: "%.2f", theirs / Double(pods)), String(format: "%.2f", ours / Double(pods)), "")
            }
            func writes(_ phase: Phase, _ keys: [String]? = nil) -> String {
                let total = phase.requests.filter { entry in keys.map { $0.contains(entry.key) } ?? isWrite(entry.key) }
                    .values.reduce(0, +)
                return String(format: "%.2f", total / Double(pods))
            }
            table.add("scheduler's writes per pod (bind, Event, pod patches, records)",
                      writes(cluster, ClusterScheduleBenchmark.schedulerWrites), writes(stead, ClusterScheduleBenchmark.schedulerWrites), "")
            table.add("all writes per pod (every client)", writes(cluster), writes(stead), "")
            if let theirs = cluster.controlPlaneCPUSeconds, let ours = stead.controlPlaneCPUSeconds {
                table.add(
                    "control plane CPU per pod", String(format: "%.2f ms", theirs * 1000 / Double(pods)),
                    String(format: "%.2f ms", ours * 1000 / Double(pods)), "")
            }
            table.add("Stead's client budget", "", String(format: "--qps %.0f --burst %d", qps, burst), "")
            return table.render()
        }
    }

    func run() async throws -> Result {
        let namespace = try await ClusterBenchPool.createNamespace(admin)
        var nodeConfiguration = ClusterBenchPool.nodes(nodes)
        nodeConfiguration.leaseRenewInterval = .seconds(5)
        let simulator = NodeSimulator(client: admin, configuration: nodeConfiguration, logger: logger)
        try await simulator.start()
        return try await withCleanUp {
            let cluster: Phase
            let stead: Phase
            if steadFirst {
                stead = try await steadPhase(namespace: namespace)
                cluster = try await phase("default-scheduler", namespace: namespace)
            } else {
                cluster = try await phase("default-scheduler", namespace: namespace)
                stead = try await steadPhase(namespace: namespace)
            }
            return Result(nodes: nodes, pods: pods, qps: qps, burst: burst, cluster: cluster, stead: stead)
        } cleanUp: {
            await ClusterBenchPool.remove(admin, simulator, namespace: namespace)
        }
    }

    /// The same phase with Stead's scheduler, on a client of its own with `stead run`'s budget.
    private func steadPhase(namespace: String) async throws -> Phase {
        var configuration = admin.configuration
        configuration.qps = qps
        configuration.burst = burst
        configuration.userAgent = "stead/0.1 (bench)"
        let client = try KubeClient(configuration: configuration, logger: logger)
        let service = SchedulerService(
            client: client, configuration: SchedulerConfiguration(schedulerName: "stead"), logger: logger)
        return try await withCleanUp {
            try await service.start()
            return try await phase("stead", namespace: namespace)
        } cleanUp: {
            await service.stop()
            try? await client.shutdown()
        }
    }

    /// Creates every pod for `scheduler`, waits through a watch until all are bound, then deletes them.
    private func phase(_ scheduler: String, namespace: String) async throws -> Phase {
        let bound = BoundPodCounter(client: admin, namespace: namespace)
        try await bound.start()
        let requestsBefore = try await requestCounts()
        let cpuBefore = controlPlanePID.flatMap(Self.cpuSeconds)
        let started = ContinuousClock.now
        try await concurrentlyForEach(pods, concurrency: concurrency, label: "\(scheduler): creating \(pods) pods") { index in
            _ = try await admin.create(Self.pod(index, scheduler: scheduler), namespace: namespace)
        }
        try await BenchWait.until("\(pods) pods bound by \(scheduler)", timeout: .seconds(1800)) { bound.count >= pods }
        let seconds = (ContinuousClock.now - started).inSeconds
        let cpuAfter = controlPlanePID.flatMap(Self.cpuSeconds)
        await bound.stop()
        // Writes that follow a bind (its Event, the kubelet's status) are counted too, not cut off.
        try await Task.sleep(for: Self.settle)
        let requestsAfter = try await requestCounts()
        let requests = counterGrowth(from: requestsBefore, to: requestsAfter)
        try await deleteAll(namespace)
        return Phase(
            scheduler: scheduler, seconds: seconds, podsPerSecond: Double(pods) / seconds, requests: requests,
            controlPlaneCPUSeconds: cpuAfter.flatMap { after in cpuBefore.map { after - $0 } })
    }

    private func deleteAll(_ namespace: String) async throws {
        let names = try await admin.listAll(Pod.self, namespace: namespace).items.map(\.name)
        try await concurrentlyForEach(names.count, concurrency: concurrency, label: "deleting \(names.count) pods") { index in
            try? await admin.delete(Pod.self, name: names[index], namespace: namespace, options: DeleteOptions(gracePeriodSeconds: 0))
        }
        try await BenchWait.until("every pod gone", every: .milliseconds(200)) {
            try await admin.list(Pod.self, namespace: namespace, options: ListOptions(limit: 1)).items.isEmpty
        }
    }

    static func pod(_ index: Int, scheduler: String) -> Pod {
        var spec = PodSpec(
            containers: [
                Container(
                    name: "app", image: "nginx:1.27",
                    resources: ResourceRequirements(requests: ["cpu": "10m", "memory": "16Mi"]))
            ],
            schedulerName: scheduler)
        spec.nodeSelector = [ClusterBenchPool.label: "true"]
        return Pod(metadata: ObjectMeta(name: "pod-\(index)"), spec: spec)
    }

    /// `apiserver_request_total` summed by `VERB resource[/subresource]`.
    private func requestCounts() async throws -> [String: Double] {
        try await PrometheusSamples.read("apiserver_request_total", from: admin).requestsByVerbAndResource
    }

    /// User and system CPU time of a process, from `/proc/PID/stat`.
    static func cpuSeconds(_ pid: Int32) -> Double? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = stat.lastIndex(of: ")")
        else { return nil }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        // After the command: state is field 3, utime 14 and stime 15 (1-based over the whole line).
        guard fields.count > 13, let user = Double(fields[11]), let system = Double(fields[12]) else { return nil }
        return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
    }
}

/// How many pods of a namespace are bound, from an informer.
final class BoundPodCounter: Sendable {
    private let informer: Informer<Pod>
    private let bound = Shared(Set<String>())
    private let running = Shared<Task<Void, Never>?>(nil)

    init(client: KubeClient, namespace: String) {
        informer = Informer(client: client, namespace: namespace)
        let note: @Sendable (Pod) async -> Void = { [bound] pod in
            if !(pod.spec?.nodeName ?? "").isEmpty { bound.withLock { _ = $0.insert(pod.name) } }
        }
        informer.addEventHandler(EventHandler(onAdd: note, onUpdate: { _, new in await note(new) }))
    }

    var count: Int { bound.withLock { $0.count } }

    func start() async throws {
        let informer = self.informer
        running.withLock { $0 = Task { await informer.run() } }
        try await informer.waitForSync()
    }

    func stop() async {
        let task = running.withLock { $0 }
        task?.cancel()
        await task?.value
    }
}
