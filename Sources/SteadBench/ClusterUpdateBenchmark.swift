import Foundation
import KubeClient
import KubeModel
import Logging
import MetricsTestKit
import NodeSim
import Prometheus
import SteadController
import SteadRuntime
import SteadScheduler

/// `stead bench update --kubeconfig`: on a real cluster, the same set created and the same change rolled
/// out by the cluster's own StatefulSet controller and kube-scheduler, by the same StatefulSet naming
/// Stead's scheduler, and by a StatefulPodSet under each update policy, one after the other on the same
/// simulated nodes. Stead's scheduler and controller run in this process as `stead run` runs them, with
/// its client budget (`--qps`, `--burst`).
struct ClusterUpdateBenchmark {
    /// Creates the sets and patches them; not rate limited, never the pace.
    let admin: KubeClient
    let nodes: Int
    let replicas: Int
    let change: TemplateChange
    let maxUnavailable: Int
    let workloads: [BenchWorkload]
    let qps: Double
    let burst: Int
    let controlPlanePID: Int32?
    let logger: Logger

    /// The latencies of issue #18's measurements: a pod starts, and a container restarts, in 200 ms.
    static let startLatency = Duration.milliseconds(200)
    static let restartLatency = Duration.milliseconds(200)

    /// What one workload's rollout cost.
    struct Row: Encodable {
        var workload: String
        var createSeconds: Double
        var rolloutSeconds: Double
        /// Filter-and-score cycles of kube-scheduler (its `scheduler_schedule_attempts_total`) and of Stead.
        var kubeSchedulerAttempts: Int
        var steadAttempts: Int
        var steadStickyBinds: Int
        var steadNodeEvaluations: Int
        var podsChangedNode: Int
        var podsChangedIP: Int
        var podsChangedUID: Int
        var peakUnavailable: Int
        /// Every write the API server answered during the rollout, by `VERB resource`.
        var writes: [String: Double]
        /// Writes of the simulated kubelets, and Stead's own (scheduler, controller, Events), by `VERB resource`.
        var kubeletWrites: [String: Double]
        var steadWrites: [String: Double]
        var controlPlaneCPUSeconds: Double?

        /// Writes per updated pod of the controller and scheduler that rolled it out: every write but
        /// the kubelets' and the benchmark's one patch of the template.
        func pathWritesPerPod(_ replicas: Int) -> Double {
            (writes.values.reduce(0, +) - kubeletWrites.values.reduce(0, +) - 1) / Double(replicas)
        }
    }

    struct Result: Encodable {
        var nodes: Int
        var replicas: Int
        var change: String
        var maxUnavailable: Int
        var restartMilliseconds: Double
        var qps: Double
        var burst: Int
        var rows: [Row]

        /// The least time an in-place rollout can take: every container restarts once, `maxUnavailable` at a time.
        var inPlaceFloorSeconds: Double { Double(replicas) * restartMilliseconds / 1000 / Double(maxUnavailable) }

