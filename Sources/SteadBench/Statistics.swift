import Foundation

/// Latency samples in seconds, reported as percentiles.
struct LatencySamples {
    private(set) var values: [Double] = []

    mutating func add(_ seconds: Double) { values.append(seconds) }
    mutating func add(contentsOf other: LatencySamples) { values += other.values }

    var count: Int { values.count }

    func percentile(_ p: Double) -> Double {
        guard !values.isEmpty else { return .nan }
        let sorted = values.sorted()
        let rank = Int((p / 100 * Double(sorted.count - 1)).rounded())
        return sorted[min(max(rank, 0), sorted.count - 1)]
    }
}

func formatMilliseconds(_ seconds: Double) -> String {
    String(format: "%.2f ms", seconds * 1000)
}

func formatRate(_ count: Int, _ seconds: Double) -> String {
    String(format: "%.0f/s", Double(count) / seconds)
}

/// A benchmark's result as `--json` prints it: indented, keys sorted.
func benchJSON(_ result: some Encodable) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    return String(decoding: try encoder.encode(result), as: UTF8.self)
}
