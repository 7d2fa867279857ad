/// The part of a decoded document that its Swift model does not declare, kept as a sparse tree.
///
/// Objects are matched by key; array elements by their `name` field when they have one (containers,
/// volumes, env), else by position. Fields under an element or object that no longer exists are dropped
/// with it, so removing a container also removes what we did not know about it.
public struct UnknownFields: Sendable, Hashable, Codable {
    public var tree: JSONValue

    public init?(_ tree: JSONValue?) {
        guard let tree else { return nil }
        self.tree = tree
    }

    public init(from decoder: any Decoder) throws {
        tree = try JSONValue(from: decoder)
    }

    public func encode(to encoder: any Encoder) throws {
        try tree.encode(to: encoder)
    }

    /// What `raw` holds that a decode did not read (see ``ReadLog``); nil when nothing.
    static func unread(_ raw: JSONValue, log: ReadLog, node: ReadLog.Node = ReadLog.root) -> JSONValue? {
        if log.isWhole(node) { return nil }
        switch raw {
        case .object(let object):
            var extra: JSONObject = [:]
            for (key, value) in object {
                switch log.read(node, key: key) {
                case .whole: continue
                case .partly(let child): if let nested = unread(value, log: log, node: child) { extra[key] = nested }
                case .unread: if value != .null { extra[key] = value }
                }
            }
            return extra.isEmpty ? nil : .object(extra)
        case .array(let items):
            var extras: [JSONValue] = []
            var any = false
            let table = log.itemTable(node, count: items.count)
            for (index, item) in items.enumerated() {
                var extra = unreadItem(item, table[index], log: log) ?? .object([:])
                if extra != .object([:]) { any = true }
                if let name = item["name"], case .object = extra { extra["name"] = name }
                extras.append(extra)
            }
            return any ? .array(extras) : nil
        default:
            return nil
        }
    }

    private static func unreadItem(_ item: JSONValue, _ read: ReadLog.Read, log: ReadLog) -> JSONValue? {
        switch read {
        case .whole: return nil
        case .partly(let child): return unread(item, log: log, node: child)
        case .unread: return item == .null ? nil : item
        }
    }

    static func overlay(_ extra: JSONValue, onto known: JSONValue) -> JSONValue {
        switch (extra, known) {
        case (.object(let extraObject), .object(var knownObject)):
            for (key, value) in extraObject {
                if let existing = knownObject[key] {
                    knownObject[key] = overlay(value, onto: existing)
                } else {
                    knownObject[key] = value
                }
            }
            return .object(knownObject)
        case (.array(let extraItems), .array(let knownItems)):
            return .array(overlayElements(extraItems, onto: knownItems))
        default:
            return known
        }
    }

    private static func overlayElements(_ extras: [JSONValue], onto items: [JSONValue]) -> [JSONValue] {
        let named = extras.allSatisfy { $0["name"]?.stringValue != nil }
            && items.allSatisfy { $0["name"]?.stringValue != nil }
        if named {
            var byName: [String: JSONValue] = [:]
            for extra in extras { if let name = extra["name"]?.stringValue { byName[name] = extra } }
            return items.map { item in
                guard let name = item["name"]?.stringValue, let extra = byName[name] else { return item }
                return overlay(extra, onto: item)
            }
        }
        return items.enumerated().map { index, item in
            index < extras.count ? overlay(extras[index], onto: item) : item
        }
    }
}
