import ArgumentParser
import KubeClient
import KubeModel
import Logging
import NodeSim
import SteadRuntime

/// The options of a benchmark that runs on an existing cluster instead of an embedded API server.
struct ClusterBenchOptions: ParsableArguments {
    @Option(
        help: """
            Run on this cluster instead of an embedded API server: NodeSim registers --nodes nodes into it, and \
            the cluster's own components and Stead's do the same work side by side.
            """)
    var kubeconfig: String?

    @Option(help: "With --kubeconfig: Stead's client request limit per second (stead run's default).")
    var qps: Double = 50

    @Option(help: "With --kubeconfig: Stead's client burst (stead run's default).")
    var burst: Int = 100

    @Option(help: "With --kubeconfig: the control plane's process id, to report its CPU time.")
    var controlPlanePid: Int32?

    /// A client of the kubeconfig's user without a rate limit: the benchmark's own requests never set the pace.
    func adminClient(kubeconfig: String) throws -> KubeClient {
        var configuration = try ClientConfiguration.fromKubeconfigFile(path: kubeconfig)
        configuration.qps = 0
        return try KubeClient(configuration: configuration, logger: Logger(label: "stead.bench.client"))
    }
}

/// What a benchmark makes on a cluster and removes afterwards: a namespace of its own and a pool of
/// simulated nodes, labelled so that the benchmark's pods go to them only.
enum ClusterBenchPool {
    /// The nodes' name prefix and label (`stead-bench: "true"`), and the pods' node selector.
    static let label = "stead-bench"

    static func createNamespace(_ admin: KubeClient) async throws -> String {
        let namespace = "\(label)-\(String(UInt32.random(in: 0...UInt32.max), radix: 36))"
        _ = try await admin.create(Namespace(metadata: ObjectMeta(name: namespace)))
        return namespace
    }

    /// `nodes` nodes in 3 zones, named and labelled for the pool.
    static func nodes(_ nodes: Int) -> NodeSimConfiguration {
        NodeSimConfiguration(nodeCount: nodes, zones: 3, namePrefix: "\(label)-", labels: [label: "true"])
    }

    /// Stops the simulated nodes, deletes them and the namespace (with what is left in it).
    static func remove(_ admin: KubeClient, _ simulator: NodeSimulator, namespace: String) async {
        await simulator.stop()
        try? await admin.delete(Namespace.self, name: namespace)
        for node in simulator.nodeNames { try? await admin.delete(Node.self, name: node) }
    }
}
