import KubeClient
import Logging
import Metrics
import ServiceLifecycle
import SteadAPI
import SteadController
import SteadLifecycle
import SteadScheduler

/// What `stead run` and `stead up` configure of Stead's own loops.
package struct ComponentOptions: Sendable {
    package var schedulerName: String
    /// Pods naming these schedulers are placed as new pods are (``SchedulerConfiguration/plainSchedulerNames``).
    package var plainSchedulerNames: Set<String>
    /// Watch and manage this namespace only; nil for the whole cluster.
    package var namespace: String?
    package var controllerWorkers: Int
    /// The admission webhook this process serves, registered when the loops start (by the leader, with
    /// an election): the API server then sends StatefulPodSet writes to it. Nil: no webhook.
    package var webhook: WebhookRegistration?

    package init(
        schedulerName: String = SteadKeys.schedulerName, plainSchedulerNames: Set<String> = [], namespace: String? = nil,
        controllerWorkers: Int = 4, webhook: WebhookRegistration? = nil
    ) {
        self.schedulerName = schedulerName
        self.plainSchedulerNames = plainSchedulerNames
        self.namespace = namespace
        self.controllerWorkers = controllerWorkers
        self.webhook = webhook
    }
}

/// Where the API server reaches this process's admission webhook, and the CA it is to trust.
package struct WebhookRegistration: Sendable {
    package var endpoint: WebhookEndpoint
    package var caCertificatePEM: String

    package init(endpoint: WebhookEndpoint, caCertificatePEM: String) {
        self.endpoint = endpoint
        self.caCertificatePEM = caCertificatePEM
    }
}

/// Stead's control loops against one cluster: the scheduler places pods, the controller runs
/// StatefulPodSets. Made afresh for every leadership term: a stopped scheduler cannot start again.
package final class SteadComponents: StartStopService, Sendable {
    package static let schedulerCheck = "scheduler"
    package static let controllerCheck = "controller"

    package let scheduler: SchedulerService
    package let controller: StatefulPodSetController
    private let readiness: Readiness
    private let client: KubeClient
    private let webhook: WebhookRegistration?
    private let logger: Logger

    /// - Parameter schedulerMetrics: where the scheduler counts (benchmarks read their own).
    package init(
        client: KubeClient, options: ComponentOptions, readiness: Readiness, logger: Logger,
        schedulerMetrics: any MetricsFactory = MetricsSystem.factory
    ) {
        var schedulerConfiguration = SchedulerConfiguration(schedulerName: options.schedulerName, namespace: options.namespace)
        schedulerConfiguration.plainSchedulerNames = options.plainSchedulerNames
        scheduler = SchedulerService(
            client: client, configuration: schedulerConfiguration,
            logger: logger.labelled("stead.scheduler"), metrics: schedulerMetrics)
        // Each component has a request budget of its own (`--qps`/`--burst` each), as kube-scheduler and
        // each controller of kube-controller-manager have: a busy rollout never slows binding, nor the reverse.
        controller = StatefulPodSetController(
            client: client.withOwnRateLimit(),
            configuration: ControllerConfiguration(
                schedulerName: options.schedulerName, namespace: options.namespace, workers: options.controllerWorkers),
            logger: logger.labelled("stead.controller"))
        self.readiness = readiness
        self.client = client
        self.webhook = options.webhook
        self.logger = logger
    }

    /// Registers the webhook (with an election, the leader's URL is the one the API server calls), then
    /// starts the scheduler, then the controller; each is ready once its informers have synced.
    package func start() async throws {
        readiness.require(Self.schedulerCheck)
        readiness.require(Self.controllerCheck)
        if let webhook {
            try await StatefulPodSetAdmission.register(webhook.endpoint, caCertificatePEM: webhook.caCertificatePEM, using: client)
            logger.info("admission webhook registered", metadata: ["configuration": "\(StatefulPodSetAdmission.configurationName)"])
        }
        try await scheduler.start()
        readiness.markReady(Self.schedulerCheck)
        try await controller.start()
        readiness.markReady(Self.controllerCheck)
    }

    /// Stops the controller first (no new pods), then the scheduler (binds in flight finish).
    package func stop() async {
        await controller.stop()
        await scheduler.stop()
        readiness.release(Self.controllerCheck)
        readiness.release(Self.schedulerCheck)
    }
}

extension Logger {
    /// The same handler setup under another label.
    package func labelled(_ label: String) -> Logger {
        var logger = Logger(label: label)
        logger.logLevel = logLevel
        return logger
    }
}
