import Foundation
import KubeClient
import KubeModel
import MetricsTestKit
import SteadRuntime
import SteadScheduler
import SteadTestSupport

/// One workload of ``ClusterUpdateBenchmark``: create it, roll the change out, measure, delete it.
struct WorkloadRun {
    let benchmark: ClusterUpdateBenchmark
    let workload: BenchWorkload
    let namespace: String
    let kubelets: MeteredClient
    let stead: MeteredClient
    /// Where Stead's scheduler counts.
    let schedulerMetrics: TestMetrics

    private var admin: KubeClient { benchmark.admin }
    private var replicas: Int { benchmark.replicas }
    private var name: String { workload.objectName }

    func measure() async throws -> ClusterUpdateBenchmark.Row {
        let createStarted = ContinuousClock.now
        let created = try await admin.create(
            workload.resource, workload.object(replicas: replicas, maxUnavailable: benchmark.maxUnavailable),
            namespace: namespace)
        try await waitForRollout(generation: created["metadata"]?["generation"]?.intValue ?? 1, label: "creating")
        let createSeconds = (ContinuousClock.now - createStarted).inSeconds
        let before = try await podPlaces()

        let countsBefore = SchedulerCounts(read: schedulerMetrics.reading)
        let requestsBefore = try await apiServerWrites()
        let kubeletsBefore = kubelets.writes
        let steadBefore = stead.writes
        let attemptsBefore = try await kubeSchedulerAttempts()
        let cpuBefore = benchmark.controlPlanePID.flatMap(ClusterScheduleBenchmark.cpuSeconds)
        let watcher = UnavailabilityWatcher(client: admin, namespace: namespace, set: name, replicas: replicas)
        let watching = Task { try await watcher.run() }
        defer { watching.cancel() }
        try await watcher.waitUntilSynced()

        let rolloutStarted = ContinuousClock.now
        let patched = try await admin.patch(
            workload.resource, name: name, namespace: namespace, patch: .json(benchmark.change.patch))
        try await waitForRollout(generation: patched["metadata"]?["generation"]?.intValue ?? 2, label: "rolling out")
        let rolloutSeconds = (ContinuousClock.now - rolloutStarted).inSeconds
        let cpuAfter = benchmark.controlPlanePID.flatMap(ClusterScheduleBenchmark.cpuSeconds)
        // Writes that follow the last pod's readiness (the set's status, Events) are counted too.
        try await Task.sleep(for: .seconds(2))
        let counts = SchedulerCounts(read: schedulerMetrics.reading).since(countsBefore)
        let after = try await podPlaces()
        let row = ClusterUpdateBenchmark.Row(
            workload: workload.title, createSeconds: createSeconds, rolloutSeconds: rolloutSeconds,
            kubeSchedulerAttempts: Int(try await kubeSchedulerAttempts() - attemptsBefore),
            steadAttempts: counts.attempts, steadStickyBinds: counts.stickyBinds,
            steadNodeEvaluations: counts.nodeEvaluations,
            podsChangedNode: PodPlace.changed(before, after, \.node), podsChangedIP: PodPlace.changed(before, after, \.ip),
            podsChangedUID: PodPlace.changed(before, after, \.uid), peakUnavailable: watcher.peak,
            writes: counterGrowth(from: requestsBefore, to: try await apiServerWrites()),
            kubeletWrites: counterGrowth(from: kubeletsBefore, to: kubelets.writes),
            steadWrites: counterGrowth(from: steadBefore, to: stead.writes),
            controlPlaneCPUSeconds: cpuAfter.flatMap { after in cpuBefore.map { after - $0 } })
        try await delete()
        return row
    }

    /// Waits until the set has observed `generation` and every replica is updated and Ready: the same
    /// status fields for a StatefulSet and a StatefulPodSet.
    private func waitForRollout(generation: Int64, label: String) async throws {
        var progress = Progress("\(workload.title): \(label) \(replicas) pods", total: replicas)
        try await BenchWait.until("\(workload.title) \(label)", timeout: .seconds(1800), every: .milliseconds(50)) {
            let status = try await admin.get(workload.resource, name: name, namespace: namespace)["status"]
            func count(_ field: String) -> Int { Int(status?[field]?.intValue ?? 0) }
            let done = min(count("updatedReplicas"), count("readyReplicas"))
            progress.update(min(done, replicas))
            return (status?["observedGeneration"]?.intValue ?? 0) >= generation && done == replicas
                && count("replicas") == replicas
                && status?["currentRevision"]?.stringValue == status?["updateRevision"]?.stringValue
        }
    }

    private func delete() async throws {
        _ = try await admin.delete(
            workload.resource, name: name, namespace: namespace, options: DeleteOptions(propagationPolicy: .background))
        try await BenchWait.until("\(workload.title)'s pods gone", timeout: .seconds(600), every: .milliseconds(200)) {
            try await admin.list(Pod.self, namespace: namespace, options: ListOptions(labelSelector: "app=\(name)", limit: 1))
                .items.isEmpty
        }
    }

    private func podPlaces() async throws -> [String: PodPlace] {
        try await PodPlace.of(set: name, namespace: namespace, client: admin)
    }

    private func apiServerWrites() async throws -> [String: Double] {
        try await PrometheusSamples.read("apiserver_request_total", from: admin).requestsByVerbAndResource.filter { isWrite($0.key) }
    }

    /// kube-scheduler's filter-and-score cycles so far (its metrics are served by the API server of k3s,
    /// which runs both in one process); 0 where the API server does not serve them.
    private func kubeSchedulerAttempts() async throws -> Double {
        try await PrometheusSamples.read("scheduler_schedule_attempts_total", from: admin).total
    }
}

/// Where a pod ran: which of these an update changed.
struct PodPlace: Equatable {
    var uid: String
    var node: String
    var ip: String

    /// Where each pod of a benchmark's set (label `app=<set>`) runs, by pod name.
    static func of(set: String, namespace: String, client: KubeClient) async throws -> [String: PodPlace] {
        let pods = try await client.listAll(Pod.self, namespace: namespace, options: ListOptions(labelSelector: "app=\(set)"))
        return pods.items.reduce(into: [:]) { places, pod in
            places[pod.name] = PodPlace(uid: pod.metadata.uid ?? "", node: pod.spec?.nodeName ?? "", ip: pod.status?.podIP ?? "")
        }
    }

    static func changed(_ before: [String: PodPlace], _ after: [String: PodPlace], _ field: KeyPath<PodPlace, String>) -> Int {
        before.filter { name, place in after[name].map { $0[keyPath: field] != place[keyPath: field] } ?? true }.count
    }
}
