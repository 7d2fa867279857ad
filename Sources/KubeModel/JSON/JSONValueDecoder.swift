import Foundation

/// Decodes `Decodable` values straight from a ``JSONValue`` tree, with no JSON text in between.
///
/// Given a ``ReadMarks`` it also notes which parts of the tree the model read, so that
/// ``UnknownFields/unread(_:marks:)`` can keep the rest without encoding the model back to compare.
struct JSONValueDecoder {
    static func decode<T: Decodable>(_ type: T.Type, from value: JSONValue, marks: ReadMarks? = nil) throws -> T {
        try ValueDecoder(value: value, marks: marks, codingPath: []).decode(type)
    }
}

/// What a decode read of one JSON value: all of it, or some of its fields or items.
final class ReadMarks {
    var whole = false
    var leafFields: Set<String> = []
    var fields: [String: ReadMarks] = [:]
    var leafItems: Set<Int> = []
    var items: [Int: ReadMarks] = [:]

    func field(_ key: String) -> ReadMarks {
        if let existing = fields[key] { return existing }
        let marks = ReadMarks()
        fields[key] = marks
        return marks
    }

    func item(_ index: Int) -> ReadMarks {
        if let existing = items[index] { return existing }
        let marks = ReadMarks()
        items[index] = marks
        return marks
    }
}

/// The coding-path key of an array element, for the tree decoder and encoder.
struct JSONIndexKey: CodingKey {
    let intValue: Int?
    let stringValue: String
    init(_ index: Int) {
        intValue = index
        stringValue = "Index \(index)"
    }
    init?(intValue: Int) { self.init(intValue) }
    init?(stringValue: String) { return nil }
}

private final class ValueDecoder: Decoder, SingleValueDecodingContainer {
    let value: JSONValue
    let marks: ReadMarks?
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    init(value: JSONValue, marks: ReadMarks?, codingPath: [any CodingKey]) {
        self.value = value
        self.marks = marks
        self.codingPath = codingPath
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case .object(let object) = value else { throw mismatch([String: JSONValue].self, value, codingPath) }
        return KeyedDecodingContainer(KeyedValueContainer<Key>(object: object, marks: marks, codingPath: codingPath))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard case .array(let items) = value else { throw mismatch([JSONValue].self, value, codingPath) }
        return UnkeyedValueContainer(items: items, marks: marks, codingPath: codingPath)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { self }

    func decodeNil() -> Bool { value == .null }

    func decode(_ type: Bool.Type) throws -> Bool { try scalar(type) }
    func decode(_ type: String.Type) throws -> String { try scalar(type) }
    func decode(_ type: Double.Type) throws -> Double { try scalar(type) }
    func decode(_ type: Float.Type) throws -> Float { try scalar(type) }
    func decode(_ type: Int.Type) throws -> Int { try scalar(type) }
    func decode(_ type: Int8.Type) throws -> Int8 { try scalar(type) }
    func decode(_ type: Int16.Type) throws -> Int16 { try scalar(type) }
    func decode(_ type: Int32.Type) throws -> Int32 { try scalar(type) }
    func decode(_ type: Int64.Type) throws -> Int64 { try scalar(type) }
    func decode(_ type: UInt.Type) throws -> UInt { try scalar(type) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try scalar(type) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try scalar(type) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try scalar(type) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try scalar(type) }

    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        if type == JSONValue.self {
            marks?.whole = true
            return value as! T
        }
        if let scalarType = type as? any JSONScalar.Type {
            let result = try scalarType.init(json: value, codingPath: codingPath)
            marks?.whole = true
            return result as! T
        }
        return try T(from: self)
    }

    private func scalar<T: JSONScalar>(_ type: T.Type) throws -> T {
        let result = try T(json: value, codingPath: codingPath)
        marks?.whole = true
        return result
    }
}

