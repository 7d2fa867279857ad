import Foundation
import KubeClient
import KubeModel
import Logging
import NodeSim
import Synchronization

/// One scenario's nodes: NodeSim registers them into the real cluster and plays their kubelets. They
/// carry the label `e2e.stead.dev/pool=<pool>`, and the scenario's pods select it, so scenarios never
/// share a node.
final class SimulatedPool: Sendable {
    static let label = "e2e.stead.dev/pool"
    private static let pools = Mutex(0)

    let name: String
    let simulator: NodeSimulator
    private let client: KubeClient

    var nodeNames: [String] { simulator.nodeNames }

    private init(name: String, simulator: NodeSimulator, client: KubeClient) {
        self.name = name
        self.simulator = simulator
        self.client = client
    }

    /// `nodes` nodes named `<pool>-<index>`, Ready once this returns. Heartbeats every 2 s, so that a
    /// node lifecycle controller with a short grace period never takes a live node for a lost one.
    static func start(
        name: String, nodes: Int, cpu: Quantity = "4", memory: Quantity = "8Gi", client: KubeClient
    ) async throws -> SimulatedPool {
        let number = pools.withLock { count in
            count += 1
            return count
        }
        var logger = Logger(label: "e2e.nodesim.\(name)")
        logger.logLevel = .warning
        let simulator = NodeSimulator(
            client: client,
            configuration: NodeSimConfiguration(
                nodeCount: nodes, zones: min(nodes, 3), cpu: cpu, memory: memory, namePrefix: "\(name)-",
                labels: [label: name], startLatency: .milliseconds(200), restartLatency: .milliseconds(300),
                crashLoopInterval: .seconds(2), leaseRenewInterval: .seconds(2), nodeStatusInterval: .seconds(60),
                firstNodeIndex: number * 32),
            logger: logger)
        try await simulator.start()
        return SimulatedPool(name: name, simulator: simulator, client: client)
    }

    /// Stops the kubelets and removes the nodes (and their leases) from the cluster.
    func remove() async {
        await simulator.stop()
        for node in nodeNames {
            try? await client.delete(Node.self, name: node)
            try? await client.delete(Lease.self, name: node, namespace: "kube-node-lease")
        }
    }
}
