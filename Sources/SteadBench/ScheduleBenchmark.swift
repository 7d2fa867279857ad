import Foundation
import KubeClient
import KubeModel
import Logging
import NodeSim
import MetricsTestKit
import SteadRuntime
import SteadScheduler
import SteadTestSupport

/// Drives a ``SchedulerService`` against an API server: N nodes (no kubelets: a bind needs none), M
/// pods of a few controller owners placed as new pods, then deleted and created again with the same
/// names and owners so that every one takes the sticky path.
struct ScheduleBenchmark {
    let client: KubeClient
    let nodes: Int
    let pods: Int
    let owners: Int
    let concurrency: Int
    let percentageOfNodesToScore: Int?
    let logger: Logger

    static let namespace = "default"

    /// One pass: every pod created, then every pod bound.
    struct Phase: Encodable {
        var seconds: Double
        /// Until the last create returned.
        var createSeconds: Double
        var podsPerSecond: Double
        var algorithmP50Milliseconds: Double
        var algorithmP99Milliseconds: Double
        var bindP50Milliseconds: Double
        var bindP99Milliseconds: Double
        var nodeEvaluationsPerPod: Double
        var scoreCallsPerPod: Double
        var stickyBinds: Int
        var fallbacks: Int
        var bindFailures: Int
        var peakMemoryMiB: Double?
        /// CPU time of the whole process (API server, scheduler, creators) during the phase, per pod.
        var processCPUMillisecondsPerPod: Double
        /// The share of the machine's CPU time the hypervisor gave to other guests during the phase.
        var stolenCPUPercent: Double?
    }

    struct Result: Encodable {
        var nodes: Int
        var pods: Int
        var owners: Int
        var newPods: Phase
        var recreated: Phase

        func table() -> String {
            var table = TextTable("measure", "new pods (filter+score)", "recreated (sticky)")
            func row(_ name: String, _ value: (Phase) -> String) { table.add(name, value(newPods), value(recreated)) }
            table.add("nodes / pods / owners", "\(nodes) / \(pods) / \(owners)", "same names, same owners")
            row("pods/s (create start to all bound)") { String(format: "%.0f/s", $0.podsPerSecond) }
            row("wall time (of which creating)") { String(format: "%.2f s (%.2f s)", $0.seconds, $0.createSeconds) }
            row("algorithm per pod (p50 / p99)") {
                "\(formatMilliseconds($0.algorithmP50Milliseconds / 1000)) / \(formatMilliseconds($0.algorithmP99Milliseconds / 1000))"
            }
            row("bind request (p50 / p99)") {
                "\(formatMilliseconds($0.bindP50Milliseconds / 1000)) / \(formatMilliseconds($0.bindP99Milliseconds / 1000))"
            }
            row("node evaluations per pod (filter+score calls)") { String(format: "%.1f", $0.nodeEvaluationsPerPod) }
            row("score calls per pod") { String(format: "%.1f", $0.scoreCallsPerPod) }
            row("sticky binds / fallbacks") { "\($0.stickyBinds) / \($0.fallbacks)" }
            row("bind failures") { "\($0.bindFailures)" }
            row("process CPU per pod (server, scheduler, creators)") {
                String(format: "%.2f ms", $0.processCPUMillisecondsPerPod)
            }
            row("CPU stolen by the hypervisor (of the machine's)") {
                $0.stolenCPUPercent.map { String(format: "%.0f%%", $0) } ?? "n/a"
            }
            row("peak memory, whole process (VmHWM)") { $0.peakMemoryMiB.map { String(format: "%.0f MiB", $0) } ?? "n/a" }
            return table.render()
        }
    }

    func run() async throws -> Result {
        try await concurrentlyForEach(nodes, concurrency: concurrency, label: "creating \(nodes) nodes") { index in
            _ = try await client.create(Self.node(index))
        }
        let configuration = SchedulerConfiguration(
            percentageOfNodesToScore: percentageOfNodesToScore, reservationTimeout: .seconds(600), bindConcurrency: 64)
        let scheduler = MeasuredScheduler(client: client, configuration: configuration, logger: logger)
        // The scheduler's tasks inherit this priority. In one process with a busy API server, request
        // handlers would queue ahead of every step of its serial path; at high priority it keeps pace,
        // as a process of its own would.
        try await Task(priority: .high) { try await scheduler.service.start() }.value

        let newPods = try await phase(scheduler, label: "new pods")
        try await concurrentlyForEach(pods, concurrency: concurrency, label: "deleting \(pods) pods") { index in
            // No kubelets here to confirm a graceful deletion: remove the pods at once.
            try await client.delete(
                Pod.self, name: Self.podName(index, owners: owners), namespace: Self.namespace,
                options: DeleteOptions(gracePeriodSeconds: 0))
        }
        try await BenchWait.until("reservations for every deleted pod", every: .milliseconds(10)) {
            scheduler.counts.reservationsHeld >= pods
        }
        await scheduler.service.flushPlacementRecords()
        let recreated = try await phase(scheduler, label: "recreated pods")
        await scheduler.service.stop()
        return Result(nodes: nodes, pods: pods, owners: owners, newPods: newPods, recreated: recreated)
    }

