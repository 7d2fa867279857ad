import ControlPlane
import KubeClient
import Logging
import NodeSim
import SteadController
import SteadScheduler

/// A whole cluster in this process for benchmarks: the embedded API server, NodeSim's kubelets and
/// Stead's scheduler and controller (``SteadComponents``, as `stead up` runs them). The components and
/// the kubelets each have their own client, so the API requests the cluster makes can be counted apart
/// from the benchmark's own reads.
struct BenchCluster {
    let api: InProcessAPIServer
    let nodeCount: Int
    private let componentsClient: KubeClient
    private let kubeletClient: KubeClient
    private let simulator: NodeSimulator
    private let components: SteadComponents

    /// The benchmark's own client: its requests are not counted.
    var client: KubeClient { api.client }
    var scheduler: SchedulerService { components.scheduler }

    /// Requests sent so far by the scheduler, the controller and the kubelets.
    var requestsSent: Int { componentsClient.requestsSent + kubeletClient.requestsSent }

    static func start(nodes: Int, zones: Int, logger: Logger) async throws -> BenchCluster {
        let api = try await InProcessAPIServer.start(
            watchHistoryLimit: 200_000, watchBufferSize: 200_000, label: "stead.bench.apiserver")
        let kubeletClient = try api.makeClient()
        var configuration = NodeSimConfiguration(nodeCount: nodes, zones: zones)
        configuration.podWorkers = 32
        configuration.registrationConcurrency = 32
        let simulator = NodeSimulator(
            client: kubeletClient, configuration: configuration, logger: logger.labelled("stead.bench.nodesim"))
        try await simulator.start()
        try await StatefulPodSetCRD.install(using: api.client)
        let componentsClient = try api.makeClient()
        let components = SteadComponents(
            client: componentsClient, options: ComponentOptions(controllerWorkers: 8), readiness: Readiness(),
            logger: logger)
        try await components.start()
        return BenchCluster(
            api: api, nodeCount: nodes, componentsClient: componentsClient, kubeletClient: kubeletClient,
            simulator: simulator, components: components)
    }

    func stop() async {
        await components.stop()
        await simulator.stop()
        try? await componentsClient.shutdown()
        try? await kubeletClient.shutdown()
        await api.stop()
    }
}
