import KubeClient
import Logging
import MetricsTestKit
import SteadScheduler

/// Stead's scheduler with metrics of its own that tests and benchmarks read back (``counts``).
public struct MeasuredScheduler: Sendable {
    public let service: SchedulerService
    public let metrics = TestMetrics()

    public init(client: KubeClient, configuration: SchedulerConfiguration, logger: Logger) {
        service = SchedulerService(client: client, configuration: configuration, logger: logger, metrics: metrics)
    }

    public var counts: SchedulerCounts { SchedulerCounts(read: metrics.reading) }

    /// The counts once `count` binds are counted since `baseline`: a pod shows its node as soon as the
    /// server commits the binding, a moment before the scheduler's bind task counts it.
    public func counts(afterBinds count: Int, since baseline: SchedulerCounts? = nil) async throws -> SchedulerCounts {
        let start = baseline?.binds ?? 0
        try await eventually("the scheduler counts \(count) bind(s)") { counts.binds - start >= count }
        return baseline.map { counts.since($0) } ?? counts
    }
}
