import Foundation
import KubeModel

/// Reads an object's protobuf message into the JSON object Kubernetes' JSON encoding gives for it.
struct ObjectDecoder {
    let schema: Schema

    /// The message `messageIndex` that fills `reader`'s range.
    func object(of messageIndex: Int, _ reader: WireReader) throws(KubeProtobufError) -> JSONObject {
        var reader = reader
        let message = schema.messages[messageIndex]
        var object: JSONObject = [:]
        while !reader.isAtEnd {
            let (number, wireType) = try reader.readTag()
            guard let field = message.field(number: number) else {
                if message.retiredNumbers.contains(number), try reader.skipZero(wireType) { continue }
                throw KubeProtobufError(
                    .unknownField,
                    "field \(number) of \(message.name) (wire type \(wireType)) is not known to this server")
            }
            do {
                try read(field, of: message, wireType: wireType, from: &reader, into: &object)
            } catch {
                throw field.shape == .inline ? error : error.inside(field.jsonName)
            }
        }
        return object
    }

    private func read(
        _ field: Schema.Field, of message: Schema.Message, wireType: UInt8, from reader: inout WireReader,
        into object: inout JSONObject
    ) throws(KubeProtobufError) {
        switch field.shape {
        case .single:
            let value = try self.value(field.value, wireType: wireType, from: &reader, field: field, of: message)
            if field.omitsEmpty, value.isGoZero {
                // Go's JSON leaves the zero out (the last value on the wire wins, as for any scalar).
                object[field.jsonName] = nil
                return
            }
            if let existing = object[field.jsonName] {
                // A message field given twice: protobuf merges the two.
                object[field.jsonName] = existing.merging(value)
            } else {
                object[field.jsonName] = value
            }
        case .repeated:
            var items = object.removeValue(forKey: field.jsonName)?.arrayValue ?? []
            defer { object[field.jsonName] = .array(items) }
            if wireType == WireType.lengthDelimited.rawValue, field.value.isVarint {
                // Packed: one length-delimited run of varints.
                var packed = reader.nested(try reader.readLengthDelimited())
                while !packed.isAtEnd {
                    let varint = WireType.varint.rawValue
                    items.append(try value(field.value, wireType: varint, from: &packed, field: field, of: message))
                }
            } else {
                do {
                    items.append(try value(field.value, wireType: wireType, from: &reader, field: field, of: message))
                } catch {
                    throw error.inside(index: items.count)
                }
            }
        case .map:
            try expect(.lengthDelimited, wireType, field, of: message)
            var entry = reader.nested(try reader.readLengthDelimited())
            var key = ""
            var value: JSONValue?
            while !entry.isAtEnd {
                let (number, entryWireType) = try entry.readTag()
                switch number {
                case 1:
                    try expect(.lengthDelimited, entryWireType, field, of: message)
                    key = entry.string(try entry.readLengthDelimited())
                case 2:
                    value = try self.value(
                        field.value, wireType: entryWireType, from: &entry, field: field, of: message)
                default:
                    throw KubeProtobufError(
                        .unknownField,
                        "field \(number) of an entry of \(message.name).\(field.jsonName) (wire type \(entryWireType)) "
                            + "is not known to this server")
                }
            }
            var entries = object.removeValue(forKey: field.jsonName)?.objectValue ?? [:]
            entries[key] = value ?? field.value.zeroJSON
            object[field.jsonName] = .object(entries)
        case .inline:
            guard case .message(let target) = field.value else { return }
            try expect(.lengthDelimited, wireType, field, of: message)
            let inner = try self.object(of: target, reader.nested(try reader.readLengthDelimited()))
            for (key, value) in inner {
                object[key] = object[key].map { $0.merging(value) } ?? value
            }
        }
    }

    private func expect(
        _ expected: WireType, _ actual: UInt8, _ field: Schema.Field, of message: Schema.Message
    ) throws(KubeProtobufError) {
        guard actual != expected.rawValue else { return }
        throw .malformed(
            "field \(field.number) of \(message.name) (\(field.jsonName)) has wire type \(actual), "
                + "expected \(expected.rawValue)")
    }

