import ControlPlane
import Foundation
import KubeClient
import KubeModel
import NodeSim
import SteadScheduler
import SteadTestSupport
import Synchronization
import Testing

@testable import Workloads

/// The suites that each start a ``WorkloadCluster`` per test, nested here to run one test at a time:
/// side by side with the rest of the suite, several clusters at once overloaded a 2-core machine and
/// slowed unrelated time-bound tests past their limits. (JobControllerTests, a lane of its own, waits
/// on the clock for most of its time.)
@Suite(.serialized) enum WorkloadClusterTests {}

/// The workload controllers against the real embedded API server, as `stead up` runs them: simulated
/// nodes that make pods Ready, Stead's scheduler placing the pods of `default-scheduler`, and
/// ``WorkloadControllers``. Objects live in `default`.
struct WorkloadCluster {
    static let namespace = "default"

    let api: TestAPIServer
    var client: KubeClient { api.client }
    /// The watches a test started, stopped with the cluster.
    private let watches = Watches()

    /// Runs `body` against a fresh cluster of `nodes` simulated nodes, stopped afterwards whatever happens.
    static func with(
        nodes: Int = 3, startLatency: Duration = .milliseconds(40), _ body: (WorkloadCluster) async throws -> Void
    ) async throws {
        try await withAPIServer(label: "workloads-it") { api in
            let simulator = NodeSimulator(
                client: api.client,
                configuration: NodeSimConfiguration(
                    nodeCount: nodes, startLatency: startLatency, restartLatency: .milliseconds(50),
                    crashLoopInterval: .milliseconds(200), leaseRenewInterval: .seconds(1), nodeStatusInterval: .seconds(5)),
                logger: quietLogger("test.nodesim"))
            var configuration = SchedulerConfiguration(
                bindConcurrency: 8, unschedulableRetryInterval: .seconds(1), housekeepingInterval: .milliseconds(200),
                persistPlacements: false)
            configuration.plainSchedulerNames = ["default-scheduler"]
            let scheduler = SchedulerService(client: api.client, configuration: configuration, logger: quietLogger("test.scheduler"))
            let controllers = WorkloadControllers(client: api.client, logger: quietLogger("test.workloads"))
            let cluster = WorkloadCluster(api: api)
            func stopAll() async {
                await cluster.watches.stopAll()
                await controllers.stop()
                await scheduler.stop()
                await simulator.stop()
            }
            do {
                try await simulator.start()
                try await scheduler.start()
                try await controllers.start()
                try await body(cluster)
            } catch {
                await stopAll()
                throw error
            }
            await stopAll()
        }
    }

    // MARK: Objects

    /// A pod template of one container labelled `app: <app>`, with small requests.
    static func template(app: String, image: String) -> JSONValue {
        [
            "metadata": ["labels": ["app": .string(app), "tier": "web"]],
            "spec": [
                "containers": [
                    [
                        "name": "main", "image": .string(image),
                        "resources": ["requests": ["cpu": "10m", "memory": "16Mi"]],
                    ]
                ]
            ],
        ]
    }

    @discardableResult
    func createReplicaSet(_ name: String, replicas: Int64, image: String = "web:1") async throws -> ReplicaSet {
        let body: JSONValue = [
            "apiVersion": "apps/v1", "kind": "ReplicaSet",
            "metadata": ["name": .string(name), "namespace": .string(Self.namespace)],
            "spec": [
                "replicas": .int(replicas), "selector": ["matchLabels": ["app": .string(name)]],
                "template": Self.template(app: name, image: image),
            ],
        ]
        return try KubeJSON.decode(ReplicaSet.self, from: try await client.create(ReplicaSet.resourceType, body, namespace: Self.namespace))
    }

    /// A Deployment of `replicas` pods of `image` (`<name>:1` unless told); `strategy` and the `spec`
    /// fields in `extra` as given, else the API's defaults.
    @discardableResult
    func createDeployment(
        _ name: String, replicas: Int64, image: String? = nil, strategy: JSONValue? = nil, extra: JSONObject = [:]
    ) async throws -> Deployment {
        var spec: JSONObject = [
            "replicas": .int(replicas), "selector": ["matchLabels": ["app": .string(name)]],
            "template": Self.template(app: name, image: image ?? "\(name):1"),
        ]
        if let strategy { spec["strategy"] = strategy }
        spec.merge(extra) { _, new in new }
        let body: JSONValue = [
            "apiVersion": "apps/v1", "kind": "Deployment",
            "metadata": ["name": .string(name), "namespace": .string(Self.namespace)],
            "spec": .object(spec),
        ]
        return try KubeJSON.decode(Deployment.self, from: try await client.create(Deployment.resourceType, body, namespace: Self.namespace))
    }

    /// Changes the Deployment's image (a new pod template: a rollout); returns the new generation.
    @discardableResult
    func setImage(_ deployment: String, _ image: String) async throws -> Int64 {
        try await patch(deployment, ["spec": ["template": Self.template(app: deployment, image: image)]])
    }

    /// Merge-patches the Deployment; returns its generation.
    @discardableResult
    func patch(_ deployment: String, _ patch: JSONValue) async throws -> Int64 {
        let patched = try await client.patch(Deployment.self, name: deployment, namespace: Self.namespace, patch: .merge(patch))
        return patched.generation
    }

