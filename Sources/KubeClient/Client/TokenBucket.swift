import Synchronization

/// A token bucket: up to `burst` requests at once, then `qps` per second on average.
///
/// Callers take a token with ``wait()``; when the bucket is empty the token is reserved in the future
/// and the caller sleeps until then, so waiters are served in order and the rate holds under contention.
public final class TokenBucket: Sendable {
    public let qps: Double
    public let burst: Int

    private struct State {
        var tokens: Double
        var last: ContinuousClock.Instant
    }
    private let state: Mutex<State>

    /// - Parameters:
    ///   - qps: tokens added per second; must be > 0.
    ///   - burst: bucket size (at least 1); the bucket starts full.
    public init(qps: Double, burst: Int, now: ContinuousClock.Instant = .now) {
        self.qps = max(qps, .leastNonzeroMagnitude)
        self.burst = max(burst, 1)
        self.state = Mutex(State(tokens: Double(max(burst, 1)), last: now))
    }

    /// Takes one token and returns how long the caller must wait before using it (zero when available).
    public func reserve(now: ContinuousClock.Instant = .now) -> Duration {
        state.withLock { state in
            let elapsed = now - state.last
            if elapsed > .zero {
                state.tokens = min(Double(burst), state.tokens + elapsed.inSeconds * qps)
                state.last = now
            }
            state.tokens -= 1
            if state.tokens >= 0 { return .zero }
            return .seconds(-state.tokens / qps)
        }
    }

    /// Takes a token, sleeping until it is available. Throws `CancellationError` when cancelled.
    public func wait() async throws {
        let delay = reserve()
        if delay > .zero { try await Task.sleep(for: delay) }
    }
}
