import Foundation

/// Encodes `Encodable` values straight into a ``JSONValue`` tree, with no JSON text in between.
///
/// The result equals what `JSONEncoder` followed by ``JSONValue/parse(_:)`` gives: integral floating
/// point numbers become integers, as they do when their text is read back.
struct JSONValueEncoder {
    static func encode<T: Encodable>(_ value: T) throws -> JSONValue {
        let root = EncodingNode()
        try ValueEncoder(node: root, codingPath: []).encodeValue(value)
        return root.value
    }
}

/// One value being built; containers fill it in place, so nested containers can outlive the call that
/// made them, as `Encoder` allows.
private final class EncodingNode {
    enum Slot {
        case value(JSONValue)
        case node(EncodingNode)

        var value: JSONValue {
            switch self {
            case .value(let value): value
            case .node(let node): node.value
            }
        }
    }

    enum Content {
        case empty
        case single(Slot)
        case object([String: Slot])
        case array([Slot])
    }

    var content: Content = .empty

    var value: JSONValue {
        switch content {
        case .empty: .object([:])
        case .single(let slot): slot.value
        case .object(let fields): .object(fields.mapValues(\.value))
        case .array(let items): .array(items.map(\.value))
        }
    }

    func makeObject() {
        if case .object = content { return }
        content = .object([:])
    }

    func makeArray() {
        if case .array = content { return }
        content = .array([])
    }

    func set(_ slot: Slot, forKey key: String) {
        guard case .object(var fields) = content else { return }
        content = .empty
        fields[key] = slot
        content = .object(fields)
    }

    func append(_ slot: Slot) {
        guard case .array(var items) = content else { return }
        content = .empty
        items.append(slot)
        content = .array(items)
    }

    var count: Int {
        switch content {
        case .array(let items): items.count
        case .object(let fields): fields.count
        default: 0
        }
    }
}

private struct ValueEncoder: Encoder, SingleValueEncodingContainer {
    let node: EncodingNode
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        node.makeObject()
        return KeyedEncodingContainer(KeyedValueEncodingContainer<Key>(node: node, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        node.makeArray()
        return UnkeyedValueEncodingContainer(node: node, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { self }

    func encodeNil() throws { node.content = .single(.value(.null)) }
    func encode(_ value: Bool) throws { node.content = .single(.value(.bool(value))) }
    func encode(_ value: String) throws { node.content = .single(.value(.string(value))) }
    func encode(_ value: Double) throws { node.content = .single(.value(try number(value, codingPath))) }
    func encode(_ value: Float) throws { node.content = .single(.value(try number(value, codingPath))) }
    func encode(_ value: Int) throws { node.content = .single(.value(integer(value))) }
    func encode(_ value: Int8) throws { node.content = .single(.value(integer(value))) }
    func encode(_ value: Int16) throws { node.content = .single(.value(integer(value))) }
    func encode(_ value: Int32) throws { node.content = .single(.value(integer(value))) }
    func encode(_ value: Int64) throws { node.content = .single(.value(integer(value))) }
    func encode(_ value: UInt) throws { node.content = .single(.value(integer(value))) }
    func encode(_ value: UInt8) throws { node.content = .single(.value(integer(value))) }
    func encode(_ value: UInt16) throws { node.content = .single(.value(integer(value))) }
    func encode(_ value: UInt32) throws { node.content = .single(.value(integer(value))) }
    func encode(_ value: UInt64) throws { node.content = .single(.value(integer(value))) }

    func encode<T: Encodable>(_ value: T) throws { try encodeValue(value) }

    func encodeValue<T: Encodable>(_ value: T) throws {
        if let json = value as? JSONValue {
            node.content = .single(.value(json))
            return
        }
        try value.encode(to: self)
    }
}

private struct KeyedValueEncodingContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let node: EncodingNode
    let codingPath: [any CodingKey]

    func encodeNil(forKey key: Key) throws { node.set(.value(.null), forKey: key.stringValue) }
    func encode(_ value: Bool, forKey key: Key) throws { node.set(.value(.bool(value)), forKey: key.stringValue) }
    func encode(_ value: String, forKey key: Key) throws { node.set(.value(.string(value)), forKey: key.stringValue) }
    func encode(_ value: Double, forKey key: Key) throws { try setNumber(value, key) }
    func encode(_ value: Float, forKey key: Key) throws { try setNumber(value, key) }
    func encode(_ value: Int, forKey key: Key) throws { node.set(.value(integer(value)), forKey: key.stringValue) }
    func encode(_ value: Int8, forKey key: Key) throws { node.set(.value(integer(value)), forKey: key.stringValue) }
    func encode(_ value: Int16, forKey key: Key) throws { node.set(.value(integer(value)), forKey: key.stringValue) }
    func encode(_ value: Int32, forKey key: Key) throws { node.set(.value(integer(value)), forKey: key.stringValue) }
    func encode(_ value: Int64, forKey key: Key) throws { node.set(.value(integer(value)), forKey: key.stringValue) }
    func encode(_ value: UInt, forKey key: Key) throws { node.set(.value(integer(value)), forKey: key.stringValue) }
    func encode(_ value: UInt8, forKey key: Key) throws { node.set(.value(integer(value)), forKey: key.stringValue) }
    func encode(_ value: UInt16, forKey key: Key) throws { node.set(.value(integer(value)), forKey: key.stringValue) }
    func encode(_ value: UInt32, forKey key: Key) throws { node.set(.value(integer(value)), forKey: key.stringValue) }
    func encode(_ value: UInt64, forKey key: Key) throws { node.set(.value(integer(value)), forKey: key.stringValue) }

    func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        if let json = value as? JSONValue {
            node.set(.value(json), forKey: key.stringValue)
            return
        }
        let child = EncodingNode()
        try ValueEncoder(node: child, codingPath: codingPath + [key]).encodeValue(value)
        node.set(.node(child), forKey: key.stringValue)
    }

    func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type, forKey key: Key
    ) -> KeyedEncodingContainer<NestedKey> {
        childEncoder(forKey: key).container(keyedBy: keyType)
    }

