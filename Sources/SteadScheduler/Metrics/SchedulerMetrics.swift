import Metrics

/// Emits the scheduler's metrics through swift-metrics. The metric objects are made once, so recording
/// a cycle costs a few counter increments; the backend (Prometheus) is chosen by whoever bootstraps
/// MetricsSystem.
public struct SchedulerMetrics: Sendable {
    private let scheduled: Counter
    private let unschedulable: Counter
    private let filterEvaluations: Counter
    private let scoreEvaluations: Counter
    private let stickyEvaluations: Counter
    private let stickyBinds: Counter
    private let newPathDuration: Timer
    private let stickyPathDuration: Timer
    private let reservationsHeld: Gauge
    private let fallbacks: [String: Counter]

    public init() {
        typealias Names = SchedulerMetricNames
        scheduled = Counter(label: Names.scheduleAttempts, dimensions: [(Names.Label.result, Names.Result.scheduled)])
        unschedulable = Counter(
            label: Names.scheduleAttempts, dimensions: [(Names.Label.result, Names.Result.unschedulable)])
        filterEvaluations = Counter(label: Names.nodeEvaluations, dimensions: [(Names.Label.phase, "filter")])
        scoreEvaluations = Counter(label: Names.nodeEvaluations, dimensions: [(Names.Label.phase, "score")])
        stickyEvaluations = Counter(label: Names.nodeEvaluations, dimensions: [(Names.Label.phase, "sticky")])
        stickyBinds = Counter(label: Names.stickyBinds)
        newPathDuration = Timer(label: Names.algorithmDuration, dimensions: [(Names.Label.path, "new")])
        stickyPathDuration = Timer(label: Names.algorithmDuration, dimensions: [(Names.Label.path, "sticky")])
        reservationsHeld = Gauge(label: Names.reservationsHeld)
        // Made up front so that every reason is a series at 0 before its first fallback.
        fallbacks = Dictionary(uniqueKeysWithValues: Names.fallbackReasons.map { reason in
            (reason, Counter(label: Names.stickyFallbacks, dimensions: [(Names.Label.reason, reason)]))
        })
    }

    public func record(_ result: ScheduleResult, duration: Duration) {
        switch result {
        case .scheduled: scheduled.increment()
        case .unschedulable: unschedulable.increment()
        }
        filterEvaluations.increment(by: result.evaluations.filterCalls)
        scoreEvaluations.increment(by: result.evaluations.scoreCalls)
        newPathDuration.recordNanoseconds(duration.nanoseconds)
    }

    public func record(_ decision: StickyDecision, duration: Duration) {
        switch decision {
        case .bind(_, let evaluations):
            stickyBinds.increment()
            stickyEvaluations.increment(by: evaluations)
        case .fallback(let reason):
            let counter = fallbacks[reason.metricLabel] ?? Counter(
                label: SchedulerMetricNames.stickyFallbacks,
                dimensions: [(SchedulerMetricNames.Label.reason, reason.metricLabel)])
            counter.increment()
        }
        stickyPathDuration.recordNanoseconds(duration.nanoseconds)
    }

    public func recordReservations(_ count: Int) {
        reservationsHeld.record(count)
    }
}

extension Duration {
    fileprivate var nanoseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1_000_000_000 + attoseconds / 1_000_000_000
    }
}
