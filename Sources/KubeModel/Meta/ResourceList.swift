import Foundation

/// A list response: `{"kind":"PodList","metadata":{"resourceVersion":..., "continue":...},"items":[...]}`.
public struct ResourceList<Item: KubeResource>: Sendable {
    public var metadata: ListMeta
    public var items: [Item]

    public init(metadata: ListMeta = ListMeta(), items: [Item]) {
        self.metadata = metadata
        self.items = items
    }

    /// Decodes each item through `KubeJSON`, so unknown fields of every item are kept.
    public static func decode(from data: Data) throws -> ResourceList<Item> {
        try decode(from: try KubeJSON.parse(data))
    }

    public static func decode(from value: JSONValue) throws -> ResourceList<Item> {
        let metadata = try value["metadata"].map { try KubeJSON.decode(ListMeta.self, from: $0) } ?? ListMeta()
        let items = try (value["items"]?.arrayValue ?? []).map { item -> Item in
            var decoded = try KubeJSON.decode(Item.self, from: item)
            decoded.fillTypeMeta()
            return decoded
        }
        return ResourceList(metadata: metadata, items: items)
    }

    public func encodeToValue() throws -> JSONValue {
        .object([
            "apiVersion": .string(Item.resourceType.apiVersion),
            "kind": .string(Item.resourceType.listKind),
            "metadata": try KubeJSON.encodeToValue(metadata),
            "items": .array(try items.map { try KubeJSON.encodeToValue($0) }),
        ])
    }
}

public enum WatchEventType: String, Sendable, Hashable, Codable {
    case added = "ADDED"
    case modified = "MODIFIED"
    case deleted = "DELETED"
    case bookmark = "BOOKMARK"
    case error = "ERROR"
}

/// One line of a watch stream: `{"type":"ADDED","object":{...}}`.
public struct WatchEvent<Object: Sendable>: Sendable {
    public var type: WatchEventType
    public var object: Object

    public init(type: WatchEventType, object: Object) {
        self.type = type
        self.object = object
    }
}

extension WatchEvent where Object == JSONValue {
    public static func decode(line: Data) throws -> WatchEvent<JSONValue> {
        let value = try KubeJSON.parse(line)
        guard let typeName = value["type"]?.stringValue, let type = WatchEventType(rawValue: typeName),
            let object = value["object"]
        else {
            throw Status.failure(.badRequest, "malformed watch event")
        }
        return WatchEvent(type: type, object: object)
    }

    public func encodeLine() throws -> Data {
        var data = try KubeJSON.serialize(.object(["type": .string(type.rawValue), "object": object]))
        data.append(0x0A)
        return data
    }
}
