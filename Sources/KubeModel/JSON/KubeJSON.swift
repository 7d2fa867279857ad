import Foundation

/// The one way Stead turns API objects into bytes and back.
///
/// Decoding a `KubeResource` remembers every field its Swift model does not declare; encoding writes
/// them back, so a read-modify-write through a partial model never drops another client's data.
public enum KubeJSON {
    public static func decode<T: Decodable>(_ type: T.Type, from data: Data) throws -> T {
        if let resourceType = type as? any KubeResource.Type {
            let raw = try parse(data)
            return try resourceType.decodePreserving(raw) as! T
        }
        return try makeDecoder().decode(type, from: data)
    }

    public static func decode<T: Decodable>(_ type: T.Type, from value: JSONValue) throws -> T {
        if let resourceType = type as? any KubeResource.Type {
            return try resourceType.decodePreserving(value) as! T
        }
        return try plainDecode(type, from: value)
    }

    public static func encode<T: Encodable>(_ value: T) throws -> Data {
        try serialize(try encodeToValue(value))
    }

    public static func encodeToValue<T: Encodable>(_ value: T) throws -> JSONValue {
        if let resource = value as? any KubeResource {
            return try resource.encodePreserving()
        }
        return try plainValue(value)
    }

    public static func parse(_ data: Data) throws -> JSONValue {
        try JSONValue.parse(data)
    }

    public static func serialize(_ value: JSONValue) throws -> Data {
        value.serialized()
    }

    /// Encodes without any unknown-field handling: for values that are not API objects.
    static func plainValue<T: Encodable>(_ value: T) throws -> JSONValue {
        try JSONValueEncoder.encode(value)
    }

    static func plainDecode<T: Decodable>(_ type: T.Type, from value: JSONValue) throws -> T {
        try JSONValueDecoder.decode(type, from: value)
    }

    static func makeDecoder() -> JSONDecoder {
        JSONDecoder()
    }
}

extension KubeResource {
    static func decodePreserving(_ raw: JSONValue) throws -> Self {
        let log = ReadLog()
        var decoded = try JSONValueDecoder.decode(Self.self, from: raw, log: log)
        decoded.unknownFields = UnknownFields(UnknownFields.unread(raw, log: log))
        return decoded
    }

    func encodePreserving() throws -> JSONValue {
        var copy = self
        let unknown = copy.unknownFields
        copy.unknownFields = nil
        let known = try KubeJSON.plainValue(copy)
        guard let unknown else { return known }
        return UnknownFields.overlay(unknown.tree, onto: known)
    }
}
