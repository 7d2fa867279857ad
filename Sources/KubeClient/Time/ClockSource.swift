/// The clock a long-running part reads and sleeps on: the real `ContinuousClock`, or a test's manual
/// clock on the same instants, so that a test moves time itself instead of waiting for it.
public struct ClockSource: Sendable {
    private let read: @Sendable () -> ContinuousClock.Instant
    private let sleeper: @Sendable (ContinuousClock.Instant) async throws -> Void

    public init<C: Clock>(_ clock: C) where C.Instant == ContinuousClock.Instant {
        read = { clock.now }
        sleeper = { deadline in try await clock.sleep(until: deadline, tolerance: nil) }
    }

    public static let continuous = ClockSource(ContinuousClock())

    public var now: ContinuousClock.Instant { read() }

    /// Sleeps until `deadline`; throws `CancellationError` when the task is cancelled first.
    public func sleep(until deadline: ContinuousClock.Instant) async throws {
        try await sleeper(deadline)
    }

    public func sleep(for duration: Duration) async throws {
        try await sleeper(now.advanced(by: duration))
    }
}
