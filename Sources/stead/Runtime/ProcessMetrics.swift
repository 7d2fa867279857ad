import Metrics
import Prometheus
import Synchronization

/// The process's one Prometheus registry. swift-metrics can be bootstrapped once per process, and the
/// scheduler's metric objects bind to the backend when they are made, so this runs before any
/// component is built.
enum ProcessMetrics {
    private static let installed = Mutex<PrometheusCollectorRegistry?>(nil)

    static func bootstrap() -> PrometheusCollectorRegistry {
        installed.withLock { installed in
            if let installed { return installed }
            let registry = PrometheusCollectorRegistry()
            MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
            installed = registry
            return registry
        }
    }
}
