import Metrics

/// The service's own metrics, beside the algorithm's (``SchedulerMetrics``): binding latency and
/// failed attempts.
struct SchedulerServiceMetrics: Sendable {
    /// Timer (seconds): one `POST pods/{name}/binding`; label `result`: bound, error.
    static let bindingDuration = SchedulerMetricNames.bindingDuration

    private let bound: Timer
    private let failed: Timer
    private let errors: Counter

    init() {
        bound = Timer(label: Self.bindingDuration, dimensions: [(SchedulerMetricNames.Label.result, "bound")])
        failed = Timer(label: Self.bindingDuration, dimensions: [(SchedulerMetricNames.Label.result, "error")])
        errors = Counter(
            label: SchedulerMetricNames.scheduleAttempts,
            dimensions: [(SchedulerMetricNames.Label.result, SchedulerMetricNames.Result.error)])
    }

    func recordBind(_ duration: Duration, succeeded: Bool) {
        let nanoseconds = duration.components.seconds * 1_000_000_000 + duration.components.attoseconds / 1_000_000_000
        if succeeded {
            bound.recordNanoseconds(nanoseconds)
        } else {
            failed.recordNanoseconds(nanoseconds)
            errors.increment()
        }
    }
}
