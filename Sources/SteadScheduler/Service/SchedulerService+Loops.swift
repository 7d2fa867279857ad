import Foundation
import KubeClient
import KubeModel
import Logging

extension SchedulerService {
    /// Takes pods off the queue one at a time; each decision is made on the core while up to
    /// `bindConcurrency` binds and reports of earlier decisions are still in flight.
    func schedulingLoop() async {
        let limit = configuration.bindConcurrency
        await withTaskGroup(of: Void.self) { group in
            var inFlight = 0
            func launch(_ work: @escaping @Sendable () async -> Void) async {
                while inFlight >= limit {
                    await group.next()
                    inFlight -= 1
                }
                group.addTask(operation: work)
                inFlight += 1
            }
            while let key = await queue.get() {
                let outcome = await core.scheduleOne(key)
                await queue.done(key)
                if let message = outcome.fallbackMessage, let pod = outcome.pod {
                    await launch { await self.reporter.reportFallback(pod, message: message) }
                }
                switch outcome.decision {
                case .skip:
                    break
                case .unschedulable(let pod, let message, let report):
                    if report { await launch { await self.reporter.reportUnschedulable(pod, message: message) } }
                case .bind(let request):
                    await launch { await self.bind(request) }
                case .waitForHomeNode(let pod, let message, let retryAfter, let report):
                    await queue.addAfter(key, delay: retryAfter)
                    if report { reporter.reportWaitingForNode(pod, message: message) }
                }
            }
        }
    }

    func bind(_ request: BindRequest) async {
        let started = ContinuousClock.now
        do {
            try await binder.bind(request.pod, to: request.node)
            metrics.recordBind(ContinuousClock.now - started, succeeded: true, sticky: request.sticky)
            let record = await core.bindSucceeded(request)
            logger.debug(
                "bound", metadata: ["pod": "\(request.key)", "node": "\(request.node)", "sticky": "\(request.sticky)"])
            if let record, configuration.persistPlacements { await placements.record(record, of: request.pod) }
            reporter.reportScheduled(request.pod, node: request.node)
            await queue.forget(request.key)
        } catch {
            metrics.recordBind(ContinuousClock.now - started, succeeded: false, sticky: request.sticky)
            let retryable = PodBinder.isRetryable(error)
            let requeue = await core.bindFailed(request, retryable: retryable)
            logger.warning(
                "bind failed",
                metadata: [
                    "pod": "\(request.key)", "node": "\(request.node)", "error": "\(error)", "retry": "\(requeue)",
                ])
            if requeue { await queue.addRateLimited(request.key) }
        }
    }

    /// Releases expired reservations and retries unschedulable pods at least every
    /// `unschedulableRetryInterval`.
    func housekeepingLoop() async {
        var lastRetry = ContinuousClock.now
        while !Task.isCancelled {
            do { try await Task.sleep(for: configuration.reservationSweepInterval) } catch { return }
            await core.expireReservations(now: Date())
            if ContinuousClock.now - lastRetry >= configuration.unschedulableRetryInterval {
                lastRetry = ContinuousClock.now
                await core.retryUnschedulable()
            }
        }
    }
}
