import Foundation

/// Decodes `Decodable` values straight from a ``JSONValue`` tree, with no JSON text in between.
///
/// Given a ``ReadLog`` it also notes which parts of the tree the model read, so that
/// ``UnknownFields/unread(_:log:node:)`` can keep the rest without encoding the model back to compare.
struct JSONValueDecoder {
    static func decode<T: Decodable>(_ type: T.Type, from value: JSONValue, log: ReadLog? = nil) throws -> T {
        try ValueDecoder(value: value, log: log, node: ReadLog.root).decode(type)
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

/// The coding-path key of an object member read without a model's `CodingKeys` (map entries).
struct JSONFieldKey: CodingKey {
    let stringValue: String
    var intValue: Int? { nil }
    init(_ key: String) { stringValue = key }
    init?(stringValue: String) { self.init(stringValue) }
    init?(intValue: Int) { return nil }
}

/// Decodes one value of the tree. The coding path is kept as a link to the parent decoder and the key
/// that leads here, and only put together when asked for (errors): building an array per field was a
/// large part of decoding.
private final class ValueDecoder: Decoder, SingleValueDecodingContainer {
    let value: JSONValue
    let log: ReadLog?
    /// This decoder's node in `log`.
    let node: ReadLog.Node
    private let parent: ValueDecoder?
    private let key: (any CodingKey)?
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    init(value: JSONValue, log: ReadLog?, node: ReadLog.Node, parent: ValueDecoder? = nil, key: (any CodingKey)? = nil) {
        self.value = value
        self.log = log
        self.node = node
        self.parent = parent
        self.key = key
    }

    /// The decoder of member `key` of this decoder's object.
    func member(_ key: String, value: JSONValue, codingKey: (any CodingKey)?) -> ValueDecoder {
        ValueDecoder(value: value, log: log, node: log?.child(node, key: key) ?? ReadLog.root, parent: self, key: codingKey)
    }

    /// The decoder of element `index` of this decoder's array.
    func element(_ index: Int, value: JSONValue) -> ValueDecoder {
        ValueDecoder(
            value: value, log: log, node: log?.child(node, item: index) ?? ReadLog.root, parent: self,
            key: JSONIndexKey(index))
    }

    func noteWhole() { log?.noteWhole(node) }
    func noteLeaf(_ key: String) { log?.noteLeaf(node, key: key) }
    func noteLeaf(item: Int) { log?.noteLeaf(node, item: item) }

    var codingPath: [any CodingKey] {
        var path: [any CodingKey] = []
        var current: ValueDecoder? = self
        while let decoder = current {
            if let key = decoder.key { path.append(key) }
            current = decoder.parent
        }
        return path.reversed()
    }

    func codingPath(appending key: any CodingKey) -> [any CodingKey] { codingPath + [key] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case .object(let object) = value else { throw mismatch([String: JSONValue].self, value, codingPath) }
        return KeyedDecodingContainer(KeyedValueContainer<Key>(object: object, decoder: self))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard case .array(let items) = value else { throw mismatch([JSONValue].self, value, codingPath) }
        return UnkeyedValueContainer(items: items, decoder: self)
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

    /// Scalars reach the typed overloads above through their own `init(from:)`.
    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        if type == JSONValue.self {
            noteWhole()
            return value as! T
        }
        if type == [String: String].self {
            return try map { item, key in try String(json: item, codingPath: self.codingPath(appending: key)) } as! T
        }
        if type == [String: Quantity].self {
            return try map { item, key in try Quantity(json: item, codingPath: self.codingPath(appending: key)) } as! T
        }
        return try T(from: self)
    }

    /// Maps of strings and of quantities (labels, annotations, selectors, resource lists) are most of
    /// the dictionaries in an API object: read directly, not through a decoder per entry.
    private func map<Value>(_ convert: (JSONValue, JSONFieldKey) throws -> Value) throws -> [String: Value] {
        guard case .object(let object) = value else { throw mismatch([String: JSONValue].self, value, codingPath) }
        var result = [String: Value](minimumCapacity: object.count)
        for (key, item) in object { result[key] = try convert(item, JSONFieldKey(key)) }
        noteWhole()
        return result
    }

    private func scalar<T: JSONScalar>(_ type: T.Type) throws -> T {
        let result = try T(json: value, codingPath: codingPath)
        noteWhole()
        return result
    }
}

private struct KeyedValueContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let object: JSONObject
    let decoder: ValueDecoder

    var codingPath: [any CodingKey] { decoder.codingPath }

    var allKeys: [Key] { object.keys.compactMap(Key.init(stringValue:)) }

    func contains(_ key: Key) -> Bool { object[key.stringValue] != nil }

    /// Marks nothing unless the value is null: `decodeIfPresent` asks this before decoding the value.
    func decodeNil(forKey key: Key) throws -> Bool {
        guard try value(for: key) == .null else { return false }
        decoder.noteLeaf(key.stringValue)
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
        try decoder(for: key, value: try value(for: key)).decode(type)
    }

    // One lookup per optional field: the protocol's default asks contains, decodeNil, then decode.
    func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? { try optionalScalar(type, key) }
    func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? { try optionalScalar(type, key) }
    func decodeIfPresent(_ type: Double.Type, forKey key: Key) throws -> Double? { try optionalScalar(type, key) }
    func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? { try optionalScalar(type, key) }
    func decodeIfPresent(_ type: Int32.Type, forKey key: Key) throws -> Int32? { try optionalScalar(type, key) }
    func decodeIfPresent(_ type: Int64.Type, forKey key: Key) throws -> Int64? { try optionalScalar(type, key) }

    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        guard let value = object[key.stringValue] else { return nil }
        if value == .null {
            decoder.noteLeaf(key.stringValue)
            return nil
        }
        return try decoder(for: key, value: value).decode(type)
    }

