/// Counters of a running ``SchedulerService``, for tests and benchmarks (metrics go through
/// swift-metrics). Read with `await service.statistics`.
public struct SchedulerStatistics: Sendable, Hashable {
    /// Filter + score cycles run (the new-pod path, including after a sticky fallback).
    public var attempts = 0
    /// Cycles that found a node / found none.
    public var scheduled = 0
    public var unschedulable = 0
    /// Replacement pods checked against their previous node.
    public var stickyAttempts = 0
    /// Replacement pods put back on their previous node.
    public var stickyBinds = 0
    /// Replacement pods that could not go back, by `StickyFallbackReason.metricLabel`.
    public var fallbacks = 0
    public var fallbacksByReason: [String: Int] = [:]
    /// Filter plugin calls + score plugin calls of the new path, + one per sticky evaluation.
    public var nodeEvaluations = 0
    public var filterCalls = 0
    public var scoreCalls = 0
    /// Nodes put through the filters by the new path.
    public var nodesFiltered = 0
    /// Nodes checked by the sticky path (one per sticky attempt).
    public var stickyEvaluations = 0
    /// Bindings the API server accepted / refused (or that failed in transport).
    public var binds = 0
    public var bindFailures = 0
    /// Reservations made for identities being replaced, and those that timed out.
    public var reservationsCreated = 0
    public var reservationsExpired = 0
    /// Reservations kept right now.
    public var reservationsHeld = 0
    /// Time inside the algorithm per pod, in seconds (most recent `sampleLimit` of each path): wall
    /// time, as the latency histogram shows it, and the thread's CPU time, without preemption.
    public var newPathSeconds: [Double] = []
    public var stickyPathSeconds: [Double] = []
    public var newPathCPUSeconds: [Double] = []
    public var stickyPathCPUSeconds: [Double] = []
    /// Duration of each binding request, in seconds (most recent `sampleLimit`).
    public var bindSeconds: [Double] = []

    public static let sampleLimit = 200_000

    public init() {}

    /// Bind failures plus unschedulable cycles.
    public var failures: Int { bindFailures + unschedulable }

    mutating func addBindSample(_ seconds: Double) { Self.append(seconds, to: &bindSeconds) }

    mutating func addSample(_ seconds: Double, cpuSeconds: Double, sticky: Bool) {
        if sticky {
            Self.append(seconds, to: &stickyPathSeconds)
            Self.append(cpuSeconds, to: &stickyPathCPUSeconds)
        } else {
            Self.append(seconds, to: &newPathSeconds)
            Self.append(cpuSeconds, to: &newPathCPUSeconds)
        }
    }

    private static func append(_ value: Double, to samples: inout [Double]) {
        if samples.count >= sampleLimit { samples.removeFirst(sampleLimit / 2) }
        samples.append(value)
    }

    /// Starts counting afresh, keeping the current `reservationsHeld`.
    mutating func reset() {
        let held = reservationsHeld
        self = SchedulerStatistics()
        reservationsHeld = held
    }
}
