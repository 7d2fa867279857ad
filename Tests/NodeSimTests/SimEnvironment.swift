import ControlPlane
import Foundation
import KubeClient
import KubeModel
import Logging
import MetricsTestKit
import NodeSim
import SteadTestSupport

/// A real embedded API server on a free port, a client, and a running NodeSimulator with short latencies.
struct SimEnvironment {
    let api: TestAPIServer
    let simulator: NodeSimulator
    /// Where the simulator counts.
    let metrics: TestMetrics
    var client: KubeClient { api.client }
    var server: EmbeddedAPIServer { api.server }

    static func testConfiguration(nodes: Int) -> NodeSimConfiguration {
        NodeSimConfiguration(
            nodeCount: nodes, zones: 2, startLatency: .milliseconds(30), restartLatency: .milliseconds(50),
            crashLoopInterval: .milliseconds(100), leaseRenewInterval: .milliseconds(200),
            nodeStatusInterval: .seconds(1))
    }

    static func with<R>(
        nodes: Int = 2, configure: (inout NodeSimConfiguration) -> Void = { _ in },
        _ body: (SimEnvironment) async throws -> R
    ) async throws -> R {
        try await withAPIServer(label: "nodesim") { api in
            var configuration = testConfiguration(nodes: nodes)
            configure(&configuration)
            let metrics = TestMetrics()
            let simulator = NodeSimulator(
                client: api.client, configuration: configuration, logger: quietLogger("nodesim"), metrics: metrics)
            let env = SimEnvironment(api: api, simulator: simulator, metrics: metrics)
            do {
                try await simulator.start()
                let result = try await body(env)
                await simulator.stop()
                return result
            } catch {
                await simulator.stop()
                throw error
            }
        }
    }

    func pod(_ name: String) async throws -> Pod {
        try await client.get(Pod.self, name: name, namespace: "default")
    }

    /// Polls the pod until `condition` holds; returns it.
    @discardableResult
    func waitForPod(
        _ name: String, timeout: Duration = .seconds(10), _ what: String, _ condition: (Pod) -> Bool
    ) async throws -> Pod {
        var last: Pod?
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if let pod = try? await pod(name) {
                last = pod
                if condition(pod) { return pod }
            }
            try await Task.sleep(for: .milliseconds(20))
        }
        throw TimeoutError(what: "\(what) (last status: \(String(describing: last?.status)))")
    }

    /// Every state of the pod after `resourceVersion`, read from a watch, up to the first that meets
    /// `condition`: a state that lasts only a moment cannot be missed as it can between two polls.
    func podStates(
        _ name: String, after resourceVersion: String?, timeout: Int = 20, until condition: (Pod) -> Bool
    ) async throws -> [Pod] {
        var states: [Pod] = []
        let options = WatchOptions(
            fieldSelector: "metadata.name=\(name)", resourceVersion: resourceVersion, timeoutSeconds: timeout)
        for try await event in client.watch(Pod.self, namespace: "default", options: options) {
            guard event.type == .added || event.type == .modified else { continue }
            let pod = event.object
            states.append(pod)
            if condition(pod) { return states }
        }
        throw TimeoutError(what: "pod \(name) (last status: \(String(describing: states.last?.status)))")
    }

    /// Changes the pod with a read-modify-write update, retrying on conflict.
    @discardableResult
    func updatePod(_ name: String, subresource: String? = nil, _ change: (inout Pod) -> Void) async throws -> Pod {
        for _ in 0..<20 {
            var pod = try await pod(name)
            change(&pod)
            do {
                return try await client.update(pod, subresource: subresource)
            } catch let error as KubeAPIError where error.isConflict {
                continue
            }
        }
        throw TimeoutError(what: "update of \(name) kept conflicting")
    }
}

func makePod(
    _ name: String, node: String, containers: [Container] = [Container(name: "app", image: "nginx:1.27")],
    finalizers: [String]? = nil
) -> Pod {
    var metadata = ObjectMeta(name: name, namespace: "default", labels: ["app": name])
    metadata.finalizers = finalizers
    return Pod(metadata: metadata, spec: PodSpec(containers: containers, nodeName: node))
}

func container(_ name: String, image: String = "nginx:1.27", cpu: Quantity? = nil, memory: Quantity? = nil) -> Container {
    var requests: [String: Quantity] = [:]
    if let cpu { requests["cpu"] = cpu }
    if let memory { requests["memory"] = memory }
    return Container(name: name, image: image, resources: requests.isEmpty ? nil : ResourceRequirements(requests: requests))
}

extension Pod {
    var isRunningAndReady: Bool { status?.phase == "Running" && isReady }
    func containerStatus(_ name: String) -> ContainerStatus? { status?.containerStatuses?.first { $0.name == name } }
}

extension SimEnvironment {
    /// What the simulator counted so far.
    var counts: NodeSimCounts { NodeSimCounts(read: { metrics.reading($0, []) }) }
}