    func nestedContainer<NestedKey: CodingKey>(
        keyedBy type: NestedKey.Type, forKey key: Key
    ) throws -> KeyedDecodingContainer<NestedKey> {
        try decoder(for: key, value: try value(for: key)).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try decoder(for: key, value: try value(for: key)).unkeyedContainer()
    }

    func superDecoder() throws -> any Decoder {
        decoder.member("super", value: object["super"] ?? .null, codingKey: nil)
    }

    func superDecoder(forKey key: Key) throws -> any Decoder {
        decoder(for: key, value: object[key.stringValue] ?? .null)
    }

    private func value(for key: Key) throws -> JSONValue {
        guard let value = object[key.stringValue] else {
            throw DecodingError.keyNotFound(
                key, .init(codingPath: codingPath, debugDescription: "No value associated with key \(key.stringValue)."))
        }
        return value
    }

    private func decoder(for key: Key, value: JSONValue) -> ValueDecoder {
        decoder.member(key.stringValue, value: value, codingKey: key)
    }

    private func scalar<T: JSONScalar>(_ type: T.Type, _ key: Key) throws -> T {
        let result = try T(json: try value(for: key), codingPath: decoder.codingPath(appending: key))
        decoder.noteLeaf(key.stringValue)
        return result
    }

    private func optionalScalar<T: JSONScalar>(_ type: T.Type, _ key: Key) throws -> T? {
        guard let value = object[key.stringValue] else { return nil }
        decoder.noteLeaf(key.stringValue)
        if value == .null { return nil }
        return try T(json: value, codingPath: decoder.codingPath(appending: key))
    }
}

private struct UnkeyedValueContainer: UnkeyedDecodingContainer {
    let items: [JSONValue]
    let decoder: ValueDecoder
    private(set) var currentIndex = 0

    init(items: [JSONValue], decoder: ValueDecoder) {
        self.items = items
        self.decoder = decoder
    }

    var codingPath: [any CodingKey] { decoder.codingPath }
    var count: Int? { items.count }
    var isAtEnd: Bool { currentIndex >= items.count }

    mutating func decodeNil() throws -> Bool {
        guard try current() == .null else { return false }
        decoder.noteLeaf(item: currentIndex)
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

    private var path: [any CodingKey] { decoder.codingPath(appending: JSONIndexKey(currentIndex)) }

    private func nextDecoder() throws -> ValueDecoder {
        decoder.element(currentIndex, value: try current())
    }

    private mutating func scalar<T: JSONScalar>(_ type: T.Type) throws -> T {
        let result = try T(json: try current(), codingPath: path)
        decoder.noteLeaf(item: currentIndex)
        currentIndex += 1
        return result
    }
}

// MARK: - Scalars

/// A type read from one JSON scalar, with JSONDecoder's rules: integers must be exact and in range,
/// floating-point types take any number.
private protocol JSONScalar {
    /// `codingPath` is only evaluated to build an error.
    init(json: JSONValue, codingPath: @autoclosure () -> [any CodingKey]) throws
}

extension Bool: JSONScalar {
    fileprivate init(json: JSONValue, codingPath: @autoclosure () -> [any CodingKey]) throws {
        guard case .bool(let value) = json else { throw mismatch(Bool.self, json, codingPath()) }
        self = value
    }
}

extension String: JSONScalar {
    fileprivate init(json: JSONValue, codingPath: @autoclosure () -> [any CodingKey]) throws {
        guard case .string(let value) = json else { throw mismatch(String.self, json, codingPath()) }
        self = value
    }
}

/// A quantity is written as a string, or as a plain number by hand-written manifests.
extension Quantity: JSONScalar {
    fileprivate init(json: JSONValue, codingPath: @autoclosure () -> [any CodingKey]) throws {
        let text: String
        switch json {
        case .string(let string): text = string
        case .int(let number): text = String(number)
        case .double(let number): text = String(number)
        default: throw mismatch(String.self, json, codingPath())
        }
        do {
            self = try Quantity(parsing: text)
        } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: codingPath(), debugDescription: error.description))
        }
    }
}

extension Double: JSONScalar {
    fileprivate init(json: JSONValue, codingPath: @autoclosure () -> [any CodingKey]) throws {
        switch json {
        case .double(let value): self = value
        case .int(let value): self = Double(value)
        default: throw mismatch(Double.self, json, codingPath())
        }
    }
}

extension Float: JSONScalar {
    fileprivate init(json: JSONValue, codingPath: @autoclosure () -> [any CodingKey]) throws {
        self = Float(try Double(json: json, codingPath: codingPath()))
    }
}

private protocol JSONInteger: JSONScalar, FixedWidthInteger {}

extension JSONInteger {
    fileprivate init(json: JSONValue, codingPath: @autoclosure () -> [any CodingKey]) throws {
        let converted: Self?
        switch json {
        case .int(let value): converted = Self(exactly: value)
        case .double(let value): converted = Self(exactly: value)
        default: throw mismatch(Self.self, json, codingPath())
        }
        guard let converted else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: codingPath(), debugDescription: "Number \(json) does not fit in \(Self.self)."))
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
