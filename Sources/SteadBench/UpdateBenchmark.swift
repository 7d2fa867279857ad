import Foundation
import KubeClient
import KubeModel
import Logging
import NodeSim
import SteadController
import SteadRuntime
import SteadScheduler
import SteadTestSupport
import Workloads

/// One cluster (embedded API server, NodeSim, Stead's scheduler and controller, all in this process),
/// one StatefulPodSet per update policy, the same change rolled out to each: what each policy costs.
/// `Recreate` is what plain Kubernetes does (delete, recreate, schedule anew): the baseline.
struct UpdateBenchmark {
    let cluster: BenchCluster
    let replicas: Int
    let change: TemplateChange
    let maxUnavailable: Int
    let policies: [PodUpdatePolicy]

    static let namespace = "default"

    struct PolicyResult: Encodable {
        var policy: String
        var seconds: Double
        var schedulingAttempts: Int
        var nodeEvaluations: Int
        var stickyBinds: Int
        var schedulerAlgorithmMilliseconds: Double
        var apiRequests: Int
        var podsChangedNode: Int
        var podsChangedIP: Int
        var podsChangedUID: Int
        var peakUnavailable: Int
        var updatedInPlace: Int
        var recreatedOnSameNode: Int
        var rescheduled: Int
    }

    struct Result: Encodable {
        var nodes: Int
        var replicas: Int
        var change: String
        var maxUnavailable: Int
        var policies: [PolicyResult]

        func table() -> String {
            var table = TextTable(["measure"] + policies.map(\.policy))
            func row(_ name: String, _ value: (PolicyResult) -> String) { table.add([name] + policies.map(value)) }
            table.add(["nodes / replicas / change"] + policies.map { _ in "\(nodes) / \(replicas) / \(change)" })
            row("wall time to complete") { String(format: "%.2f s", $0.seconds) }
            row("scheduling attempts (filter+score)") { "\($0.schedulingAttempts)" }
            row("node evaluations") { "\($0.nodeEvaluations)" }
            row("sticky binds (1 node checked)") { "\($0.stickyBinds)" }
            row("scheduler algorithm time") { String(format: "%.1f ms", $0.schedulerAlgorithmMilliseconds) }
            row("API requests (all components)") { "\($0.apiRequests)" }
            row("pods that changed node") { "\($0.podsChangedNode)" }
            row("pods that changed IP") { "\($0.podsChangedIP)" }
            row("pods recreated (new UID)") { "\($0.podsChangedUID)" }
            row("peak unavailable") { "\($0.peakUnavailable)" }
            row("in place / same node / rescheduled") {
                "\($0.updatedInPlace) / \($0.recreatedOnSameNode) / \($0.rescheduled)"
            }
            var text = table.render()
            if let baseline = policies.first(where: { $0.policy == UpdateBenchmark.statefulSetRow }) {
                text += "\n" + ratios(to: baseline)
            }
            return text
        }

        /// One line per policy: how it compares with the StatefulSet controller's rollout.
        private func ratios(to baseline: PolicyResult) -> String {
            policies.filter { $0.policy != baseline.policy }.map { result in
                String(
                    format: "%@ vs StatefulSet: %.2fx the wall time, %.2fx the API requests, %d vs %d scheduling attempts, %d vs %d node evaluations",
                    result.policy, result.seconds / max(baseline.seconds, 1e-9),
                    Double(result.apiRequests) / Double(max(baseline.apiRequests, 1)), result.schedulingAttempts,
                    baseline.schedulingAttempts, result.nodeEvaluations, baseline.nodeEvaluations)
            }.joined(separator: "\n")
        }
    }

    func run() async throws -> Result {
        var results: [PolicyResult] = [try await measureStatefulSet()]
        for policy in policies {
            results.append(try await measure(policy))
        }
        return Result(
            nodes: cluster.nodeCount, replicas: replicas, change: change.rawValue, maxUnavailable: maxUnavailable,
            policies: results)
    }