    /// Creates every pod and waits for all to be bound.
    private func phase(_ scheduler: MeasuredScheduler, label: String) async throws -> Phase {
        // Encoded before the clock starts, and sent untyped: the creators only generate load, and
        // encoding each pod or decoding each answer into a Pod would take CPU from what is measured.
        let bodies = try (0..<pods).map { index in
            var pod = Self.pod(index, owners: owners)
            pod.fillTypeMeta()
            return try KubeJSON.encodeToValue(pod)
        }
        let countsBefore = scheduler.counts
        let samplesBefore = Samples(scheduler.metrics)
        let start = ContinuousClock.now
        let cpuStart = ProcessCPU.seconds()
        let machineStart = MachineCPUTimes.now()
        try await concurrentlyForEach(pods, concurrency: concurrency, label: "creating \(pods) \(label)") { index in
            _ = try await client.create(Pod.resourceType, bodies[index], namespace: Self.namespace)
        }
        let createSeconds = (ContinuousClock.now - start).inSeconds
        var progress = Progress("\(label) bound", total: pods)
        try await BenchWait.until("\(pods) \(label) bound", every: .milliseconds(10)) {
            let binds = scheduler.counts.since(countsBefore).binds
            progress.update(min(binds, pods))
            return binds >= pods
        }
        let seconds = (ContinuousClock.now - start).inSeconds
        let cpuSeconds = ProcessCPU.seconds() - cpuStart
        let machineEnd = MachineCPUTimes.now()
        let stolen = machineStart.flatMap { start in machineEnd.map { $0.stolenFraction(since: start) * 100 } }
        let counts = scheduler.counts.since(countsBefore)
        let samples = Samples(scheduler.metrics).since(samplesBefore)
        let algorithm = samples.algorithm
        let binds = samples.binds
        let count = Double(pods)
        return Phase(
            seconds: seconds, createSeconds: createSeconds, podsPerSecond: count / seconds,
            algorithmP50Milliseconds: algorithm.percentile(50) * 1000,
            algorithmP99Milliseconds: algorithm.percentile(99) * 1000,
            bindP50Milliseconds: binds.percentile(50) * 1000, bindP99Milliseconds: binds.percentile(99) * 1000,
            nodeEvaluationsPerPod: Double(counts.nodeEvaluations) / count,
            scoreCallsPerPod: Double(counts.scoreCalls) / count,
            stickyBinds: counts.stickyBinds, fallbacks: counts.fallbacks,
            bindFailures: counts.bindFailures, peakMemoryMiB: ProcessMemory.peakResidentMiB(),
            processCPUMillisecondsPerPod: cpuSeconds * 1000 / count, stolenCPUPercent: stolen)
    }

    /// The scheduler's timer samples (nanoseconds) so far: its algorithm, both paths, and its binds.
    struct Samples {
        var algorithm: [[Int64]]
        var binds: [Int64]

        init(_ metrics: TestMetrics) {
            typealias Names = SchedulerMetricNames
            algorithm = [Names.Path.new, Names.Path.sticky].map {
                metrics.samples(Names.algorithmDuration, [(Names.Label.path, $0)])
            }
            binds = metrics.samples(Names.bindingDuration, [(Names.Label.result, Names.Result.bound)])
        }

        /// Latencies of what was recorded after `earlier`.
        func since(_ earlier: Samples) -> (algorithm: LatencySamples, binds: LatencySamples) {
            var algorithmSamples = LatencySamples()
            for (path, before) in zip(algorithm, earlier.algorithm) {
                for sample in path.dropFirst(before.count) { algorithmSamples.add(Double(sample) / 1e9) }
            }
            var bindSamples = LatencySamples()
            for sample in binds.dropFirst(earlier.binds.count) { bindSamples.add(Double(sample) / 1e9) }
            return (algorithmSamples, bindSamples)
        }
    }

    // MARK: Objects

    /// `<set>-<ordinal>`, as a StatefulPodSet names its pods: pod `index` is ordinal `index / owners` of
    /// owner `index % owners`, so the owners' pods are created interleaved.
    static func podName(_ index: Int, owners: Int) -> String { "bench-\(index % owners)-\(index / owners)" }

    /// 8 cpu, 32Gi, 110 pods, Ready, in one of 3 zones.
    static func node(_ index: Int) -> Node {
        let name = "bench-node-\(index)"
        return Node(
            metadata: ObjectMeta(
                name: name,
                labels: ["kubernetes.io/hostname": name, "topology.kubernetes.io/zone": "zone-\(index % 3)"]),
            status: NodeStatus(
                capacity: ["cpu": "8", "memory": "32Gi", "pods": "110"],
                allocatable: ["cpu": "8", "memory": "32Gi", "pods": "110"],
                conditions: [NodeCondition(type: "Ready", status: "True", lastTransitionTime: .now())]))
    }

    /// A pod of owner `index % owners` (a fake StatefulPodSet: same UID in both phases).
    static func pod(_ index: Int, owners: Int) -> Pod {
        let owner = index % owners
        var metadata = ObjectMeta(name: podName(index, owners: owners), namespace: namespace, labels: ["app": "bench-\(owner)"])
        metadata.ownerReferences = [
            OwnerReference(
                apiVersion: "stead.dev/v1alpha1", kind: "StatefulPodSet", name: "bench-\(owner)",
                uid: "bench-owner-uid-\(owner)", controller: true)
        ]
        let container = Container(
            name: "main", image: "busybox", resources: ResourceRequirements(requests: ["cpu": "100m", "memory": "128Mi"]))
        return Pod(metadata: metadata, spec: PodSpec(containers: [container], schedulerName: "stead"))
    }
}