        func table() -> String {
            var table = TextTable(["measure"] + rows.map(\.workload))
            func row(_ name: String, _ value: (Row) -> String) { table.add([name] + rows.map(value)) }
            table.add(["nodes / replicas / change"] + rows.map { _ in "\(nodes) / \(replicas) / \(change)" })
            row("create \(replicas) (Parallel) to all Ready") { String(format: "%.1f s", $0.createSeconds) }
            row("rollout to all updated and Ready") { String(format: "%.1f s", $0.rolloutSeconds) }
            row("scheduling cycles: kube-scheduler / Stead") { "\($0.kubeSchedulerAttempts) / \($0.steadAttempts)" }
            row("Stead sticky binds / node evaluations") { "\($0.steadStickyBinds) / \($0.steadNodeEvaluations)" }
            row("pods that changed node / IP / UID") { "\($0.podsChangedNode) / \($0.podsChangedIP) / \($0.podsChangedUID)" }
            row("peak unavailable") { "\($0.peakUnavailable)" }
            row("writes per updated pod: controller + scheduler") { String(format: "%.2f", $0.pathWritesPerPod(replicas)) }
            row("  of which Stead's own") { String(format: "%.2f", $0.steadWrites.values.reduce(0, +) / Double(replicas)) }
            row("  kubelets' (not counted above)") { String(format: "%.2f", $0.kubeletWrites.values.reduce(0, +) / Double(replicas)) }
            let keys = Set(rows.flatMap(\.writes.keys)).sorted()
            for key in keys where rows.contains(where: { ($0.writes[key] ?? 0) >= Double(replicas) / 10 }) {
                row("  \(key) (every client)") { String(format: "%.2f", ($0.writes[key] ?? 0) / Double(replicas)) }
            }
            if rows.allSatisfy({ $0.controlPlaneCPUSeconds != nil }) {
                row("control plane CPU in the rollout") { String(format: "%.1f s", $0.controlPlaneCPUSeconds ?? 0) }
            }
            return table.render() + "\n" + comparisons()
        }

        /// Each Stead row against the StatefulSet's, and Stead's own writes by where they go.
        private func comparisons() -> String {
            var lines = [
                String(
                    format: "Stead's client budget --qps %.0f --burst %d; in-place floor %.1f s (%d replicas x %.0f ms restart / maxUnavailable %d)",
                    qps, burst, inPlaceFloorSeconds, replicas, restartMilliseconds, maxUnavailable)
            ]
            guard let baseline = rows.first(where: { $0.workload == BenchWorkload.statefulSet(scheduler: "default-scheduler").title })
            else { return lines.joined(separator: "\n") }
            for row in rows where row.workload != baseline.workload {
                var line = String(
                    format: "%@: create %.2fx, rollout %.2fx the StatefulSet's (%.2fx the in-place floor), writes per pod %.2f vs %.2f",
                    row.workload, row.createSeconds / baseline.createSeconds, row.rolloutSeconds / baseline.rolloutSeconds,
                    row.rolloutSeconds / inPlaceFloorSeconds, row.pathWritesPerPod(replicas), baseline.pathWritesPerPod(replicas))
                let stead = row.steadWrites.sorted { $0.value > $1.value }
                    .map { String(format: "%@ %.2f", $0.key, $0.value / Double(replicas)) }
                if !stead.isEmpty { line += "; Stead's writes per pod: " + stead.joined(separator: ", ") }
                lines.append(line)
            }
            return lines.joined(separator: "\n")
        }
    }

    func run() async throws -> Result {
        let namespace = try await ClusterBenchPool.createNamespace(admin)
        try await StatefulPodSetCRD.install(using: admin)
        let kubelets = try MeteredClient(admin.configuration, qps: 0, burst: 0, logger: logger)
        var nodeConfiguration = ClusterBenchPool.nodes(nodes)
        nodeConfiguration.startLatency = Self.startLatency
        nodeConfiguration.restartLatency = Self.restartLatency
        let simulator = NodeSimulator(client: kubelets.client, configuration: nodeConfiguration, logger: logger)
        let stead = try MeteredClient(admin.configuration, qps: qps, burst: burst, logger: logger)
        let schedulerMetrics = TestMetrics()
        let components = SteadComponents(
            client: stead.client, options: ComponentOptions(), readiness: Readiness(), logger: logger,
            schedulerMetrics: schedulerMetrics)
        return try await withCleanUp {
            try await simulator.start()
            try await components.start()
            var rows: [Row] = []
            for workload in workloads {
                let run = WorkloadRun(
                    benchmark: self, workload: workload, namespace: namespace, kubelets: kubelets, stead: stead,
                    schedulerMetrics: schedulerMetrics)
                let row = try await run.measure()
                rows.append(row)
                print(String(format: "%@: created in %.1f s, rolled out in %.1f s", row.workload, row.createSeconds, row.rolloutSeconds))
            }
            return Result(
                nodes: nodes, replicas: replicas, change: change.rawValue, maxUnavailable: maxUnavailable,
                restartMilliseconds: Self.restartLatency.inSeconds * 1000, qps: qps, burst: burst, rows: rows)
        } cleanUp: {
            await components.stop()
            await ClusterBenchPool.remove(admin, simulator, namespace: namespace)
            try? await stead.client.shutdown()
            try? await kubelets.client.shutdown()
        }
    }
}

