import Foundation
import KubeModel

/// Writes a JSON object as its protobuf message, field numbers ascending and map keys sorted (as Go does),
/// so equal objects give equal bytes. Only what the JSON holds is written: Go's decoder gives a missing field
/// its zero value, as it would for a zero written out.
struct ObjectEncoder {
    let schema: Schema

    func write(_ object: JSONObject, as messageIndex: Int, into writer: inout WireWriter) throws(KubeProtobufError) {
        let message = schema.messages[messageIndex]
        var present: [(fieldIndex: Int, value: JSONValue)] = []
        present.reserveCapacity(object.count)
        var inlineObjects: [Int: JSONObject] = [:]
        for (key, value) in object {
            guard let fieldIndex = message.fieldIndexByJSONName[key] else {
                throw KubeProtobufError(
                    .unknownField, "not known to this server (\(message.name) has no such field)", path: [key],
                    pathIsSubject: true)
            }
            if message.hasInlineFields, message.fields[fieldIndex].shape == .inline {
                inlineObjects[fieldIndex, default: [:]][key] = value
            } else {
                present.append((fieldIndex, value))
            }
        }
        for (fieldIndex, inline) in inlineObjects { present.append((fieldIndex, .object(inline))) }
        present.sort { $0.fieldIndex < $1.fieldIndex }

        for (fieldIndex, value) in present {
            let field = message.fields[fieldIndex]
            if field.shape == .inline {
                // The inline message's keys sit at this level: its errors already carry their own path.
                guard case .message(let target) = field.value, case .object(let inline) = value else { continue }
                try writer.writeMessageField(field.number) { inner throws(KubeProtobufError) in
                    try write(inline, as: target, into: &inner)
                }
                continue
            }
            do {
                try write(field, value, into: &writer)
            } catch {
                throw error.inside(field.jsonName)
            }
        }
    }

    private func write(
        _ field: Schema.Field, _ value: JSONValue, into writer: inout WireWriter
    ) throws(KubeProtobufError) {
        if value == .null {
            // Go reads null as the zero value and writes a zero Time as an empty message (`creationTimestamp:
            // null` comes back as null); anything else null is left out.
            if field.shape == .single, field.value == .time || field.value == .microTime {
                writer.writeBytesField(field.number, EmptyCollection())
            }
            return
        }
        switch field.shape {
        case .single:
            try writeValue(field.value, value, number: field.number, into: &writer)
        case .repeated:
            guard case .array(let items) = value else { throw .invalid("expected an array") }
            for (index, item) in items.enumerated() {
                do {
                    try writeValue(field.value, item, number: field.number, into: &writer)
                } catch {
                    throw error.inside(index: index)
                }
            }
        case .map:
            guard case .object(let entries) = value else { throw .invalid("expected an object") }
            for (key, item) in entries.sorted(by: { $0.key < $1.key }) {
                try writer.writeMessageField(field.number) { entry throws(KubeProtobufError) in
                    entry.writeStringField(1, key)
                    do throws(KubeProtobufError) {
                        try writeValue(field.value, item, number: 2, into: &entry)
                    } catch {
                        throw error.inside(key)
                    }
                }
            }
        case .inline:
            preconditionFailure("inline fields are written by write(_:as:into:)")
        }
    }

