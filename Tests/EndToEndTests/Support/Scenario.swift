import Foundation
import KubeClient
import KubeModel
import SteadAPI
import SteadTestSupport
import SteadController

/// One scenario on the real cluster: its own namespace and simulated nodes, Stead's leader running,
/// and the views a test asserts on (objects through watches, Events, what kubectl prints). Everything
/// it made is removed afterwards, whatever happened.
struct Scenario: Sendable {
    let name: String
    let namespace: String
    let pool: SimulatedPool
    let installation: Installation

    var admin: KubeClient { installation.admin }
    var kubectl: Kubectl { installation.kubectl }

    static func run(
        _ name: String, nodes: Int = 3, cpu: Quantity = "4", memory: Quantity = "8Gi",
        _ body: (Scenario) async throws -> Void
    ) async throws {
        let installation = try await Installation.shared()
        _ = try await installation.replicas.leader()
        let prefix = "e2e-\(E2EConfiguration.runID)-\(name)"
        let pool = try await SimulatedPool.start(
            name: prefix, nodes: nodes, cpu: cpu, memory: memory, client: installation.admin)
        let scenario = Scenario(name: name, namespace: prefix, pool: pool, installation: installation)
        do {
            try await installation.kubectl.succeed(["create", "namespace", prefix])
            try await body(scenario)
        } catch {
            await scenario.tearDown()
            throw error
        }
        await scenario.tearDown()
    }

    /// Deletes the namespace while the simulated kubelets still confirm pod deletions, then the nodes.
    private func tearDown() async {
        _ = try? await kubectl.run(["delete", "namespace", namespace, "--wait=true", "--timeout=120s"])
        await pool.remove()
    }

    /// `kubectl apply` (after a server-side dry run) in the scenario's namespace.
    @discardableResult
    func apply(_ manifest: JSONValue) async throws -> String {
        try await kubectl.apply(String(decoding: manifest.serialized(), as: UTF8.self), namespace: namespace)
    }

    /// `kubectl patch sps <set> --type=merge -p <patch>` (lists are replaced whole: for the template's
    /// containers use ``editSet(_:_:)``).
    func patchSet(_ set: String, _ patch: JSONValue) async throws {
        try await kubectl.succeed([
            "patch", "statefulpodset", set, "-n", namespace, "--type=merge",
            "-p", String(decoding: patch.serialized(), as: UTF8.self),
        ])
    }

    /// `kubectl patch sps <set> --type=json -p <operations>`, as the README shows it.
    func editSet(_ set: String, _ operations: [JSONValue]) async throws {
        try await kubectl.succeed([
            "patch", "statefulpodset", set, "-n", namespace, "--type=json",
            "-p", String(decoding: JSONValue.array(operations).serialized(), as: UTF8.self),
        ])
    }

    /// A JSON patch operation on the set's first container.
    static func container(_ field: String, _ value: JSONValue, op: String = "replace") -> JSONValue {
        ["op": .string(op), "path": .string("/spec/template/spec/containers/0/\(field)"), "value": value]
    }

    func set(_ name: String) async throws -> StatefulPodSet {
        try await admin.get(StatefulPodSet.self, name: name, namespace: namespace)
    }

    /// The set's pods through a watch (start it before the change it is to observe).
    func watchPods(of set: String) async throws -> Watched<Pod> {
        try await Watched.start(client: admin, namespace: namespace, labelSelector: "\(SteadKeys.set)=\(set)")
    }

    func watchSets() async throws -> Watched<StatefulPodSet> {
        try await Watched.start(client: admin, namespace: namespace)
    }

    /// Waits until the set's status says its rollout is complete for its current generation.
    @discardableResult
    func waitForRollout(_ name: String, timeout: Duration = .seconds(120)) async throws -> StatefulPodSet {
        let sets = try await watchSets()
        defer { Task { await sets.stop() } }
        let done = try await sets.waitUntil("\(name) rolled out", timeout: timeout) { sets in
            sets.first { $0.name == name }.map(Self.isRolledOut) ?? false
        }
        return done.first { $0.name == name }!
    }

    static func isRolledOut(_ set: StatefulPodSet) -> Bool {
        guard let status = set.status, status.observedGeneration == set.metadata.generation else { return false }
        let replicas = set.spec.replicas ?? 1
        return status.replicas == replicas && status.readyReplicas == replicas && status.updatedReplicas == replicas
            && status.updateRevision == status.currentRevision
    }

    /// The set's pods by ordinal.
    func pods(of set: String) async throws -> [Int: Pod] {
        let list = try await admin.list(
            Pod.self, namespace: namespace, options: ListOptions(labelSelector: "\(SteadKeys.set)=\(set)"))
        var pods: [Int: Pod] = [:]
        for pod in list.items {
            if let ordinal = Int(pod.metadata.labels?[SteadKeys.podIndex] ?? "") { pods[ordinal] = pod }
        }
        return pods
    }

    /// Events of the namespace with `reason`, about objects whose name starts with `about`.
    /// The namespace's Events with `reason` (about objects whose name starts with `about`), once there
    /// are at least `count`: Events are written after the work they report, from the recorder's queue.
    func events(reason: String, about: String? = nil, atLeast count: Int = 1) async throws -> [Event] {
        let events = try await Watched<Event>.start(client: admin, namespace: namespace)
        defer { Task { await events.stop() } }
        let matching: @Sendable ([Event]) -> [Event] = { events in
            events.filter { event in
                event.reason == reason && (about.map { event.involvedObject.name?.hasPrefix($0) ?? false } ?? true)
            }
        }
        return matching(try await events.waitUntil("\(count) \(reason) Events") { matching($0).count >= count })
    }

    /// `kubectl get <arguments> -n <namespace>`'s output.
    func get(_ arguments: [String]) async throws -> String {
        try await kubectl.succeed(["get"] + arguments + ["-n", namespace])
    }
}

extension Pod {
    var isRunningAndReady: Bool { status?.phase == "Running" && isReady && !isTerminating }
}