    /// One value of a field: a whole single field, one element of a repeated field, or a map entry's value.
    private func value(
        _ type: Schema.Value, wireType: UInt8, from reader: inout WireReader, field: Schema.Field,
        of message: Schema.Message
    ) throws(KubeProtobufError) -> JSONValue {
        if type.isVarint {
            try expect(.varint, wireType, field, of: message)
            let raw = try reader.readVarint()
            switch type {
            case .bool: return .bool(raw != 0)
            case .int32: return .int(Int64(Int32(truncatingIfNeeded: raw)))
            default: return .int(Int64(bitPattern: raw))
            }
        }
        if type == .double {
            try expect(.fixed64, wireType, field, of: message)
            let number = Double(bitPattern: try reader.readFixed(8))
            guard number.isFinite else { throw .invalidValue("\(number) is not a JSON number") }
            // Go writes a whole float64 without a fraction ("1", not "1.0"): JSON reads it back as an integer.
            return Int64(exactly: number).map { .int($0) } ?? .double(number)
        }
        try expect(.lengthDelimited, wireType, field, of: message)
        let range = try reader.readLengthDelimited()
        switch type {
        case .string:
            return .string(reader.string(range))
        case .bytes:
            return .string(Data(reader.bytes[range]).base64EncodedString())
        case .message(let target):
            return .object(try object(of: target, reader.nested(range)))
        case .quantity:
            let values = try WellKnown.read(reader.nested(range), "Quantity", [1: .lengthDelimited])
            guard let text = values.string(1) else { return .string("0") }
            guard (try? Quantity(parsing: text)) != nil else { throw .invalidValue("invalid quantity \"\(text)\"") }
            return .string(text)
        case .intOrString:
            let values = try WellKnown.read(
                reader.nested(range), "IntOrString", [1: .varint, 2: .varint, 3: .lengthDelimited])
            switch values.varint(1) ?? 0 {
            case 0: return .int(Int64(Int32(truncatingIfNeeded: values.varint(2) ?? 0)))
            case 1: return .string(values.string(3) ?? "")
            case let other: throw .invalidValue("IntOrString has type \(other), expected 0 (int) or 1 (string)")
            }
        case .time, .microTime:
            // Go reads an empty message as its zero time, which it writes as JSON null.
            if range.isEmpty { return .null }
            let name = type == .time ? "Time" : "MicroTime"
            let values = try WellKnown.read(reader.nested(range), name, [1: .varint, 2: .varint])
            let seconds = Int64(bitPattern: values.varint(1) ?? 0)
            if seconds == Timestamp.goZeroSeconds { return .null }
            // Time keeps whole seconds (Go drops the nanoseconds when it reads them); MicroTime microseconds.
            let nanos = Int32(truncatingIfNeeded: values.varint(2) ?? 0)
            guard let text = Timestamp.format(seconds: seconds, nanos: nanos, microseconds: type == .microTime) else {
                throw .invalidValue("\(name) of \(seconds) seconds is outside years 0 to 9999")
            }
            return .string(text)
        case .duration:
            let values = try WellKnown.read(reader.nested(range), "Duration", [1: .varint])
            return .string(GoDuration.format(nanoseconds: Int64(bitPattern: values.varint(1) ?? 0)))
        case .rawExtension:
            let values = try WellKnown.read(reader.nested(range), "RawExtension", [1: .lengthDelimited])
            guard let raw = values.bytes(1), !raw.isEmpty else { return .null }
            return try embedded(raw, in: reader.bytes, what: "RawExtension")
        case .fieldsV1:
            let values = try WellKnown.read(reader.nested(range), "FieldsV1", [1: .lengthDelimited])
            guard let raw = values.bytes(1), !raw.isEmpty else { return .null }
            return try embedded(raw, in: reader.bytes, what: "FieldsV1")
        case .stringList:
            let values = try WellKnown.read(reader.nested(range), "StringList", [1: .lengthDelimited])
            return .array(values.all(1).map { .string(reader.string($0)) })
        case .json:
            let values = try WellKnown.read(reader.nested(range), "JSON", [1: .lengthDelimited])
            guard let raw = values.bytes(1), !raw.isEmpty else { return .null }
            do {
                return try JSONValue.parse(Data(reader.bytes[raw]))
            } catch {
                throw .invalidValue("JSON holds invalid JSON (\(error))")
            }
        case .schemaOrArray(let schema):
            let values = try WellKnown.read(
                reader.nested(range), "JSONSchemaPropsOrArray", [1: .lengthDelimited, 2: .lengthDelimited])
            // Go's JSON: the array when it has schemas, else the schema (null without one).
            let array = values.all(2)
            guard array.isEmpty else {
                var items: [JSONValue] = []
                for item in array {
                    do {
                        items.append(.object(try object(of: schema, reader.nested(item))))
                    } catch {
                        throw error.inside(index: items.count)
                    }
                }
                return .array(items)
            }
            return try self.schema(values.all(1), of: schema, in: reader) ?? .null
        case .schemaOrBool(let schema):
            let values = try WellKnown.read(
                reader.nested(range), "JSONSchemaPropsOrBool", [1: .varint, 2: .lengthDelimited])
            // Go's JSON: the schema when there is one, else the bool.
            if let schema = try self.schema(values.all(2), of: schema, in: reader) { return schema }
            return .bool((values.varint(1) ?? 0) != 0)
        case .schemaOrStringArray(let schema):
            let values = try WellKnown.read(
                reader.nested(range), "JSONSchemaPropsOrStringArray", [1: .lengthDelimited, 2: .lengthDelimited])
            // Go's JSON: the strings when there are some, else the schema (null without one).
            let property = values.all(2)
            guard property.isEmpty else { return .array(property.map { .string(reader.string($0)) }) }
            return try self.schema(values.all(1), of: schema, in: reader) ?? .null
        case .bool, .int32, .int64, .double:
            preconditionFailure("varint and fixed64 types are read above")
        }
    }

