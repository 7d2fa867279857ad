import MetricsTestKit

extension TestMetrics {
    /// A metric's value by label and dimensions: a counter's total, a gauge's last value, a timer's
    /// number of samples; 0 when no such series was made.
    public func reading(_ label: String, _ dimensions: [(String, String)]) -> Int {
        if let counter = try? expectCounter(label, dimensions) { return Int(counter.totalValue) }
        if let timer = try? expectTimer(label, dimensions) { return timer.values.count }
        if let gauge = try? expectGauge(label, dimensions) { return Int(gauge.lastValue ?? 0) }
        return 0
    }

    /// A timer's samples in nanoseconds, oldest first; empty when no such timer was made.
    public func samples(_ label: String, _ dimensions: [(String, String)]) -> [Int64] {
        (try? expectTimer(label, dimensions))?.values ?? []
    }
}
