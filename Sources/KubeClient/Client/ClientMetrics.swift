import CoreMetrics
import Metrics

/// Request metrics through swift-metrics:
/// - `kubeclient_requests_total{verb, resource, code}` counter (resource is `plural[/subresource]`, empty for
///   paths outside the resource API; code is the HTTP status, or `error` for transport failures);
/// - `kubeclient_request_duration_seconds{verb}` timer (until the response head for watches, the whole body otherwise).
///
/// Verbs are `GET`, `LIST`, `WATCH`, `CREATE`, `UPDATE`, `PATCH`, `DELETE`.
struct ClientMetrics: Sendable {
    static let requestsLabel = "kubeclient_requests_total"
    static let durationLabel = "kubeclient_request_duration_seconds"

    /// nil: the global `MetricsSystem.factory`, read when each metric is recorded.
    let factory: (any MetricsFactory)?

    func record(verb: String, path: String, code: String, duration: Duration) {
        let factory = self.factory ?? MetricsSystem.factory
        Counter(
            label: Self.requestsLabel, dimensions: [("verb", verb), ("resource", Self.resource(ofPath: path)), ("code", code)],
            factory: factory
        ).increment()
        let parts = duration.components
        let nanoseconds = parts.seconds * 1_000_000_000 + parts.attoseconds / 1_000_000_000
        CoreMetrics.Timer(label: Self.durationLabel, dimensions: [("verb", verb)], factory: factory)
            .recordNanoseconds(nanoseconds)
    }

    /// `plural[/subresource]` of a resource API path (`/api/v1/namespaces/a/pods/p/status` is
    /// `pods/status`, `/api/v1/namespaces/a` is `namespaces`); empty for other paths (`/metrics`).
    static func resource(ofPath path: String) -> String {
        let segments = path.split(separator: "/", omittingEmptySubsequences: true)
        let versionEnd: Int
        switch segments.first {
        case "api": versionEnd = 2
        case "apis": versionEnd = 3
        default: return ""
        }
        var rest = segments.dropFirst(versionEnd)
        guard let first = rest.first else { return "" }
        if first == "namespaces", rest.count >= 3, rest[rest.startIndex + 2] != "status", rest[rest.startIndex + 2] != "finalize" {
            rest = rest.dropFirst(2)
        }
        let plural = String(rest[rest.startIndex])
        guard rest.count >= 3 else { return plural }
        return plural + "/" + rest[rest.startIndex + 2]
    }
}
