import Foundation
import KubeModel

/// The columns `kubectl get` shows for one resource, each with how its cell is computed: Kubernetes'
/// server-side printers. Columns of priority 1 are the extra ones of `-o wide`.
struct TablePrinter: Sendable {
    var columns: [PrinterColumn]

    init(_ columns: [PrinterColumn]) { self.columns = columns }

    /// What kube-apiserver prints for a resource without a printer of its own: the name and the creation
    /// time as RFC 3339.
    static let createdAt = TablePrinter([
        .name,
        PrinterColumn("Created At", type: "date") { .string($0[path: ["metadata", "creationTimestamp"]]?.stringValue ?? "") },
    ])

    func cells(_ object: JSONValue, now: Date) -> [JSONValue] {
        columns.map { $0.cell(object, now) }
    }
}

struct PrinterColumn: Sendable {
    var name: String
    var type: String
    var format: String
    var priority: Int
    var cell: @Sendable (JSONValue, Date) -> JSONValue

    init(
        _ name: String, type: String = "string", format: String = "", priority: Int = 0,
        cell: @escaping @Sendable (JSONValue, Date) -> JSONValue
    ) {
        self.name = name
        self.type = type
        self.format = format
        self.priority = priority
        self.cell = cell
    }

    /// A column computed from the object alone.
    init(
        _ name: String, type: String = "string", priority: Int = 0, _ cell: @escaping @Sendable (JSONValue) -> JSONValue
    ) {
        self.init(name, type: type, priority: priority) { object, _ in cell(object) }
    }

    /// A string column showing one field, `<none>` (or `absent`) when it is missing or empty.
    static func field(_ name: String, _ path: [String], priority: Int = 0, absent: String = "<none>") -> PrinterColumn {
        PrinterColumn(name, priority: priority) { .string(Cells.text($0[path: path]) ?? absent) }
    }

    /// An integer column showing one field, 0 when it is missing.
    static func count(_ name: String, _ path: [String], priority: Int = 0) -> PrinterColumn {
        PrinterColumn(name, type: "integer", priority: priority) { .int($0[path: path]?.intValue ?? 0) }
    }

    static let name = PrinterColumn("Name", format: "name") { object, _ in
        .string(object[path: ["metadata", "name"]]?.stringValue ?? "")
    }

    static let age = PrinterColumn("Age") { object, now in .string(Cells.age(object, now: now)) }
}

/// How Kubernetes' printers render values in cells.
enum Cells {
    /// A field's text: strings as they are, numbers and booleans printed; nil for missing or empty.
    static func text(_ value: JSONValue?) -> String? {
        switch value {
        case .string(let text)?: return text.isEmpty ? nil : text
        case .int(let number)?: return String(number)
        case .double(let number)?: return FieldError.describe(.double(number))
        case .bool(let flag)?: return flag ? "true" : "false"
        default: return nil
        }
    }

    static func age(_ object: JSONValue, now: Date) -> String {
        since(object[path: ["metadata", "creationTimestamp"]], now: now) ?? "<unknown>"
    }

    /// The time since a timestamp field as `kubectl` prints ages; nil when there is none.
    static func since(_ timestamp: JSONValue?, now: Date) -> String? {
        guard let text = timestamp?.stringValue, let time = KubeTime(text: text) else { return nil }
        return humanDuration(now.timeIntervalSince(time.date))
    }

    /// Kubernetes' `duration.HumanDuration`.
    static func humanDuration(_ interval: TimeInterval) -> String {
        let seconds = Int(interval)
        if seconds < -1 { return "<invalid>" }
        if seconds < 0 { return "0s" }
        if seconds < 120 { return "\(seconds)s" }
        let minutes = seconds / 60
        if minutes < 10 { return seconds % 60 == 0 ? "\(minutes)m" : "\(minutes)m\(seconds % 60)s" }
        if minutes < 180 { return "\(minutes)m" }
        let hours = minutes / 60
        if hours < 8 { return minutes % 60 == 0 ? "\(hours)h" : "\(hours)h\(minutes % 60)m" }
        if hours < 48 { return "\(hours)h" }
        if hours < 192 { return hours % 24 == 0 ? "\(hours / 24)d" : "\(hours / 24)d\(hours % 24)h" }
        if hours < 24 * 365 * 2 { return "\(hours / 24)d" }
        if hours < 24 * 365 * 8 { return "\(hours / 24 / 365)y\((hours / 24) % 365)d" }
        return "\(hours / 24 / 365)y"
    }

    /// A label map as `k=v,k2=v2` in key order (Go's `labels.FormatLabels`), `<none>` when empty.
    static func labels(_ value: JSONValue?) -> String {
        let map = value?.objectValue ?? [:]
        guard !map.isEmpty else { return "<none>" }
        return map.keys.sorted().map { "\($0)=\(map[$0]?.stringValue ?? "")" }.joined(separator: ",")
    }

    /// A LabelSelector (`matchLabels` and `matchExpressions`) as `metav1.FormatLabelSelector` prints it:
    /// requirements sorted by key, set values sorted, `<none>` when it selects nothing or everything.
    static func selector(_ value: JSONValue?) -> String {
        guard let selector = value?.objectValue else { return "<none>" }
        var parts: [(key: String, text: String)] = []
        let matchLabels = selector["matchLabels"]?.objectValue ?? [:]
        for (key, value) in matchLabels { parts.append((key, "\(key)=\(value.stringValue ?? "")")) }
        for expression in selector["matchExpressions"]?.arrayValue ?? [] {
            let key = expression["key"]?.stringValue ?? ""
            let values = (expression["values"]?.arrayValue ?? []).compactMap(\.stringValue).sorted().joined(separator: ",")
            switch expression["operator"]?.stringValue ?? "" {
            case "In": parts.append((key, "\(key) in (\(values))"))
            case "NotIn": parts.append((key, "\(key) notin (\(values))"))
            case "DoesNotExist": parts.append((key, "!\(key)"))
            default: parts.append((key, key))
            }
        }
        guard !parts.isEmpty else { return "<none>" }
        return parts.sorted { $0.key < $1.key }.map(\.text).joined(separator: ",")
    }

    /// At most `max` items joined by commas, then `+ N more...`; `<none>` for none.
    static func limited(_ items: [String], max: Int = 3) -> String {
        guard !items.isEmpty else { return "<none>" }
        let shown = items.prefix(max).joined(separator: ",")
        return items.count > max ? "\(shown) + \(items.count - max) more..." : shown
    }

    /// The names and images of a pod template's containers, comma-separated, as the workload printers show them.
    static func containerNames(_ template: JSONValue?) -> String {
        ((template?[path: ["spec", "containers"]]?.arrayValue) ?? []).compactMap { $0["name"]?.stringValue }
            .joined(separator: ",")
    }

    static func containerImages(_ template: JSONValue?) -> String {
        ((template?[path: ["spec", "containers"]]?.arrayValue) ?? []).compactMap { $0["image"]?.stringValue }
            .joined(separator: ",")
    }

    /// The number of keys of a map field.
    static func size(_ value: JSONValue?) -> Int64 { Int64(value?.objectValue?.count ?? 0) }
}