    /// The schema field of a polymorphic value (JSONSchemaPropsOrBool, ...), nil when absent; given twice, the
    /// messages merge as protobuf merges them.
    private func schema(
        _ ranges: [Range<Int>], of schema: Int, in reader: WireReader
    ) throws(KubeProtobufError) -> JSONValue? {
        var merged: JSONValue?
        for range in ranges {
            let value = JSONValue.object(try object(of: schema, reader.nested(range)))
            merged = merged.map { $0.merging(value) } ?? value
        }
        return merged
    }

    /// Raw bytes that hold JSON, or (a RawExtension written by a protobuf client) an enveloped object.
    private func embedded(_ raw: Range<Int>, in bytes: [UInt8], what: String) throws(KubeProtobufError) -> JSONValue {
        let slice = bytes[raw]
        if slice.starts(with: Envelope.magic) {
            return try Envelope.decode(Array(slice), schema: schema)
        }
        do {
            return try JSONValue.parse(Data(slice))
        } catch {
            throw .invalidValue("\(what) holds neither JSON nor a Kubernetes protobuf object (\(error))")
        }
    }
}

extension KubeProtobufError {
    /// A wire value that does not make a valid value of its type (decode side: the path goes last).
    static func invalidValue(_ message: String) -> KubeProtobufError { KubeProtobufError(.invalidValue, message) }
}

extension Schema.Value {
    var isVarint: Bool {
        switch self {
        case .bool, .int32, .int64: true
        default: false
        }
    }

    /// What Go has for a map value that the entry leaves out: the type's zero value, as JSON.
    var zeroJSON: JSONValue {
        switch self {
        case .string, .bytes: .string("")
        case .bool, .schemaOrBool: .bool(false)
        case .int32, .int64, .intOrString, .double: .int(0)
        case .message: .object([:])
        case .stringList: .array([])
        case .quantity: .string("0")
        case .time, .microTime, .rawExtension, .fieldsV1, .json, .schemaOrArray, .schemaOrStringArray: .null
        case .duration: .string("0s")
        }
    }
}

extension JSONValue {
    /// "", 0, false: what Go's `omitempty` leaves out.
    var isGoZero: Bool {
        switch self {
        case .string(let text): text.isEmpty
        case .int(let number): number == 0
        case .bool(let flag): !flag
        default: false
        }
    }

    /// Protobuf's merge of a field seen twice: messages merge field by field, repeated fields and maps
    /// accumulate, anything else takes the later value.
    func merging(_ later: JSONValue) -> JSONValue {
        switch (self, later) {
        case (.object(var merged), .object(let other)):
            for (key, value) in other { merged[key] = merged[key].map { $0.merging(value) } ?? value }
            return .object(merged)
        case (.array(let first), .array(let second)):
            return .array(first + second)
        default:
            return later
        }
    }
}
