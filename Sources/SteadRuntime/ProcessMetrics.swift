import Metrics
import Prometheus
import SteadScheduler
import Synchronization

/// The process's one Prometheus registry. swift-metrics can be bootstrapped once per process, and the
/// scheduler's metric objects bind to the backend when they are made, so this runs before any
/// component is built.
package enum ProcessMetrics {
    private static let installed = Mutex<PrometheusCollectorRegistry?>(nil)

    package static func bootstrap() -> PrometheusCollectorRegistry {
        installed.withLock { installed in
            if let installed { return installed }
            let registry = PrometheusCollectorRegistry()
            var factory = PrometheusMetricsFactory(registry: registry)
            factory.durationHistogramBuckets = SchedulerMetricNames.histogramBuckets
            MetricsSystem.bootstrap(factory)
            installed = registry
            return registry
        }
    }
}