    private func writeValue(
        _ type: Schema.Value, _ value: JSONValue, number: Int, into writer: inout WireWriter
    ) throws(KubeProtobufError) {
        switch type {
        case .string:
            guard case .string(let text) = value else { throw .invalid("expected a string") }
            writer.writeStringField(number, text)
        case .bytes:
            guard case .string(let text) = value else { throw .invalid("expected base64 text") }
            guard let data = Data(base64Encoded: text) else { throw .invalid("invalid base64 text") }
            writer.writeBytesField(number, data)
        case .bool:
            guard case .bool(let flag) = value else { throw .invalid("expected a boolean") }
            writer.writeVarintField(number, flag ? 1 : 0)
        case .int32:
            let integer = try Self.integer(value)
            guard let small = Int32(exactly: integer) else { throw .invalid("\(integer) does not fit in 32 bits") }
            writer.writeVarintField(number, UInt64(bitPattern: Int64(small)))
        case .int64:
            writer.writeVarintField(number, UInt64(bitPattern: try Self.integer(value)))
        case .message(let target):
            guard case .object(let object) = value else { throw .invalid("expected an object") }
            try writer.writeMessageField(number) { inner throws(KubeProtobufError) in
                try write(object, as: target, into: &inner)
            }
        case .quantity:
            let text: String
            switch value {
            case .string(let string): text = string.trimmingCharacters(in: .whitespaces)
            case .int(let integer): text = String(integer)
            case .double(let double): text = "\(double)"
            default: throw .invalid("expected a quantity (a string or a number)")
            }
            guard (try? Quantity(parsing: text)) != nil else { throw .invalid("invalid quantity \"\(text)\"") }
            writer.writeMessageField(number) { $0.writeStringField(1, text) }
        case .intOrString:
            switch value {
            case .string(let text):
                writer.writeMessageField(number) {
                    $0.writeVarintField(1, 1)
                    $0.writeStringField(3, text)
                }
            case .int, .double:
                let integer = try Self.integer(value)
                guard let small = Int32(exactly: integer) else { throw .invalid("\(integer) does not fit in 32 bits") }
                writer.writeMessageField(number) {
                    $0.writeVarintField(1, 0)
                    $0.writeVarintField(2, UInt64(bitPattern: Int64(small)))
                }
            default:
                throw .invalid("expected an integer or a string")
            }
        case .time, .microTime:
            guard case .string(let text) = value else { throw .invalid("expected an RFC 3339 time string") }
            guard let (seconds, nanos) = Timestamp.parse(text) else {
                throw .invalid("invalid RFC 3339 time \"\(text)\"")
            }
            writer.writeMessageField(number) {
                $0.writeVarintField(1, UInt64(bitPattern: seconds))
                if nanos != 0 { $0.writeVarintField(2, UInt64(nanos)) }
            }
        case .duration:
            guard case .string(let text) = value else { throw .invalid("expected a duration string") }
            guard let nanoseconds = GoDuration.parse(text) else { throw .invalid("invalid duration \"\(text)\"") }
            writer.writeMessageField(number) { $0.writeVarintField(1, UInt64(bitPattern: nanoseconds)) }
        case .rawExtension, .fieldsV1:
            if type == .fieldsV1, value.objectValue == nil { throw .invalid("expected an object") }
            let json = value.serialized()
            writer.writeMessageField(number) { $0.writeBytesField(1, json) }
        case .stringList:
            guard case .array(let items) = value else { throw .invalid("expected an array of strings") }
            var texts: [String] = []
            for (index, item) in items.enumerated() {
                guard case .string(let text) = item else {
                    throw KubeProtobufError.invalid("expected a string").inside(index: index)
                }
                texts.append(text)
            }
            writer.writeMessageField(number) { list in
                for text in texts { list.writeStringField(1, text) }
            }
        case .double:
            let float: Double
            switch value {
            case .int(let integer): float = Double(integer)
            case .double(let double): float = double
            default: throw .invalid("expected a number")
            }
            writer.writeTag(number, .fixed64)
            withUnsafeBytes(of: float.bitPattern.littleEndian) { writer.bytes.append(contentsOf: $0) }
        case .json:
            // Go keeps JSON null as no bytes at all (an element of `enum`; a single field's null is left out).
            let json = value == .null ? nil : value.serialized()
            writer.writeMessageField(number) { holder in
                if let json { holder.writeBytesField(1, json) }
            }
        case .schemaOrArray(let schema):
            switch value {
            case .object(let object):
                try writer.writeMessageField(number) { holder throws(KubeProtobufError) in
                    try writeSchema(object, as: schema, number: 1, into: &holder)
                }
            case .array(let items):
                try writer.writeMessageField(number) { holder throws(KubeProtobufError) in
                    for (index, item) in items.enumerated() {
                        do throws(KubeProtobufError) {
                            guard case .object(let object) = item else { throw .invalid("expected a schema object") }
                            try writeSchema(object, as: schema, number: 2, into: &holder)
                        } catch {
                            throw error.inside(index: index)
                        }
                    }
                }
            default:
                throw .invalid("expected a schema object or an array of schema objects")
            }
        case .schemaOrBool(let schema):
            switch value {
            case .bool(let allows):
                writer.writeMessageField(number) { $0.writeVarintField(1, allows ? 1 : 0) }
            case .object(let object):
                // Go reads a schema as allowing, and always writes `allows`.
                try writer.writeMessageField(number) { holder throws(KubeProtobufError) in
                    holder.writeVarintField(1, 1)
                    try writeSchema(object, as: schema, number: 2, into: &holder)
                }
            default:
                throw .invalid("expected a boolean or a schema object")
            }
        case .schemaOrStringArray(let schema):
            switch value {
            case .object(let object):
                try writer.writeMessageField(number) { holder throws(KubeProtobufError) in
                    try writeSchema(object, as: schema, number: 1, into: &holder)
                }
            case .array(let items):
                var texts: [String] = []
                for (index, item) in items.enumerated() {
                    guard case .string(let text) = item else {
                        throw KubeProtobufError.invalid("expected a string").inside(index: index)
                    }
                    texts.append(text)
                }
                writer.writeMessageField(number) { holder in
                    for text in texts { holder.writeStringField(2, text) }
                }
            case .null:
                // A map value: Go's zero, neither schema nor strings.
                writer.writeMessageField(number) { _ in }
            default:
                throw .invalid("expected a schema object or an array of strings")
            }
        }
    }

    /// The schema inside a polymorphic value (JSONSchemaPropsOrBool, ...), as its field `number`.
    private func writeSchema(
        _ object: JSONObject, as schema: Int, number: Int, into writer: inout WireWriter
    ) throws(KubeProtobufError) {
        try writer.writeMessageField(number) { inner throws(KubeProtobufError) in
            try write(object, as: schema, into: &inner)
        }
    }

    private static func integer(_ value: JSONValue) throws(KubeProtobufError) -> Int64 {
        switch value {
        case .int(let integer): return integer
        case .double(let double):
            guard let integer = Int64(exactly: double) else { throw .invalid("expected an integer, got \(double)") }
            return integer
        default:
            throw .invalid("expected an integer")
        }
    }
}
