import KubeClient
import Logging
import ServiceLifecycle
import SteadController
import SteadScheduler

/// What `stead run` and `stead up` configure of Stead's own loops.
struct ComponentOptions: Sendable {
    var schedulerName = "stead"
    /// Watch and manage this namespace only; nil for the whole cluster.
    var namespace: String?
    var controllerWorkers = 4
}

/// Stead's control loops against one cluster: the scheduler places pods, the controller runs
/// StatefulPodSets. Made afresh for every leadership term: a stopped scheduler cannot start again.
final class SteadComponents: ServiceLifecycle.Service, Sendable {
    static let schedulerCheck = "scheduler"
    static let controllerCheck = "controller"

    let scheduler: SchedulerService
    let controller: StatefulPodSetController
    private let readiness: Readiness

    init(client: KubeClient, options: ComponentOptions, readiness: Readiness, logger: Logger) {
        scheduler = SchedulerService(
            client: client,
            configuration: SchedulerConfiguration(schedulerName: options.schedulerName, namespace: options.namespace),
            logger: logger.labelled("stead.scheduler"))
        // Each component has a request budget of its own (`--qps`/`--burst` each), as kube-scheduler and
        // each controller of kube-controller-manager have: a busy rollout never slows binding, nor the reverse.
        controller = StatefulPodSetController(
            client: client.withOwnRateLimit(),
            configuration: ControllerConfiguration(
                schedulerName: options.schedulerName, namespace: options.namespace, workers: options.controllerWorkers),
            logger: logger.labelled("stead.controller"))
        self.readiness = readiness
    }

    /// Starts the scheduler, then the controller; each is ready once its informers have synced.
    func start() async throws {
        readiness.require(Self.schedulerCheck)
        readiness.require(Self.controllerCheck)
        try await scheduler.start()
        readiness.markReady(Self.schedulerCheck)
        try await controller.start()
        readiness.markReady(Self.controllerCheck)
    }

    /// Stops the controller first (no new pods), then the scheduler (binds in flight finish).
    func stop() async {
        await controller.stop()
        await scheduler.stop()
        readiness.release(Self.controllerCheck)
        readiness.release(Self.schedulerCheck)
    }

    /// A shutdown signal that comes before the informers have synced (a server that cannot be reached
    /// or trusted) cancels the start instead of waiting for a sync that may never come.
    func run() async throws {
        do {
            try await cancelWhenGracefulShutdown { try await self.start() }
            try? await gracefulShutdown()
        } catch is CancellationError {}
        await stop()
    }
}

extension Logger {
    /// The same handler setup under another label.
    func labelled(_ label: String) -> Logger {
        var logger = Logger(label: label)
        logger.logLevel = logLevel
        return logger
    }
}
