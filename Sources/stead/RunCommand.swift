import ArgumentParser
import Foundation
import KubeClient
import KubeModel
import Logging
import ServiceLifecycle
import SteadController
import SteadRuntime

struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run Stead's controller and scheduler against a Kubernetes cluster.",
        discussion: """
            The cluster comes from --kubeconfig, else KUBECONFIG, else the in-cluster service account, \
            else ~/.kube/config. With --leader-elect, only the replica that holds the Lease runs the loops.
            """
    )

    @Option(help: "Kubeconfig of the cluster (default: KUBECONFIG, in-cluster, ~/.kube/config).")
    var kubeconfig: String?

    @Option(help: "Kubeconfig context (default: its current context).")
    var context: String?

    @Flag(help: "Run the loops only while holding a Lease, so that several replicas can run.")
    var leaderElect = false

    @Option(help: "Namespace of the leader election Lease (default: the configuration's namespace).")
    var leaderElectNamespace: String?

    @Option(help: "Name of the leader election Lease.")
    var leaderElectLeaseName: String = "stead"

    @Option(help: "How long standbys wait after the lease last changed before taking it over (e.g. 15s).",
        transform: parseDuration)
    var leaderElectLeaseDuration: Duration = .seconds(15)

    @Option(help: "How long the leader keeps trying to renew before it stops its loops; shorter than the lease duration.",
        transform: parseDuration)
    var leaderElectRenewDeadline: Duration = .seconds(10)

    @Option(help: "How often candidates try to acquire or renew the lease; shorter than the renew deadline.",
        transform: parseDuration)
    var leaderElectRetryPeriod: Duration = .seconds(2)

    @Option(help: "This replica's name in the lease and in its requests' User-Agent (default: hostname_uuid).")
    var leaderElectIdentity: String?

    @Option(help: "Pods whose spec.schedulerName is this are placed by Stead.")
    var schedulerName: String = "stead"

    @Option(help: "Manage this namespace only (default: every namespace).")
    var namespace: String?

    @Option(help: "Client-side request limit per second of each component: the scheduler, the controller, and each one's Events (0: unlimited).")
    var qps: Double = 50

    @Option(help: "Client-side burst of requests above --qps, per component.")
    var burst: Int = 100

    @Option(help: "Where to serve /metrics, /healthz and /readyz (host:port).")
    var metricsAddress: ListenAddress = ListenAddress(host: "127.0.0.1", port: 8080)

    @Flag(help: "Create or update the StatefulPodSet CRD at start (needs RBAC on customresourcedefinitions).")
    var installCrd = false

    @Option(help: "Serve the StatefulPodSet admission webhook over HTTPS here (host:port), and register it; off when not given.")
    var webhookAddress: ListenAddress?

    @Option(help: "The Service (namespace/name, port 443) through which the API server calls the webhook (default: https://--webhook-address).")
    var webhookService: String?

    @Option(help: "Secret (kubernetes.io/tls, in the lease's namespace) that holds the webhook's certificate; made when missing.")
    var webhookSecret: String = InstallManifests.webhookSecret

    @OptionGroup var logging: LoggingOptions

    func validate() throws {
        guard qps >= 0, burst > 0 else { throw ValidationError("--qps must be 0 or more and --burst positive") }
        if let problem = electionSettings(leaseNamespace: "").timingProblem {
            throw ValidationError(
                "\(problem): need --leader-elect-retry-period < --leader-elect-renew-deadline < --leader-elect-lease-duration")
        }
        if let identity = leaderElectIdentity, identity.isEmpty || identity.contains(where: \.isNewline) {
            throw ValidationError("--leader-elect-identity must be a non-empty single line")
        }
        try validateWebhook()
    }

    private func validateWebhook() throws {
        if let webhookService, webhookServiceKey == nil {
            throw ValidationError("--webhook-service must be NAMESPACE/NAME, not \"\(webhookService)\"")
        }
        if let address = webhookAddress, webhookService == nil, ["0.0.0.0", "::", ""].contains(address.host) {
            throw ValidationError(
                "--webhook-address \(address) is no address the API server can call: add --webhook-service NAMESPACE/NAME, or listen on one address")
        }
        if webhookAddress == nil, webhookService != nil {
            throw ValidationError("--webhook-service needs --webhook-address, where the webhook listens")
        }
    }

    private var webhookServiceKey: ObjectKey? {
        guard let parts = webhookService?.split(separator: "/").map(String.init), parts.count == 2,
            !parts[0].isEmpty, !parts[1].isEmpty
        else { return nil }
        return ObjectKey(namespace: parts[0], name: parts[1])
    }

    /// The election as the flags set it; the identity is made once per process when not given.
    private func electionSettings(leaseNamespace: String, identity: String? = nil) -> ElectionSettings {
        ElectionSettings(
            lease: ObjectKey(namespace: leaderElectNamespace ?? leaseNamespace, name: leaderElectLeaseName),
            identity: identity ?? leaderElectIdentity ?? "", leaseDuration: leaderElectLeaseDuration,
            renewDeadline: leaderElectRenewDeadline, retryPeriod: leaderElectRetryPeriod)
    }

    /// Names the replica in every request, so the server's audit log shows which one wrote.
    static func userAgent(identity: String?) -> String {
        identity.map { "stead/0.1 (\($0))" } ?? "stead/0.1"
    }

    func run() async throws {
        logging.bootstrap()
        let registry = ProcessMetrics.bootstrap()
        let logger = Logger(label: "stead.run")
        var configuration = try ClientConfiguration.load(kubeconfigPath: kubeconfig.map(absolutePath), context: context)
        configuration.qps = qps
        configuration.burst = burst
        let identity = leaderElect ? leaderElectIdentity ?? LeaderElectedComponents.defaultIdentity() : nil
        configuration.userAgent = Self.userAgent(identity: identity)
        let client = try KubeClient(configuration: configuration, logger: logger.labelled("stead.client"))
        let readiness = Readiness()
        let metrics = MetricsServer(address: metricsAddress, registry: registry, readiness: readiness, logger: logger)
        try await metrics.start()
        var webhook: (server: AdmissionWebhookServer, registration: WebhookRegistration)?
        do {
            if installCrd {
                try await StatefulPodSetCRD.install(using: client)
                logger.info("StatefulPodSet CRD installed")
            }
            webhook = try await startWebhook(
                client: client, namespace: leaderElectNamespace ?? configuration.namespace, logger: logger)
        } catch {
            try? await client.shutdown()
            await metrics.stop()
            throw error
        }
        let loops = makeLoops(
            client: client, identity: identity, leaseNamespace: configuration.namespace, readiness: readiness,
            webhook: webhook?.registration, logger: logger)
        say("stead run started against \(configuration.server), metrics at \(metrics.baseURL)/metrics"
            + (webhook.map { ", admission webhook at \($0.server.url)" } ?? "")
            + (identity.map { ", leader election as \($0)" } ?? ""))
        var groupConfiguration = ServiceGroupConfiguration(
            services: [.init(service: metrics)] + (webhook.map { [.init(service: $0.server)] } ?? []) + [.init(service: loops)],
            gracefulShutdownSignals: [.sigterm, .sigint],
            logger: logger)
        // Bounded well inside Kubernetes' default 30 s termination grace period: a shutdown that hangs
        // (a request to a server that does not answer) is cancelled, and a cancellation that hangs ends
        // the process.
        groupConfiguration.maximumGracefulShutdownDuration = .seconds(10)
        groupConfiguration.maximumCancellationDuration = .seconds(5)
        try await ServiceGroup(configuration: groupConfiguration).run()
        try? await client.shutdown()
    }

    /// With --webhook-address: the webhook serving, and where the API server is to call it.
    private func startWebhook(client: KubeClient, namespace: String, logger: Logger) async throws
        -> (server: AdmissionWebhookServer, registration: WebhookRegistration)?
    {
        guard let webhookAddress else { return nil }
        return try await AdmissionWebhookServer.start(
            address: webhookAddress, service: webhookServiceKey,
            secret: ObjectKey(namespace: namespace, name: webhookSecret), using: client, logger: logger.labelled("stead.webhook"))
    }

    /// The loops themselves, or, with an election `identity`, the loops run only while holding the Lease.
    private func makeLoops(
        client: KubeClient, identity: String?, leaseNamespace: String, readiness: Readiness,
        webhook: WebhookRegistration?, logger: Logger
    ) -> any ServiceLifecycle.Service {
        let options = ComponentOptions(schedulerName: schedulerName, namespace: namespace, webhook: webhook)
        let make: @Sendable (KubeClient) -> SteadComponents = { client in
            SteadComponents(client: client, options: options, readiness: readiness, logger: logger)
        }
        guard let identity else { return make(client) }
        return LeaderElectedComponents(
            client: client, settings: electionSettings(leaseNamespace: leaseNamespace, identity: identity),
            readiness: readiness, logger: logger.labelled("stead.leader-election"), makeComponents: make)
    }
}