private struct KeyedValueContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let object: JSONObject
    let marks: ReadMarks?
    let codingPath: [any CodingKey]

    var allKeys: [Key] { object.keys.compactMap(Key.init(stringValue:)) }

    func contains(_ key: Key) -> Bool { object[key.stringValue] != nil }

    /// Marks nothing unless the value is null: `decodeIfPresent` asks this before decoding the value.
    func decodeNil(forKey key: Key) throws -> Bool {
        guard try value(for: key) == .null else { return false }
        marks?.leafFields.insert(key.stringValue)
        return true
    }

    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try scalar(type, key) }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try scalar(type, key) }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try scalar(type, key) }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try scalar(type, key) }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try scalar(type, key) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try scalar(type, key) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try scalar(type, key) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try scalar(type, key) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try scalar(type, key) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try scalar(type, key) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try scalar(type, key) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try scalar(type, key) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try scalar(type, key) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try scalar(type, key) }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        try decoder(for: key).decode(type)
    }

    func nestedContainer<NestedKey: CodingKey>(
        keyedBy type: NestedKey.Type, forKey key: Key
    ) throws -> KeyedDecodingContainer<NestedKey> {
        try decoder(for: key).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try decoder(for: key).unkeyedContainer()
    }

    func superDecoder() throws -> any Decoder {
        ValueDecoder(value: object["super"] ?? .null, marks: marks?.field("super"), codingPath: codingPath)
    }

    func superDecoder(forKey key: Key) throws -> any Decoder {
        ValueDecoder(value: object[key.stringValue] ?? .null, marks: marks?.field(key.stringValue), codingPath: codingPath + [key])
    }

    private func value(for key: Key) throws -> JSONValue {
        guard let value = object[key.stringValue] else {
            throw DecodingError.keyNotFound(
                key, .init(codingPath: codingPath, debugDescription: "No value associated with key \(key.stringValue)."))
        }
        return value
    }

    private func decoder(for key: Key) throws -> ValueDecoder {
        ValueDecoder(value: try value(for: key), marks: marks?.field(key.stringValue), codingPath: codingPath + [key])
    }

    private func scalar<T: JSONScalar>(_ type: T.Type, _ key: Key) throws -> T {
        let result = try T(json: try value(for: key), codingPath: codingPath + [key])
        marks?.leafFields.insert(key.stringValue)
        return result
    }
}

private struct UnkeyedValueContainer: UnkeyedDecodingContainer {
    let items: [JSONValue]
    let marks: ReadMarks?
    let codingPath: [any CodingKey]
    private(set) var currentIndex = 0

    init(items: [JSONValue], marks: ReadMarks?, codingPath: [any CodingKey]) {
        self.items = items
        self.marks = marks
        self.codingPath = codingPath
    }

    var count: Int? { items.count }
    var isAtEnd: Bool { currentIndex >= items.count }

    mutating func decodeNil() throws -> Bool {
        guard try current() == .null else { return false }
        marks?.leafItems.insert(currentIndex)
        currentIndex += 1
        return true
    }

