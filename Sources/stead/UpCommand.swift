import ArgumentParser
import ControlPlane
import Foundation
import KubeClient
import KubeModel
import Logging
import NodeSim
import Prometheus
import ServiceLifecycle
import SteadController
import SteadRuntime
import Workloads

struct UpCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "up",
        abstract: "Run a whole cluster in one process: API server, simulated nodes, Stead's controller and scheduler.",
        discussion: "Ctrl-C stops it; running it again on the same --data-dir continues with every object."
    )

    @Option(help: "Simulated nodes (at least; nodes an earlier run made are all kept running).")
    var nodes: Int = 10

    @Option(help: "Zones the nodes are spread over.")
    var zones: Int = 3

    @Option(help: "Folder for the SQLite database, certificates, token and kubeconfig.")
    var dataDir: String = ".stead"

    @Option(help: "API server port (0 picks a free one).")
    var port: Int = 6443

    @Option(help: "API server address.")
    var host: String = "127.0.0.1"

    @Option(help: "Where to serve /metrics, /healthz, /readyz (default: the API server's host, port + 1).")
    var metricsAddress: ListenAddress?

    @Option(help: "Pods whose spec.schedulerName is this are placed by Stead.")
    var schedulerName: String = "stead"

    @Option(help: "Append an audit.k8s.io/v1 Event (level Metadata) per API request to this file, as JSON lines.")
    var auditLogPath: String?

    @OptionGroup var logging: LoggingOptions

    func validate() throws {
        guard nodes > 0, zones > 0 else { throw ValidationError("--nodes and --zones must be positive") }
        guard (0...65534).contains(port) else { throw ValidationError("--port must be between 0 and 65534") }
    }

    func run() async throws {
        logging.bootstrap()
        let registry = ProcessMetrics.bootstrap()
        let logger = Logger(label: "stead.up")
        let readiness = Readiness()

        let (server, client, running) = try await StartupFailure.cleaningUp(dataDirectory: dataDir, remedy: remedy) {
            try await start(registry: registry, readiness: readiness, logger: logger)
        }
        let (simulator, metrics) = (running.simulator, running.metrics)
        let kubeconfigPath = absolutePath("\(dataDir)/kubeconfig")

        say("""
            stead up ready at \(server.baseURL), data in \(absolutePath(dataDir)), \
            \(simulator.nodeNames.count) nodes, metrics at \(metrics.baseURL)/metrics
              export KUBECONFIG=\(kubeconfigPath)
              kubectl apply -f examples/web.yaml
              kubectl get pods -n web -o wide -w
            """)

        // A graceful shutdown stops the services in reverse: metrics, Stead, the nodes, the API server last.
        let group = ServiceGroup(
            configuration: .init(
                services: [.init(service: server), .init(service: simulator), .init(service: running.workloads),
                           .init(service: running.webhook), .init(service: running.components), .init(service: metrics)],
                gracefulShutdownSignals: [.sigterm, .sigint],
                logger: logger))
        try await group.run()
        try? await running.componentClient.shutdown()
        try? await client.shutdown()
    }

    /// The API server, a client of its local socket, then the rest; what started is stopped again if a
    /// later part cannot start.
    private func start(registry: PrometheusCollectorRegistry, readiness: Readiness, logger: Logger)
        async throws -> (EmbeddedAPIServer, KubeClient, Running)
    {
        let server = try await startAPIServer(logger: logger.labelled("stead.apiserver"))
        // Stead's own components reach the API server through its Unix socket: no TLS, no TCP.
        var clientConfiguration = try ClientConfiguration.fromKubeconfig(server.localKubeconfig() ?? server.kubeconfig())
        clientConfiguration.qps = 0
        let client = try KubeClient(configuration: clientConfiguration, logger: logger.labelled("stead.client"))
        do {
            let running = try await startStead(
                client: client, configuration: clientConfiguration, certificates: server.certificates, registry: registry,
                readiness: readiness, logger: logger)
            try server.writeKubeconfig(to: absolutePath("\(dataDir)/kubeconfig"))
            return (server, client, running)
        } catch {
            try? await client.shutdown()
            await server.stop()
            throw error
        }
    }

    /// What to do when `address` is taken: the API server's is moved with --port, the metrics server's
    /// with --metrics-address.
    private func remedy(_ address: String) -> String {
        if metricsAddress.map({ "\($0.host):\($0.port)" == address }) ?? (address == "\(host):\(port + 1)") {
            return "Choose another address for the metrics: stead up --metrics-address \(host):0 (a free port)."
        }
        return "Choose another port: stead up --port \(port + 2), or --port 0 for a free one."
    }

    private struct Running {
        var simulator: NodeSimulator
        var workloads: WorkloadControllers
        var webhook: AdmissionWebhookServer
        var components: SteadComponents
        var componentClient: KubeClient
        var metrics: MetricsServer
    }

    /// Installs the CRD, then starts the nodes and the workload controllers (with the admin's client, as
    /// kubelets and kube-controller-manager have their own), the admission webhook (with the API server's
    /// certificate, which names 127.0.0.1), Stead's loops (as the ServiceAccount `deploy/` installs; they
    /// register the webhook) and the metrics server.
    private func startStead(
        client: KubeClient, configuration: ClientConfiguration, certificates: ServingCertificates?,
        registry: PrometheusCollectorRegistry, readiness: Readiness, logger: Logger
    ) async throws -> Running {
        guard let certificates else { throw ValidationError("stead up serves its API over TLS: no certificates were made") }
        try await StatefulPodSetCRD.install(using: client)
        let componentClient = try await ComponentAccess.client(
            admin: client, configuration: configuration, logger: logger.labelled("stead.components.client"))
        let simulator = NodeSimulator(
            client: client, configuration: try await nodeConfiguration(client), logger: logger.labelled("stead.nodesim"))
        let webhook = AdmissionWebhookServer(
            address: ListenAddress(host: "127.0.0.1", port: 0), certificates: certificates,
            logger: logger.labelled("stead.webhook"))
        do {
            try await simulator.start()
            try await webhook.start()
        } catch {
            await simulator.stop()
            try? await componentClient.shutdown()
            throw error
        }
        let components = SteadComponents(
            client: componentClient,
            options: ComponentOptions(
                schedulerName: schedulerName, plainSchedulerNames: ["default-scheduler"],
                webhook: WebhookRegistration(endpoint: .url(webhook.url), caCertificatePEM: certificates.caCertificatePEM)),
            readiness: readiness,
            logger: logger)
        let workloads = WorkloadControllers(client: client, logger: logger.labelled("stead.workloads"))
        let metrics = MetricsServer(
            address: metricsAddress ?? ListenAddress(host: host, port: port == 0 ? 0 : port + 1), registry: registry,
            readiness: readiness, logger: logger.labelled("stead.metrics"))
        do {
            try await workloads.start()
            try await components.start()
            try await metrics.start()
        } catch {
            await components.stop()
            await webhook.stop()
            await workloads.stop()
            await simulator.stop()
            try? await componentClient.shutdown()
            throw error
        }
        return Running(
            simulator: simulator, workloads: workloads, webhook: webhook, components: components,
            componentClient: componentClient, metrics: metrics)
    }

    private func startAPIServer(logger: Logger) async throws -> EmbeddedAPIServer {
        var options = APIServerOptions(dataDirectory: dataDir)
        options.host = host
        options.port = port
        options.auditLogPath = auditLogPath.map(absolutePath)
        let socket = absolutePath("\(dataDir)/apiserver.sock")
        if APIServerOptions.isUsableLocalSocketPath(socket) {
            options.localSocketPath = socket
        } else {
            logger.info("data folder path too long for a local socket; Stead's components use HTTPS", metadata: ["socket": "\(socket)"])
        }
        let server = try EmbeddedAPIServer(options: options, logger: logger)
        try await server.start()
        return server
    }

    /// `--nodes` nodes, or as many as an earlier run on this data folder made: a node left without its
    /// kubelet would go NotReady with its pods on it.
    private func nodeConfiguration(_ client: KubeClient) async throws -> NodeSimConfiguration {
        var configuration = NodeSimConfiguration(nodeCount: nodes, zones: zones)
        let existing = try await client.listAll(Node.self).items.compactMap { node -> Int? in
            guard node.name.hasPrefix(configuration.namePrefix) else { return nil }
            return Int(node.name.dropFirst(configuration.namePrefix.count))
        }
        configuration.nodeCount = max(nodes, (existing.max() ?? -1) + 1)
        return configuration
    }
}