/// A client whose requests are counted in a registry of its own, by verb and resource.
struct MeteredClient {
    let client: KubeClient
    let registry = PrometheusCollectorRegistry()

    init(_ configuration: ClientConfiguration, qps: Double, burst: Int, logger: Logger) throws {
        var configuration = configuration
        configuration.qps = qps
        configuration.burst = burst
        client = try KubeClient(configuration: configuration, logger: logger, metricsFactory: PrometheusMetricsFactory(registry: registry))
    }

    /// Successful writes so far, by `VERB resource`.
    var writes: [String: Double] {
        var requests = PrometheusSamples.read("kubeclient_requests_total", from: registry)
        requests.samples.removeAll { $0.labels["code"]?.hasPrefix("2") != true }
        return requests.requestsByVerbAndResource.filter { isWrite($0.key) }
    }
}

/// What a benchmark rolls out: a StatefulSet for a scheduler, or a StatefulPodSet with a policy.
enum BenchWorkload: Hashable, Sendable {
    case statefulSet(scheduler: String)
    case statefulPodSet(PodUpdatePolicy)

    static let statefulSets = ResourceType(
        group: "apps", version: "v1", kind: "StatefulSet", plural: "statefulsets", namespaced: true)

    var title: String {
        switch self {
        case .statefulSet(let scheduler): "StatefulSet (\(scheduler))"
        case .statefulPodSet(let policy): "StatefulPodSet \(policy.rawValue)"
        }
    }

    var objectName: String {
        switch self {
        case .statefulSet(let scheduler): "ss-\(scheduler == "stead" ? "stead" : "plain")"
        case .statefulPodSet(let policy): "sps-\(policy.rawValue.lowercased())"
        }
    }

    var resource: ResourceType {
        switch self {
        case .statefulSet: Self.statefulSets
        case .statefulPodSet: StatefulPodSet.resourceType
        }
    }

    /// The object, Parallel, one container of 100m cpu / 64Mi on the benchmark's nodes.
    func object(replicas: Int, maxUnavailable: Int) -> JSONValue {
        let labels: JSONValue = ["app": .string(objectName)]
        var podSpec: JSONValue = [
            "nodeSelector": .object([ClusterBenchPool.label: "true"]),
            "containers": [
                ["name": "app", "image": "nginx:1.25", "resources": ["requests": ["cpu": "100m", "memory": "64Mi"]]]
            ],
        ]
        var spec: JSONValue = [
            "replicas": .int(Int64(replicas)), "selector": ["matchLabels": labels],
            "podManagementPolicy": "Parallel",
        ]
        switch self {
        case .statefulSet(let scheduler):
            podSpec["schedulerName"] = .string(scheduler)
            spec["serviceName"] = .string(objectName)
            spec["updateStrategy"] = ["type": "RollingUpdate"]
        case .statefulPodSet(let policy):
            spec["updateStrategy"] = [
                "type": "RollingUpdate",
                "rollingUpdate": [
                    "maxUnavailable": .int(Int64(maxUnavailable)), "inPlaceGracePeriodSeconds": 0,
                    "podUpdatePolicy": .string(policy.rawValue),
                ],
            ]
        }
        spec["template"] = ["metadata": ["labels": labels], "spec": podSpec]
        return [
            "apiVersion": .string(resource.apiVersion), "kind": .string(resource.kind),
            "metadata": ["name": .string(objectName)], "spec": spec,
        ]
    }
}
