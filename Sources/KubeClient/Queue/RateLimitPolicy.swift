/// How ``WorkQueue/addRateLimited(_:)`` delays an item: per-item exponential back-off
/// (`baseDelay * 2^failures`, capped at `maxDelay`) combined with an overall token bucket; the longer
/// of the two delays wins. Defaults are client-go's: 5 ms to 1000 s, 10 qps with a burst of 100.
public struct RateLimitPolicy: Sendable, Hashable {
    public var baseDelay: Duration
    public var maxDelay: Duration
    /// Overall rate of retries; 0 or less disables the bucket.
    public var overallQPS: Double
    public var overallBurst: Int

    public init(
        baseDelay: Duration = .milliseconds(5), maxDelay: Duration = .seconds(1000), overallQPS: Double = 10,
        overallBurst: Int = 100
    ) {
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
        self.overallQPS = overallQPS
        self.overallBurst = overallBurst
    }

    /// The back-off for an item that has already failed `failures` times.
    public func backoff(failures: Int) -> Duration {
        guard baseDelay > .zero else { return .zero }
        var delay = baseDelay
        for _ in 0..<max(failures, 0) {
            delay *= 2
            if delay >= maxDelay { return maxDelay }
        }
        return min(delay, maxDelay)
    }
}
