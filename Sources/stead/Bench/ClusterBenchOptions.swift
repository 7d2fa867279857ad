import ArgumentParser
import KubeClient
import Logging

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
