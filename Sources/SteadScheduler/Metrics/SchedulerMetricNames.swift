/// Metric names and label values for the scheduler, emitted by the wiring through swift-metrics.
public enum SchedulerMetricNames {
    /// Counter; label `result`: scheduled, unschedulable, error.
    public static let scheduleAttempts = "stead_scheduler_schedule_attempts_total"
    /// Counter; label `phase`: filter, score (plugin calls); sticky evaluations count under phase sticky.
    public static let nodeEvaluations = "stead_scheduler_node_evaluations_total"
    /// Counter: replacement pods bound back to their previous node.
    public static let stickyBinds = "stead_scheduler_sticky_binds_total"
    /// Counter; label `reason`: `StickyFallbackReason.metricLabel`.
    public static let stickyFallbacks = "stead_scheduler_sticky_fallbacks_total"
    /// Gauge; label `queue`: pods naming the scheduler that are active, backing off, unschedulable or
    /// binding (kube-scheduler's `scheduler_pending_pods`).
    public static let pendingPods = "stead_scheduler_pending_pods"
    /// Gauge: reservations currently kept.
    public static let reservationsHeld = "stead_scheduler_reservations_held"
    /// Counter; label `event`: created (a pod being replaced), expired (its successor never came in time).
    public static let reservations = "stead_scheduler_reservations_total"
    /// Timer (seconds): one filter + score cycle or one sticky evaluation; label `path`: new, sticky.
    public static let algorithmDuration = "stead_scheduler_scheduling_algorithm_duration_seconds"
    /// Timer (seconds): one `POST pods/{name}/binding`; label `result`: bound, error.
    public static let bindingDuration = "stead_scheduler_binding_duration_seconds"
    /// Histogram buckets per timer, for the metrics backend. The algorithm runs in microseconds, so its
    /// buckets start at 1 µs and double up to ~1 s; a bind is a request, so 1 ms doubling to ~16 s
    /// (kube-scheduler's binding buckets).
    public static let histogramBuckets: [String: [Duration]] = [
        algorithmDuration: exponentialBuckets(start: .microseconds(1), count: 21),
        bindingDuration: exponentialBuckets(start: .milliseconds(1), count: 15),
    ]

    static func exponentialBuckets(start: Duration, count: Int) -> [Duration] {
        (0..<count).map { start * (1 << $0) }
    }

    /// Every reason label a fallback can carry (`StickyFallbackReason.metricLabel`).
    public static let fallbackReasons = ["node_gone", "node_not_ready", "filtered"]

    /// Every metric the scheduler emits, as `/metrics` names them.
    public static let all = [
        scheduleAttempts, nodeEvaluations, stickyBinds, stickyFallbacks, pendingPods, reservationsHeld, reservations,
        algorithmDuration, bindingDuration,
    ]

    public enum Label {
        public static let result = "result"
        public static let phase = "phase"
        public static let reason = "reason"
        public static let path = "path"
        public static let event = "event"
        public static let queue = "queue"
    }

    /// The `queue` label of ``pendingPods``: where a pod stands in the scheduling queue.
    public enum Queue: String, CaseIterable, Sendable {
        case active, backoff, unschedulable, binding
    }

    public enum Phase {
        public static let filter = "filter"
        public static let score = "score"
        public static let sticky = "sticky"
    }

    public enum Path {
        public static let new = "new"
        public static let sticky = "sticky"
    }

    public enum ReservationEvent {
        public static let created = "created"
        public static let expired = "expired"
    }

    public enum Result {
        public static let scheduled = "scheduled"
        public static let unschedulable = "unschedulable"
        public static let error = "error"
        public static let bound = "bound"
    }
}
