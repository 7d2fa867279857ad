/// The latencies a simulated kubelet works with.
public struct PodTiming: Sendable, Hashable {
    public var startLatency: Duration
    public var restartLatency: Duration
    public var crashLoopInterval: Duration
    /// How often a resize that does not fit now (`Deferred`) is tried again.
    public var deferredResizeRetry: Duration

    public init(
        startLatency: Duration, restartLatency: Duration, crashLoopInterval: Duration,
        deferredResizeRetry: Duration = .seconds(1)
    ) {
        self.startLatency = startLatency
        self.restartLatency = restartLatency
        self.crashLoopInterval = crashLoopInterval
        self.deferredResizeRetry = deferredResizeRetry
    }

    /// The timing on a node slowed down by `extra`.
    func slowed(by extra: Duration) -> PodTiming {
        guard extra > .zero else { return self }
        var copy = self
        copy.startLatency += extra
        copy.restartLatency += extra
        return copy
    }
}
