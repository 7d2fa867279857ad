import ControlPlane
import KubeClient
import Logging
import MetricsTestKit
import NodeSim
import SteadController
import SteadRuntime
import SteadScheduler
import SteadTestSupport
import Workloads

/// A whole cluster in this process for benchmarks: the embedded API server, NodeSim's kubelets, the
/// workload controllers and Stead's scheduler and controller (as `stead up` runs them: Stead places the
/// `default-scheduler` pods too). The components, the workload controllers and the kubelets each have
/// their own client, whose requests count in ``clientMetrics``, apart from the benchmark's own reads;
/// the scheduler counts in ``schedulerMetrics``.
struct BenchCluster {
    let api: TestAPIServer
    let nodeCount: Int
    let clientMetrics: TestMetrics
    let schedulerMetrics: TestMetrics
    private let componentsClient: KubeClient
    private let kubeletClient: KubeClient
    private let simulator: NodeSimulator
    private let components: SteadComponents
    private let workloadsClient: KubeClient
    private let workloads: WorkloadControllers

    /// The benchmark's own client: its requests are not counted.
    var client: KubeClient { api.client }
    var scheduler: SchedulerCounts { SchedulerCounts(read: schedulerMetrics.reading) }

    /// Requests sent so far by the scheduler, the controller and the kubelets.
    var requestsSent: Int { Int(clientMetrics.counterTotal(label: "kubeclient_requests_total")) }

    static func start(nodes: Int, zones: Int, logger: Logger) async throws -> BenchCluster {
        let api = try await TestAPIServer.start(label: "stead-bench") {
            $0.watchHistoryLimit = 200_000
            $0.watchBufferSize = 200_000
        }
        let clientMetrics = TestMetrics()
        let schedulerMetrics = TestMetrics()
        let kubeletClient = try api.makeClient(metricsFactory: clientMetrics)
        var configuration = NodeSimConfiguration(nodeCount: nodes, zones: zones)
        configuration.podWorkers = 32
        configuration.registrationConcurrency = 32
        let simulator = NodeSimulator(
            client: kubeletClient, configuration: configuration, logger: logger.labelled("stead.bench.nodesim"))
        try await simulator.start()
        try await StatefulPodSetCRD.install(using: api.client)
        let componentsClient = try api.makeClient(metricsFactory: clientMetrics)
        let components = SteadComponents(
            client: componentsClient,
            options: ComponentOptions(plainSchedulerNames: ["default-scheduler"], controllerWorkers: 8),
            readiness: Readiness(), logger: logger, schedulerMetrics: schedulerMetrics)
        try await components.start()
        let workloadsClient = try api.makeClient(metricsFactory: clientMetrics)
        let workloads = WorkloadControllers(client: workloadsClient, logger: logger.labelled("stead.bench.workloads"))
        try await workloads.start()
        return BenchCluster(
            api: api, nodeCount: nodes, clientMetrics: clientMetrics, schedulerMetrics: schedulerMetrics,
            componentsClient: componentsClient, kubeletClient: kubeletClient,
            simulator: simulator, components: components, workloadsClient: workloadsClient, workloads: workloads)
    }

    func stop() async {
        await workloads.stop()
        try? await workloadsClient.shutdown()
        await components.stop()
        await simulator.stop()
        try? await componentsClient.shutdown()
        try? await kubeletClient.shutdown()
        await api.stop()
    }
}
