import ControlPlane
import Foundation
import KubeClient
import KubeModel
import SteadAPI
import SteadTestSupport
import Logging
import MetricsTestKit
import NodeSim
import SteadController
@testable import SteadScheduler

/// The whole system in one process: an embedded API server in a temp dir with the StatefulPodSet CRD
/// installed through the API, simulated nodes with fast latencies, Stead's scheduler and the controller.
struct ControllerEnvironment {
    static let namespace = "default"

    let api: TestAPIServer
    let simulator: NodeSimulator
    let scheduler: MeasuredScheduler
    let controller: StatefulPodSetController
    /// Where the controller counts (``ControllerMetrics``).
    let controllerMetrics: TestMetrics
    var client: KubeClient { api.client }
    var server: EmbeddedAPIServer { api.server }

    /// Runs `body` against a fresh cluster of `nodes` simulated nodes, stopped afterwards whatever happens.
    static func with(
        nodes: Int = 5, zones: Int = 1, startLatency: Duration = .milliseconds(30),
        _ body: (ControllerEnvironment) async throws -> Void
    ) async throws {
        try await withAPIServer(label: "controller-it") { api in
            let client = api.client
            let simulator = NodeSimulator(
                client: client,
                configuration: NodeSimConfiguration(
                    nodeCount: nodes, zones: zones, startLatency: startLatency, restartLatency: .milliseconds(50),
                    crashLoopInterval: .milliseconds(200), leaseRenewInterval: .seconds(1), nodeStatusInterval: .seconds(5)),
                logger: quietLogger("test.nodesim"))
            let scheduler = MeasuredScheduler(
                client: client,
                configuration: SchedulerConfiguration(
                    bindConcurrency: 8, unschedulableRetryInterval: .seconds(1), housekeepingInterval: .milliseconds(200)),
                logger: quietLogger("test.scheduler"))
            let controllerMetrics = TestMetrics()
            let controller = StatefulPodSetController(
                client: client, configuration: ControllerConfiguration(namespace: namespace, resyncPeriod: .seconds(5)),
                logger: quietLogger("test.controller"), metrics: controllerMetrics)
            let environment = ControllerEnvironment(
                api: api, simulator: simulator, scheduler: scheduler, controller: controller,
                controllerMetrics: controllerMetrics)
            do {
                try await StatefulPodSetCRD.install(using: client)
                try await simulator.start()
                try await scheduler.service.start()
                try await controller.start()
                try await body(environment)
            } catch {
                await environment.stopComponents()
                throw error
            }
            await environment.stopComponents()
        }
    }

    func stopComponents() async {
        await controller.stop()
        await scheduler.service.stop()
        await simulator.stop()
    }

    // MARK: Sets

    @discardableResult
    func create(_ set: StatefulPodSet) async throws -> StatefulPodSet {
        try await client.create(set, namespace: Self.namespace)
    }

    func set(_ name: String) async throws -> StatefulPodSet {
        try await client.get(StatefulPodSet.self, name: name, namespace: Self.namespace)
    }

    /// Changes the set's spec with a read-modify-write update, retrying on conflict.
    @discardableResult
    func update(_ name: String, _ change: (inout StatefulPodSet) -> Void) async throws -> StatefulPodSet {
        for _ in 0..<20 {
            var set = try await set(name)
            change(&set)
            do {
                return try await client.update(set, namespace: Self.namespace)
            } catch let error as KubeAPIError where error.isConflict {
                continue
            }
        }
        throw TimeoutError(what: "update of \(name) kept conflicting")
    }

    /// Waits until the set observed its latest generation and every replica runs the update revision,
    /// Ready; returns the set.
    @discardableResult
    func waitForRollout(_ name: String, timeout: Duration = .seconds(60)) async throws -> StatefulPodSet {
        var last: StatefulPodSet?
        do {
            try await eventually(timeout: timeout, "rollout of \(name)") {
                let set = try await set(name)
                last = set
                guard let status = set.status, status.observedGeneration == set.metadata.generation else { return false }
                let replicas = set.spec.replicas ?? 1
                return status.replicas == replicas && status.readyReplicas == replicas
                    && status.updatedReplicas == replicas && status.currentRevision == status.updateRevision
            }
        } catch {
            throw TimeoutError(what: "rollout of \(name); last status: \(String(describing: last?.status))")
        }
        return try await set(name)
    }

    // MARK: Pods and claims

    /// The set's pods by ordinal.
    func pods(of set: String) async throws -> [Int: Pod] {
        let list = try await client.list(
            Pod.self, namespace: Self.namespace, options: ListOptions(labelSelector: "\(SteadKeys.set)=\(set)"))
        var result: [Int: Pod] = [:]
        for pod in list.items {
            if let ordinal = Int(pod.metadata.labels?[SteadKeys.podIndex] ?? "") { result[ordinal] = pod }
        }
        return result
    }

    func claimNames(of set: String) async throws -> [String] {
        let list = try await client.list(
            PersistentVolumeClaim.self, namespace: Self.namespace,
            options: ListOptions(labelSelector: "\(SteadKeys.set)=\(set)"))
        return list.items.map(\.name).sorted()
    }

    /// The Events about `name` with `reason`, once there are at least `count` (Events are written
    /// after the work they report, from the recorder's queue).
    func events(about name: String, reason: String, count: Int = 1) async throws -> [Event] {
        let events = try await Watched<Event>.start(client: client, namespace: Self.namespace)
        defer { Task { await events.stop() } }
        let matching: @Sendable ([Event]) -> [Event] = { $0.filter { $0.involvedObject.name == name && $0.reason == reason } }
        return matching(try await events.waitUntil("\(count) \(reason) Events about \(name)") { matching($0).count >= count })
    }

    /// The Events about `name` with `reason` written so far, for a test that expects none.
    func eventsSoFar(about name: String, reason: String) async throws -> [Event] {
        try await client.list(Event.self, namespace: Self.namespace).items.filter {
            $0.involvedObject.name == name && $0.reason == reason
        }
    }

    func revisions(of set: String) async throws -> [ControllerRevision] {
        try await client.list(
            ControllerRevision.self, namespace: Self.namespace,
            options: ListOptions(labelSelector: "\(SteadKeys.set)=\(set)")
        ).items
    }
}
