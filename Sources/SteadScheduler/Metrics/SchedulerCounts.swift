/// The scheduler's counts as its metrics hold them (``SchedulerMetricNames``): what tests assert and
/// benchmarks print, derived in one place from the metrics a scrape would show.
public struct SchedulerCounts: Sendable, Hashable, CustomStringConvertible {
    /// Filter-and-score cycles (the new-pod path, including after a sticky fallback).
    public var attempts: Int
    /// Replacement pods checked against their previous node, and those bound back there.
    public var stickyAttempts: Int
    public var stickyBinds: Int
    /// Replacement pods that could not go back to their node.
    public var fallbacks: Int
    /// Bindings the API server accepted / refused.
    public var binds: Int
    public var bindFailures: Int
    /// Filter and score plugin calls of the new path, plus one per sticky check.
    public var nodeEvaluations: Int
    public var scoreCalls: Int
    public var reservationsCreated: Int
    public var reservationsExpired: Int
    public var reservationsHeld: Int

    /// - Parameter read: a metric's value by label and dimensions: a counter's total, a gauge's last
    ///   value, a timer's number of samples; 0 for a series that does not exist.
    public init(read: (String, [(String, String)]) -> Int) {
        typealias Names = SchedulerMetricNames
        func result(_ value: String) -> Int { read(Names.scheduleAttempts, [(Names.Label.result, value)]) }
        func evaluations(_ phase: String) -> Int { read(Names.nodeEvaluations, [(Names.Label.phase, phase)]) }
        attempts = result(Names.Result.scheduled) + result(Names.Result.unschedulable)
        stickyAttempts = evaluations(Names.Phase.sticky)
        stickyBinds = read(Names.stickyBinds, [])
        fallbacks = Names.fallbackReasons.map { read(Names.stickyFallbacks, [(Names.Label.reason, $0)]) }.reduce(0, +)
        binds = read(Names.bindingDuration, [(Names.Label.result, Names.Result.bound)])
        bindFailures = read(Names.bindingDuration, [(Names.Label.result, Names.Result.error)])
        scoreCalls = evaluations(Names.Phase.score)
        nodeEvaluations = evaluations(Names.Phase.filter) + scoreCalls + stickyAttempts
        reservationsCreated = read(Names.reservations, [(Names.Label.event, Names.ReservationEvent.created)])
        reservationsExpired = read(Names.reservations, [(Names.Label.event, Names.ReservationEvent.expired)])
        reservationsHeld = read(Names.reservationsHeld, [])
    }

    /// What was counted since `baseline` was read (the reservations held now, not a difference).
    public func since(_ baseline: SchedulerCounts) -> SchedulerCounts {
        var delta = self
        delta.attempts -= baseline.attempts
        delta.stickyAttempts -= baseline.stickyAttempts
        delta.stickyBinds -= baseline.stickyBinds
        delta.fallbacks -= baseline.fallbacks
        delta.binds -= baseline.binds
        delta.bindFailures -= baseline.bindFailures
        delta.nodeEvaluations -= baseline.nodeEvaluations
        delta.scoreCalls -= baseline.scoreCalls
        delta.reservationsCreated -= baseline.reservationsCreated
        delta.reservationsExpired -= baseline.reservationsExpired
        return delta
    }

    public var description: String {
        "attempts \(attempts), sticky \(stickyBinds)/\(stickyAttempts), fallbacks \(fallbacks), binds \(binds) "
            + "(\(bindFailures) failed), node evaluations \(nodeEvaluations), reservations \(reservationsHeld) held "
            + "(\(reservationsCreated) made, \(reservationsExpired) expired)"
    }
}