    /// A Job of pods labelled `app: <name>` running `command` (a `sleep` sets how long, NodeSim's
    /// `ContainerExit`); the `spec` fields in `extra` as given, else the API's defaults.
    @discardableResult
    func createJob(
        _ name: String, image: String = "busybox:1", command: [String] = ["sleep", "1"], restartPolicy: String = "Never",
        extra: JSONObject = [:]
    ) async throws -> Job {
        let container: JSONValue = [
            "name": "main", "image": .string(image), "command": .array(command.map(JSONValue.string)),
            "resources": ["requests": ["cpu": "10m", "memory": "16Mi"]],
        ]
        let template: JSONValue = [
            "metadata": ["labels": ["app": .string(name)]],
            "spec": ["restartPolicy": .string(restartPolicy), "containers": [container]],
        ]
        var spec: JSONObject = ["template": template]
        spec.merge(extra) { _, new in new }
        let body: JSONValue = [
            "apiVersion": "batch/v1", "kind": "Job",
            "metadata": ["name": .string(name), "namespace": .string(Self.namespace)], "spec": .object(spec),
        ]
        return try KubeJSON.decode(Job.self, from: try await client.create(Job.resourceType, body, namespace: Self.namespace))
    }

    func watchJobs() async throws -> Watched<Job> {
        try await watches.keep(Watched<Job>.start(client: client, namespace: Self.namespace))
    }

    /// The Events about `name` with `reason`, once there are at least `count` (Events are written after
    /// the work they report, from the recorder's queue).
    func events(about name: String, reason: String, count: Int = 1) async throws -> [Event] {
        let events = try await watches.keep(Watched<Event>.start(client: client, namespace: Self.namespace))
        let matching: @Sendable ([Event]) -> [Event] = { $0.filter { $0.involvedObject.name == name && $0.reason == reason } }
        return matching(try await events.waitUntil("\(count) \(reason) Events about \(name)", timeout: .seconds(30)) {
            matching($0).count >= count
        })
    }

    func watchCronJobs() async throws -> Watched<CronJob> {
        try await watches.keep(Watched<CronJob>.start(client: client, namespace: Self.namespace))
    }

    /// A finalizer of the tests' own: a pod holding it stays terminating once deleted, as a pod whose
    /// containers take their grace period to stop.
    static let holdFinalizer = "workloads.test.stead.dev/hold"

    /// Holds the pods (``holdFinalizer``) or lets them go.
    func hold(_ pods: [Pod], _ held: Bool = true) async throws {
        for pod in pods {
            _ = try await client.patch(
                Pod.self, name: pod.name, namespace: Self.namespace,
                patch: .merge(["metadata": ["finalizers": held ? [.string(Self.holdFinalizer)] : .null]]))
        }
    }

    /// Follows pods (list + watch) whose labels match `selector`, until the cluster stops.
    func watchPods(_ selector: String) async throws -> Watched<Pod> {
        try await watches.keep(Watched<Pod>.start(client: client, namespace: Self.namespace, labelSelector: selector))
    }

    func watchDeployments() async throws -> Watched<Deployment> {
        try await watches.keep(Watched<Deployment>.start(client: client, namespace: Self.namespace))
    }

    func watchDisruptionBudgets() async throws -> Watched<PodDisruptionBudget> {
        try await watches.keep(Watched<PodDisruptionBudget>.start(client: client, namespace: Self.namespace))
    }

    func watchReplicaSets() async throws -> Watched<ReplicaSet> {
        try await watches.keep(Watched<ReplicaSet>.start(client: client, namespace: Self.namespace))
    }
}

/// Stops every watch a test started, whatever way the test ends.
private final class Watches: Sendable {
    private let stops = Mutex<[@Sendable () async -> Void]>([])

    func keep<T>(_ watched: Watched<T>) -> Watched<T> {
        stops.withLock { $0.append { await watched.stop() } }
        return watched
    }

    func stopAll() async {
        for stop in stops.withLock({ $0 }) { await stop() }
    }
}

// MARK: What the tests read

extension Workload {
    /// A count of the status, 0 when unset.
    func count(_ field: String) -> Int64 { status?[field]?.intValue ?? 0 }
    var revision: Int64 { Int64(metadata.annotations?[DeploymentPlan.revisionAnnotation] ?? "") ?? 0 }
    var image: String? { spec?[path: ["template", "spec", "containers"]]?.arrayValue?.first?["image"]?.stringValue }
    var templateHash: String? { metadata.labels?[DeploymentPlan.hashLabel] }

    func condition(_ type: String) -> JSONValue? {
        status?["conditions"]?.arrayValue?.first { $0["type"]?.stringValue == type }
    }
}

extension Deployment {
    /// `kubectl rollout status`'s test of a finished rollout: the latest spec observed, every replica
    /// updated, no old replica left, every updated replica available.
    var rolloutComplete: Bool {
        count("observedGeneration") >= generation && count("updatedReplicas") == replicas
            && count("replicas") == count("updatedReplicas") && count("availableReplicas") == count("updatedReplicas")
    }
}

extension Pod {
    /// Ready and not being deleted (minReadySeconds 0): what a rollout must keep enough of.
    var servesTraffic: Bool { !isTerminating && isReady }
}

extension Array where Element == ReplicaSet {
    func owned(by deployment: Deployment) -> [ReplicaSet] {
        filter { $0.metadata.controllerReference?.uid == deployment.metadata.uid }.sorted { $0.revision < $1.revision }
    }
}