    /// Creates the policy's set, waits for every pod to be Ready, rolls the change out and measures it.
    private func measure(_ policy: PodUpdatePolicy) async throws -> PolicyResult {
        let name = "bench-" + policy.rawValue.lowercased()
        let client = cluster.client
        var result = try await measureRollout(
            name, title: policy.rawValue,
            create: { _ = try await client.create(makeSet(name, policy: policy)) },
            change: {
                try await client.patch(StatefulPodSet.self, name: name, namespace: Self.namespace, patch: .json(change.patch))
                    .metadata.generation ?? 2
            },
            waitForRollout: { try await waitForRollout(name, label: $0, generation: $1) })
        let status = try await client.get(StatefulPodSet.self, name: name, namespace: Self.namespace).status
        result.updatedInPlace = Int(status?.updatedInPlace ?? 0)
        result.recreatedOnSameNode = Int(status?.recreatedOnSameNode ?? 0)
        result.rescheduled = Int(status?.rescheduled ?? 0)
        return result
    }

    /// The baseline row: an apps/v1 StatefulSet of the same pods (default scheduler, Parallel), rolled
    /// out by the StatefulSet controller (`Workloads`) as Kubernetes rolls one out: each pod deleted and
    /// made again, one at a time from the highest ordinal, scheduled anew.
    static let statefulSetRow = "StatefulSet"

    private func measureStatefulSet() async throws -> PolicyResult {
        let name = "bench-statefulset"
        let resource = StatefulSet.resourceType
        let client = cluster.client
        let container: JSONValue = [
            "name": "app", "image": "nginx:1.25", "resources": ["requests": ["cpu": "100m", "memory": "64Mi"]],
        ]
        let set: JSONValue = [
            "apiVersion": "apps/v1", "kind": "StatefulSet", "metadata": ["name": .string(name)],
            "spec": [
                "replicas": .int(Int64(replicas)), "serviceName": .string(name), "podManagementPolicy": "Parallel",
                "selector": ["matchLabels": ["app": .string(name)]],
                "template": ["metadata": ["labels": ["app": .string(name)]], "spec": ["containers": [container]]],
            ],
        ]
        var result = try await measureRollout(
            name, title: Self.statefulSetRow,
            create: { _ = try await client.create(resource, set, namespace: Self.namespace) },
            change: {
                try await client.patch(resource, name: name, namespace: Self.namespace, patch: .json(change.patch))[
                    "metadata"]?["generation"]?.intValue ?? 2
            },
            waitForRollout: { try await waitForStatefulSet(name, label: $0, generation: $1) })
        result.rescheduled = result.podsChangedUID
        _ = try await client.delete(resource, name: name, namespace: Self.namespace)
        return result
    }

    /// One rollout measured: the workload created and waited for, then the change made and rolled out,
    /// with what the scheduler, the components and the pods did meanwhile. The status counts are left 0.
    private func measureRollout(
        _ name: String, title: String, create: () async throws -> Void, change: () async throws -> Int64,
        waitForRollout: (_ label: String, _ generation: Int64) async throws -> Void
    ) async throws -> PolicyResult {
        try await create()
        try await waitForRollout("\(title): creating \(replicas) pods", 1)
        let before = try await podsOf(name)
        let countsBefore = cluster.scheduler
        let algorithmBefore = algorithmNanoseconds()
        let requestsBefore = cluster.requestsSent
        let watcher = UnavailabilityWatcher(client: cluster.client, namespace: Self.namespace, set: name, replicas: replicas)
        let watching = Task { try await watcher.run() }
        defer { watching.cancel() }
        try await watcher.waitUntilSynced()
        let start = ContinuousClock.now
        let generation = try await change()
        try await waitForRollout("\(title): rolling out the \(self.change.rawValue) change", generation)
        let seconds = (ContinuousClock.now - start).inSeconds
        let apiRequests = cluster.requestsSent - requestsBefore
        let peakUnavailable = watcher.peak
        let after = try await podsOf(name)
        let counts = cluster.scheduler.since(countsBefore)
        return PolicyResult(
            policy: title, seconds: seconds, schedulingAttempts: counts.attempts,
            nodeEvaluations: counts.nodeEvaluations, stickyBinds: counts.stickyBinds,
            schedulerAlgorithmMilliseconds: Double(algorithmNanoseconds() - algorithmBefore) / 1e6, apiRequests: apiRequests,
            podsChangedNode: PodPlace.changed(before, after, \.node), podsChangedIP: PodPlace.changed(before, after, \.ip),
            podsChangedUID: PodPlace.changed(before, after, \.uid), peakUnavailable: peakUnavailable,
            updatedInPlace: 0, recreatedOnSameNode: 0, rescheduled: 0)
    }

