import CoreMetrics
import Metrics

/// Request metrics through swift-metrics:
/// - `kubeclient_requests_total{verb, code}` counter (code is the HTTP status, or `error` for transport failures);
/// - `kubeclient_request_duration_seconds{verb}` timer (until the response head for watches, the whole body otherwise).
///
/// Verbs are `GET`, `LIST`, `WATCH`, `CREATE`, `UPDATE`, `PATCH`, `DELETE`.
struct ClientMetrics: Sendable {
    static let requestsLabel = "kubeclient_requests_total"
    static let durationLabel = "kubeclient_request_duration_seconds"

    /// nil: the global `MetricsSystem.factory`, read when each metric is recorded.
    let factory: (any MetricsFactory)?

    func record(verb: String, code: String, duration: Duration) {
        let factory = self.factory ?? MetricsSystem.factory
        Counter(label: Self.requestsLabel, dimensions: [("verb", verb), ("code", code)], factory: factory).increment()
        let parts = duration.components
        let nanoseconds = parts.seconds * 1_000_000_000 + parts.attoseconds / 1_000_000_000
        CoreMetrics.Timer(label: Self.durationLabel, dimensions: [("verb", verb)], factory: factory)
            .recordNanoseconds(nanoseconds)
    }
}
