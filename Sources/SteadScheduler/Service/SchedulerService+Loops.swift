import Foundation
import KubeClient
import KubeModel
import Logging

extension SchedulerService {
    /// Runs one cycle after the other on the core; each decision is made while up to `bindConcurrency`
    /// binds and reports of earlier decisions are still in flight.
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
            while let outcome = await core.nextCycle() {
                if let message = outcome.fallbackMessage {
                    let pod = outcome.pod
                    await launch { await self.reporter.reportFallback(pod, message: message) }
                }
                switch outcome.decision {
                case .unschedulable(let pod, let message, let report):
                    if report { await launch { await self.reporter.reportUnschedulable(pod, message: message) } }
                case .bind(let request):
                    await launch { await self.bind(request) }
                case .waitForHomeNode(let pod, let message, let report):
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
        } catch {
            metrics.recordBind(ContinuousClock.now - started, succeeded: false, sticky: request.sticky)
            let retryable = PodBinder.isRetryable(error)
            await core.bindFailed(request, retryable: retryable)
            logger.warning(
                "bind failed",
                metadata: [
                    "pod": "\(request.key)", "node": "\(request.node)", "error": "\(error)", "retry": "\(retryable)",
                ])
        }
    }

    /// Releases expired reservations and activates pods whose backoff or wait is over: when the next
    /// one is due, and at least every `housekeepingInterval`.
    func housekeepingLoop() async {
        let clock = ContinuousClock()
        while !Task.isCancelled {
            let now = clock.now
            let nextDue = await core.housekeeping(now: now, date: Date())
            let latest = now.advanced(by: configuration.housekeepingInterval)
            let wake = max(min(nextDue ?? latest, latest), now.advanced(by: .milliseconds(5)))
            do { try await clock.sleep(until: wake) } catch { return }
        }
    }
}
