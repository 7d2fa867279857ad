import Metrics

/// The scheduler's counters, timers and gauge, made once through the factory it is given (the process's
/// Prometheus registry in `stead`, swift-metrics' `TestMetrics` in tests and benchmarks, which read them
/// back). They are the only counts the scheduler keeps.
struct SchedulerMetrics: Sendable {
    private let scheduled: Counter
    private let unschedulable: Counter
    private let bindErrors: Counter
    private let filterEvaluations: Counter
    private let scoreEvaluations: Counter
    private let stickyEvaluations: Counter
    private let stickyBinds: Counter
    private let fallbacks: [String: Counter]
    private let newPathDuration: Timer
    private let stickyPathDuration: Timer
    private let bound: Timer
    private let bindFailed: Timer
    private let pending: [SchedulerMetricNames.Queue: Gauge]
    private let reservationsHeld: Gauge
    private let reservationsCreated: Counter
    private let reservationsExpired: Counter

    init(factory: any MetricsFactory = MetricsSystem.factory) {
        typealias Names = SchedulerMetricNames
        func counter(_ label: String, _ dimensions: [(String, String)] = []) -> Counter {
            Counter(label: label, dimensions: dimensions, factory: factory)
        }
        func timer(_ label: String, _ dimensions: [(String, String)]) -> Timer {
            Timer(label: label, dimensions: dimensions, factory: factory)
        }
        scheduled = counter(Names.scheduleAttempts, [(Names.Label.result, Names.Result.scheduled)])
        unschedulable = counter(Names.scheduleAttempts, [(Names.Label.result, Names.Result.unschedulable)])
        bindErrors = counter(Names.scheduleAttempts, [(Names.Label.result, Names.Result.error)])
        filterEvaluations = counter(Names.nodeEvaluations, [(Names.Label.phase, Names.Phase.filter)])
        scoreEvaluations = counter(Names.nodeEvaluations, [(Names.Label.phase, Names.Phase.score)])
        stickyEvaluations = counter(Names.nodeEvaluations, [(Names.Label.phase, Names.Phase.sticky)])
        stickyBinds = counter(Names.stickyBinds)
        // Made up front so that every reason is a series at 0 before its first fallback.
        fallbacks = Dictionary(uniqueKeysWithValues: Names.fallbackReasons.map { reason in
            (reason, counter(Names.stickyFallbacks, [(Names.Label.reason, reason)]))
        })
        newPathDuration = timer(Names.algorithmDuration, [(Names.Label.path, Names.Path.new)])
        stickyPathDuration = timer(Names.algorithmDuration, [(Names.Label.path, Names.Path.sticky)])
        bound = timer(Names.bindingDuration, [(Names.Label.result, Names.Result.bound)])
        bindFailed = timer(Names.bindingDuration, [(Names.Label.result, Names.Result.error)])
        pending = Dictionary(uniqueKeysWithValues: Names.Queue.allCases.map { queue in
            (queue, Gauge(label: Names.pendingPods, dimensions: [(Names.Label.queue, queue.rawValue)], factory: factory))
        })
        reservationsHeld = Gauge(label: Names.reservationsHeld, factory: factory)
        reservationsCreated = counter(Names.reservations, [(Names.Label.event, Names.ReservationEvent.created)])
        reservationsExpired = counter(Names.reservations, [(Names.Label.event, Names.ReservationEvent.expired)])
    }

    /// One filter-and-score cycle.
    func record(_ result: ScheduleResult, duration: Duration) {
        switch result {
        case .scheduled: scheduled.increment()
        case .unschedulable: unschedulable.increment()
        }
        filterEvaluations.increment(by: result.evaluations.filterCalls)
        scoreEvaluations.increment(by: result.evaluations.scoreCalls)
        newPathDuration.recordNanoseconds(duration.nanoseconds)
    }

    /// One sticky check of a replacement's previous node (one node evaluated, bound there or not).
    func recordStickyCheck(duration: Duration) {
        stickyEvaluations.increment()
        stickyPathDuration.recordNanoseconds(duration.nanoseconds)
    }

    /// A replacement pod that cannot go back to its node and is placed as new (once per pod).
    func recordFallback(_ reason: StickyFallbackReason) {
        fallbacks[reason.metricLabel]?.increment()
    }

    /// One binding request; a sticky one bound counts as a sticky bind.
    func recordBind(_ duration: Duration, succeeded: Bool, sticky: Bool) {
        if succeeded {
            bound.recordNanoseconds(duration.nanoseconds)
            if sticky { stickyBinds.increment() }
        } else {
            bindFailed.recordNanoseconds(duration.nanoseconds)
            bindErrors.increment()
        }
    }

    func recordReservationCreated() { reservationsCreated.increment() }
    func recordReservationsExpired(_ count: Int) { reservationsExpired.increment(by: count) }
    func recordReservations(_ count: Int) { reservationsHeld.record(count) }

    /// The scheduling queue's pods per stage (stages missing from `counts` are 0).
    func recordPending(_ counts: [SchedulerMetricNames.Queue: Int]) {
        for (queue, gauge) in pending { gauge.record(counts[queue] ?? 0) }
    }
}

extension Duration {
    fileprivate var nanoseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1_000_000_000 + attoseconds / 1_000_000_000
    }
}