    func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        childEncoder(forKey: key).unkeyedContainer()
    }

    func superEncoder() -> any Encoder { childEncoder(named: "super", path: codingPath) }

    func superEncoder(forKey key: Key) -> any Encoder { childEncoder(forKey: key) }

    private func childEncoder(forKey key: Key) -> ValueEncoder {
        childEncoder(named: key.stringValue, path: codingPath + [key])
    }

    private func childEncoder(named name: String, path: [any CodingKey]) -> ValueEncoder {
        let child = EncodingNode()
        node.set(.node(child), forKey: name)
        return ValueEncoder(node: child, codingPath: path)
    }

    private func setNumber<F: BinaryFloatingPoint & LosslessStringConvertible>(_ value: F, _ key: Key) throws {
        node.set(.value(try number(value, codingPath + [key])), forKey: key.stringValue)
    }
}

private struct UnkeyedValueEncodingContainer: UnkeyedEncodingContainer {
    let node: EncodingNode
    let codingPath: [any CodingKey]

    var count: Int { node.count }

    func encodeNil() throws { node.append(.value(.null)) }
    func encode(_ value: Bool) throws { node.append(.value(.bool(value))) }
    func encode(_ value: String) throws { node.append(.value(.string(value))) }
    func encode(_ value: Double) throws { node.append(.value(try number(value, nextPath))) }
    func encode(_ value: Float) throws { node.append(.value(try number(value, nextPath))) }
    func encode(_ value: Int) throws { node.append(.value(integer(value))) }
    func encode(_ value: Int8) throws { node.append(.value(integer(value))) }
    func encode(_ value: Int16) throws { node.append(.value(integer(value))) }
    func encode(_ value: Int32) throws { node.append(.value(integer(value))) }
    func encode(_ value: Int64) throws { node.append(.value(integer(value))) }
    func encode(_ value: UInt) throws { node.append(.value(integer(value))) }
    func encode(_ value: UInt8) throws { node.append(.value(integer(value))) }
    func encode(_ value: UInt16) throws { node.append(.value(integer(value))) }
    func encode(_ value: UInt32) throws { node.append(.value(integer(value))) }
    func encode(_ value: UInt64) throws { node.append(.value(integer(value))) }

    func encode<T: Encodable>(_ value: T) throws {
        if let json = value as? JSONValue {
            node.append(.value(json))
            return
        }
        let child = EncodingNode()
        try ValueEncoder(node: child, codingPath: nextPath).encodeValue(value)
        node.append(.node(child))
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        childEncoder().container(keyedBy: keyType)
    }

    func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer { childEncoder().unkeyedContainer() }

    func superEncoder() -> any Encoder { childEncoder() }

    private var nextPath: [any CodingKey] { codingPath + [JSONIndexKey(node.count)] }

    private func childEncoder() -> ValueEncoder {
        let path = nextPath
        let child = EncodingNode()
        node.append(.node(child))
        return ValueEncoder(node: child, codingPath: path)
    }
}

private func integer<T: BinaryInteger>(_ value: T) -> JSONValue {
    if let exact = Int64(exactly: value) { return .int(exact) }
    return .double(Double(value))
}

/// As `JSONEncoder` writes the number and the text is read back: integral values become integers,
/// non-finite ones are an error.
private func number<F: BinaryFloatingPoint & LosslessStringConvertible>(
    _ value: F, _ codingPath: [any CodingKey]
) throws -> JSONValue {
    guard value.isFinite else {
        throw EncodingError.invalidValue(
            value, .init(codingPath: codingPath, debugDescription: "Unable to encode \(value) directly in JSON."))
    }
    let double = Double(value.description) ?? Double(value)
    if double == double.rounded(), abs(double) < 9.0e18, let exact = Int64(exactly: double) { return .int(exact) }
    return .double(double)
}
