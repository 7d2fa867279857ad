import Foundation
import KubeClient
import Prometheus

/// Samples of one metric in Prometheus' text format, each with its labels.
struct PrometheusSamples {
    struct Sample {
        var labels: [String: String]
        var value: Double
    }

    var samples: [Sample]

    init(text: String, metric: String) {
        let prefix = metric + "{"
        samples = text.split(separator: "\n").compactMap { line in
            if line.hasPrefix(prefix) {
                guard let close = line.lastIndex(of: "}"),
                    let value = Double(line[line.index(after: close)...].trimmingCharacters(in: .whitespaces))
                else { return nil }
                return Sample(labels: Self.labels(line[line.index(line.startIndex, offsetBy: prefix.count)..<close]), value: value)
            }
            guard line.hasPrefix(metric + " "), let value = Double(line.dropFirst(metric.count + 1)) else { return nil }
            return Sample(labels: [:], value: value)
        }
    }

    /// The API server's `/metrics`, or a registry of this process.
    static func read(_ metric: String, from client: KubeClient) async throws -> PrometheusSamples {
        PrometheusSamples(text: String(decoding: try await client.getRaw("/metrics"), as: UTF8.self), metric: metric)
    }

    static func read(_ metric: String, from registry: PrometheusCollectorRegistry) -> PrometheusSamples {
        var buffer: [UInt8] = []
        registry.emit(into: &buffer)
        return PrometheusSamples(text: String(decoding: buffer, as: UTF8.self), metric: metric)
    }

    var total: Double { samples.reduce(0) { $0 + $1.value } }

    /// Values summed by the key `key` makes of each sample's labels.
    func summed(by key: ([String: String]) -> String) -> [String: Double] {
        samples.reduce(into: [:]) { sums, sample in sums[key(sample.labels), default: 0] += sample.value }
    }

    /// Request counts by `VERB resource[/subresource]`, for `apiserver_request_total` and
    /// `kubeclient_requests_total` alike.
    var requestsByVerbAndResource: [String: Double] {
        summed { labels in
            let subresource = labels["subresource"].flatMap { $0.isEmpty ? nil : "/\($0)" } ?? ""
            return "\(labels["verb"] ?? "?") \(labels["resource"] ?? "?")\(subresource)"
        }
    }

    private static func labels(_ text: Substring) -> [String: String] {
        var labels: [String: String] = [:]
        for pair in text.split(separator: ",") {
            let parts = pair.split(separator: "=", maxSplits: 1)
            guard parts.count == 2 else { continue }
            labels[String(parts[0])] = String(parts[1]).trimmingCharacters(in: ["\""])
        }
        return labels
    }
}

/// What changed between two readings of the same counters (only what grew).
func counterGrowth(from before: [String: Double], to after: [String: Double]) -> [String: Double] {
    after.reduce(into: [:]) { growth, entry in
        let change = entry.value - (before[entry.key] ?? 0)
        if change > 0 { growth[entry.key] = change }
    }
}

/// Whether a `VERB resource` key counts a write (anything but GET, LIST and WATCH).
func isWrite(_ key: String) -> Bool {
    !(key.hasPrefix("GET") || key.hasPrefix("LIST") || key.hasPrefix("WATCH"))
}
