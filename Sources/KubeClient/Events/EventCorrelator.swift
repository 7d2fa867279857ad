import Foundation
import KubeModel

/// What client-go's event correlator does before an Event is written, so that a busy component never
/// floods the API server with Events:
/// - **aggregation**: after `maxSimilar` Events with the same object, type and reason but different
///   messages within `similarWindow`, the next ones become one Event, "(combined from similar events): ...";
/// - **deduplication**: an Event seen before (same object, type, reason and message) is counted on the
///   existing Event (a patch of `count` and `lastTimestamp`) instead of being created again;
/// - **spam filter**: each object may get `spamBurst` writes, then one every `spamRefill`; more are dropped.
///
/// Pure: the caller passes the time, and writes what ``correlate(_:now:)`` says.
struct EventCorrelator {
    enum Outcome: Equatable {
        case create(Event)
        /// Patch the existing Event of that name with this one's `count`, `lastTimestamp` and `message`.
        case update(Event)
        case drop

        var event: Event? {
            switch self {
            case .create(let event), .update(let event): event
            case .drop: nil
            }
        }
    }

    static let combinedPrefix = "(combined from similar events): "

    var maxSimilar = 10
    var similarWindow: TimeInterval = 600
    var spamBurst = 25.0
    var spamRefill: TimeInterval = 300
    /// Entries kept per table; beyond it the table starts afresh (as client-go's LRU caches forget).
    var capacity = 4096

    private var similar: [String: (messages: Set<String>, last: Date)] = [:]
    private var seen: [String: (name: String, count: Int32, first: KubeTime?)] = [:]
    private var tokens: [String: (available: Double, at: Date)] = [:]

    mutating func correlate(_ event: Event, now: Date) -> Outcome {
        var event = event
        let dedupKey = aggregate(&event, now: now)
        guard takeToken(for: Self.objectKey(event), now: now) else { return .drop }
        limit(&seen)
        if let previous = seen[dedupKey] {
            let count = previous.count + 1
            seen[dedupKey]?.count = count
            event.metadata.name = previous.name
            event.firstTimestamp = previous.first
            event.count = count
            return .update(event)
        }
        seen[dedupKey] = (event.metadata.name ?? "", event.count ?? 1, event.firstTimestamp)
        return .create(event)
    }

    /// The key an Event is deduplicated by: with its message, or without once similar ones are combined.
    private mutating func aggregate(_ event: inout Event, now: Date) -> String {
        let key = Self.objectKey(event) + "\u{0}" + (event.type ?? "") + "\u{0}" + (event.reason ?? "")
        limit(&similar)
        var record = similar[key].flatMap { now.timeIntervalSince($0.last) <= similarWindow ? $0 : nil }
            ?? (messages: [], last: now)
        record.messages.insert(event.message ?? "")
        record.last = now
        similar[key] = record
        guard record.messages.count >= maxSimilar else { return key + "\u{0}" + (event.message ?? "") }
        event.message = Self.combinedPrefix + (event.message ?? "")
        return key
    }

    private mutating func takeToken(for key: String, now: Date) -> Bool {
        limit(&tokens)
        var bucket = tokens[key] ?? (available: spamBurst, at: now)
        bucket.available = min(spamBurst, bucket.available + now.timeIntervalSince(bucket.at) / spamRefill)
        bucket.at = now
        let allowed = bucket.available >= 1
        if allowed { bucket.available -= 1 }
        tokens[key] = bucket
        return allowed
    }

    private func limit<V>(_ table: inout [String: V]) {
        if table.count >= capacity { table.removeAll(keepingCapacity: true) }
    }

    private static func objectKey(_ event: Event) -> String {
        let object = event.involvedObject
        return [
            event.source?.component ?? "", object.kind ?? "", object.namespace ?? "", object.name ?? "", object.uid ?? "",
        ].joined(separator: "\u{0}")
    }
}