    /// Waits until the StatefulSet has observed `generation` and every replica is updated and ready.
    private func waitForStatefulSet(_ name: String, label: String, generation: Int64) async throws {
        var progress = Progress(label, total: replicas)
        try await BenchWait.until(label) {
            guard let status = try? await cluster.client.get(StatefulSet.resourceType, name: name, namespace: Self.namespace)["status"]
            else { return false }
            func count(_ field: String) -> Int { Int(status[field]?.intValue ?? 0) }
            let done = min(count("updatedReplicas"), count("readyReplicas"))
            progress.update(min(done, replicas))
            return (status["observedGeneration"]?.intValue ?? 0) >= generation && done == replicas
                && count("replicas") == replicas
                && status["currentRevision"]?.stringValue == status["updateRevision"]?.stringValue
        }
    }

    /// The scheduler's time in its algorithm so far, both paths, in nanoseconds.
    private func algorithmNanoseconds() -> Int64 {
        typealias Names = SchedulerMetricNames
        return [Names.Path.new, Names.Path.sticky].flatMap {
            cluster.schedulerMetrics.samples(Names.algorithmDuration, [(Names.Label.path, $0)])
        }.reduce(0, +)
    }

    private func makeSet(_ name: String, policy: PodUpdatePolicy) -> StatefulPodSet {
        let labels: JSONValue = ["app": .string(name)]
        let container: JSONValue = [
            "name": "app", "image": "nginx:1.25",
            "resources": ["requests": ["cpu": "100m", "memory": "64Mi"]],
        ]
        let template = PodTemplateSpec(json: ["metadata": ["labels": labels], "spec": ["containers": [container]]])
        let spec = StatefulPodSetSpec(
            replicas: Int32(replicas), selector: LabelSelector(matchLabels: ["app": name]), template: template,
            podManagementPolicy: .parallel,
            updateStrategy: UpdateStrategy(
                rollingUpdate: RollingUpdateStrategy(
                    maxUnavailable: .int(maxUnavailable), inPlaceGracePeriodSeconds: 0,
                    podUpdatePolicy: policy)))
        return StatefulPodSet(metadata: ObjectMeta(name: name, namespace: Self.namespace), spec: spec)
    }

    /// Waits until the set has observed `generation` and every replica is updated and ready.
    private func waitForRollout(_ name: String, label: String, generation: Int64) async throws {
        var progress = Progress(label, total: replicas)
        try await BenchWait.until(label) {
            guard let set = try? await cluster.client.get(StatefulPodSet.self, name: name, namespace: Self.namespace),
                let status = set.status
            else { return false }
            let updated = Int(min(status.updatedReplicas ?? 0, status.readyReplicas ?? 0))
            progress.update(min(updated, replicas))
            return (status.observedGeneration ?? 0) >= generation && updated == replicas
                && Int(status.replicas) == replicas && status.currentRevision == status.updateRevision
        }
    }

    private func podsOf(_ name: String) async throws -> [String: PodPlace] {
        try await PodPlace.of(set: name, namespace: Self.namespace, client: cluster.client)
    }
}

/// The change a benchmark rolls out, as a JSON patch on the set's only container.
enum TemplateChange: String, CaseIterable, Sendable {
    /// Container image: in place through the kubelet.
    case image
    /// An environment variable: needs a new pod.
    case env
    /// CPU request: in place through `pods/resize`.
    case resources

    var patch: [JSONValue] {
        let container = "/spec/template/spec/containers/0"
        switch self {
        case .image:
            return [["op": "replace", "path": .string(container + "/image"), "value": "nginx:1.26"]]
        case .env:
            return [["op": "add", "path": .string(container + "/env"), "value": [["name": "BENCH", "value": "2"]]]]
        case .resources:
            return [["op": "replace", "path": .string(container + "/resources/requests/cpu"), "value": "150m"]]
        }
    }
}