    mutating func decode(_ type: Bool.Type) throws -> Bool { try scalar(type) }
    mutating func decode(_ type: String.Type) throws -> String { try scalar(type) }
    mutating func decode(_ type: Double.Type) throws -> Double { try scalar(type) }
    mutating func decode(_ type: Float.Type) throws -> Float { try scalar(type) }
    mutating func decode(_ type: Int.Type) throws -> Int { try scalar(type) }
    mutating func decode(_ type: Int8.Type) throws -> Int8 { try scalar(type) }
    mutating func decode(_ type: Int16.Type) throws -> Int16 { try scalar(type) }
    mutating func decode(_ type: Int32.Type) throws -> Int32 { try scalar(type) }
    mutating func decode(_ type: Int64.Type) throws -> Int64 { try scalar(type) }
    mutating func decode(_ type: UInt.Type) throws -> UInt { try scalar(type) }
    mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try scalar(type) }
    mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try scalar(type) }
    mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try scalar(type) }
    mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try scalar(type) }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        let result = try nextDecoder().decode(type)
        currentIndex += 1
        return result
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy type: NestedKey.Type
    ) throws -> KeyedDecodingContainer<NestedKey> {
        let result = try nextDecoder().container(keyedBy: type)
        currentIndex += 1
        return result
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        let result = try nextDecoder().unkeyedContainer()
        currentIndex += 1
        return result
    }

    mutating func superDecoder() throws -> any Decoder {
        let result = try nextDecoder()
        currentIndex += 1
        return result
    }

    private func current() throws -> JSONValue {
        guard currentIndex < items.count else {
            throw DecodingError.valueNotFound(
                JSONValue.self, .init(codingPath: path, debugDescription: "Unkeyed container is at end."))
        }
        return items[currentIndex]
    }

    private var path: [any CodingKey] { codingPath + [JSONIndexKey(currentIndex)] }

    private func nextDecoder() throws -> ValueDecoder {
        ValueDecoder(value: try current(), marks: marks?.item(currentIndex), codingPath: path)
    }

    private mutating func scalar<T: JSONScalar>(_ type: T.Type) throws -> T {
        let result = try T(json: try current(), codingPath: path)
        marks?.leafItems.insert(currentIndex)
        currentIndex += 1
        return result
    }
}

// MARK: - Scalars

/// A type read from one JSON scalar, with JSONDecoder's rules: integers must be exact and in range,
/// floating-point types take any number.
private protocol JSONScalar {
    init(json: JSONValue, codingPath: [any CodingKey]) throws
}

extension Bool: JSONScalar {
    fileprivate init(json: JSONValue, codingPath: [any CodingKey]) throws {
        guard case .bool(let value) = json else { throw mismatch(Bool.self, json, codingPath) }
        self = value
    }
}

extension String: JSONScalar {
    fileprivate init(json: JSONValue, codingPath: [any CodingKey]) throws {
        guard case .string(let value) = json else { throw mismatch(String.self, json, codingPath) }
        self = value
    }
}

extension Double: JSONScalar {
    fileprivate init(json: JSONValue, codingPath: [any CodingKey]) throws {
        switch json {
        case .double(let value): self = value
        case .int(let value): self = Double(value)
        default: throw mismatch(Double.self, json, codingPath)
        }
    }
}

extension Float: JSONScalar {
    fileprivate init(json: JSONValue, codingPath: [any CodingKey]) throws {
        self = Float(try Double(json: json, codingPath: codingPath))
    }
}

private protocol JSONInteger: JSONScalar, FixedWidthInteger {}

extension JSONInteger {
    fileprivate init(json: JSONValue, codingPath: [any CodingKey]) throws {
        let converted: Self?
        switch json {
        case .int(let value): converted = Self(exactly: value)
        case .double(let value): converted = Self(exactly: value)
        default: throw mismatch(Self.self, json, codingPath)
        }
        guard let converted else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: codingPath, debugDescription: "Number \(json) does not fit in \(Self.self)."))
        }
        self = converted
    }
}

extension Int: JSONInteger {}
extension Int8: JSONInteger {}
extension Int16: JSONInteger {}
extension Int32: JSONInteger {}
extension Int64: JSONInteger {}
extension UInt: JSONInteger {}
extension UInt8: JSONInteger {}
extension UInt16: JSONInteger {}
extension UInt32: JSONInteger {}
extension UInt64: JSONInteger {}

private func mismatch(_ type: Any.Type, _ value: JSONValue, _ codingPath: [any CodingKey]) -> DecodingError {
    if value == .null {
        return .valueNotFound(type, .init(codingPath: codingPath, debugDescription: "Expected \(type) value but found null instead."))
    }
    return .typeMismatch(
        type, .init(codingPath: codingPath, debugDescription: "Expected to decode \(type) but found \(value.kindName) instead."))
}

extension JSONValue {
    fileprivate var kindName: String {
        switch self {
        case .null: "null"
        case .bool: "a boolean"
        case .int, .double: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "a dictionary"
        }
    }
}
