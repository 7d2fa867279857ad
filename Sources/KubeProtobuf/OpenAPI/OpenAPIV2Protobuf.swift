import Foundation
import KubeModel

/// A Swagger 2.0 document in the protobuf form client-go asks for (`Accept:
/// application/com.github.proto-openapi.spec.v2@v1.0+protobuf`): the `openapi_v2.Document` message of
/// gnostic-models' `OpenAPIv2.proto`. What kubectl reads is written: info, paths with their operations'
/// ids, responses and extensions, and the definitions with every schema keyword Kubernetes uses.
/// Extensions and values (`default`, `enum`, `example`) travel as YAML text, which JSON text is.
public enum OpenAPIV2Protobuf {
    /// What kube-apiserver answers with.
    public static let contentType = "application/com.github.proto-openapi.spec.v2.v1.0+protobuf"

    /// Whether an Accept header asks for this form (either spelling of the version).
    public static func isAccepted(by accept: String?) -> Bool {
        guard let accept else { return false }
        return accept.contains("application/com.github.proto-openapi.spec.v2")
    }

    public static func encode(_ document: JSONValue) -> Data {
        var writer = WireWriter(capacity: 1 << 20)
        writeDocument(document, into: &writer)
        return Data(writer.bytes)
    }

    // Field numbers of OpenAPIv2.proto's messages.
    private static func writeDocument(_ document: JSONValue, into writer: inout WireWriter) {
        if let swagger = document["swagger"]?.stringValue { writer.writeStringField(1, swagger) }
        if let info = document["info"] {
            writer.writeMessageField(2) { inner in
                if let title = info["title"]?.stringValue { inner.writeStringField(1, title) }
                if let version = info["version"]?.stringValue { inner.writeStringField(2, version) }
            }
        }
        if let paths = document["paths"]?.objectValue {
            writer.writeMessageField(8) { inner in
                for (name, item) in paths.sorted(by: { $0.key < $1.key }) {
                    inner.writeMessageField(2) { named in
                        named.writeStringField(1, name)
                        named.writeMessageField(2) { writePathItem(item, into: &$0) }
                    }
                }
            }
        }
        if let definitions = document["definitions"]?.objectValue {
            writer.writeMessageField(9) { inner in
                writeNamedSchemas(definitions, into: &inner)
            }
        }
    }

    private static let operationFields: [(String, Int)] = [
        ("get", 2), ("put", 3), ("post", 4), ("delete", 5), ("options", 6), ("head", 7), ("patch", 8),
    ]

    private static func writePathItem(_ item: JSONValue, into writer: inout WireWriter) {
        for (method, number) in operationFields {
            guard let operation = item[method] else { continue }
            writer.writeMessageField(number) { writeOperation(operation, into: &$0) }
        }
    }

    private static func writeOperation(_ operation: JSONValue, into writer: inout WireWriter) {
        if let summary = operation["summary"]?.stringValue { writer.writeStringField(2, summary) }
        if let id = operation["operationId"]?.stringValue { writer.writeStringField(5, id) }
        for produced in strings(operation["produces"]) { writer.writeStringField(6, produced) }
        for consumed in strings(operation["consumes"]) { writer.writeStringField(7, consumed) }
        if let responses = operation["responses"]?.objectValue {
            writer.writeMessageField(9) { inner in
                for (code, response) in responses.sorted(by: { $0.key < $1.key }) {
                    inner.writeMessageField(1) { named in
                        named.writeStringField(1, code)
                        named.writeMessageField(2) { value in
                            value.writeMessageField(1) { writeResponse(response, into: &$0) }
                        }
                    }
                }
            }
        }
        writeExtensions(of: operation, number: 13, into: &writer)
    }

    private static func writeResponse(_ response: JSONValue, into writer: inout WireWriter) {
        writer.writeStringField(1, response["description"]?.stringValue ?? "")
        if let schema = response["schema"] {
            writer.writeMessageField(2) { item in
                item.writeMessageField(1) { writeSchema(schema, into: &$0) }
            }
        }
    }

    private static func writeNamedSchemas(_ schemas: JSONObject, into writer: inout WireWriter) {
        for (name, schema) in schemas.sorted(by: { $0.key < $1.key }) {
            writer.writeMessageField(1) { named in
                named.writeStringField(1, name)
                named.writeMessageField(2) { writeSchema(schema, into: &$0) }
            }
        }
    }

    /// `openapi_v2.Schema`.
    private static func writeSchema(_ schema: JSONValue, into writer: inout WireWriter) {
        guard let object = schema.objectValue else { return }
        for (key, number) in [("$ref", 1), ("format", 2), ("title", 3), ("description", 4)] {
            if let text = object[key]?.stringValue { writer.writeStringField(number, text) }
        }
        if let value = object["default"] { writeAny(value, number: 5, into: &writer) }
        for (key, number) in [("multipleOf", 6), ("maximum", 7), ("minimum", 9)] {
            if let number64 = double(object[key]) {
                writer.writeTag(number, .fixed64)
                withUnsafeBytes(of: number64.bitPattern.littleEndian) { writer.bytes.append(contentsOf: $0) }
            }
        }
        for (key, number) in [("exclusiveMaximum", 8), ("exclusiveMinimum", 10), ("uniqueItems", 16)] {
            if object[key]?.boolValue == true { writer.writeVarintField(number, 1) }
        }
        for (key, number) in [
            ("maxLength", 11), ("minLength", 12), ("maxItems", 14), ("minItems", 15), ("maxProperties", 17),
            ("minProperties", 18),
        ] {
            if let count = object[key]?.intValue { writer.writeVarintField(number, UInt64(bitPattern: count)) }
        }
        if let pattern = object["pattern"]?.stringValue { writer.writeStringField(13, pattern) }
        for name in strings(object["required"]) { writer.writeStringField(19, name) }
        for value in object["enum"]?.arrayValue ?? [] { writeAny(value, number: 20, into: &writer) }
        switch object["additionalProperties"] {
        case .bool(let allowed):
            writer.writeMessageField(21) { $0.writeVarintField(2, allowed ? 1 : 0) }
        case .object?:
            writer.writeMessageField(21) { inner in inner.writeMessageField(1) { writeSchema(object["additionalProperties"]!, into: &$0) } }
        default:
            break
        }
        let types = object["type"].map { $0.arrayValue ?? [$0] }?.compactMap(\.stringValue) ?? []
        if !types.isEmpty {
            writer.writeMessageField(22) { inner in for type in types { inner.writeStringField(1, type) } }
        }
        if let items = object["items"] {
            writer.writeMessageField(23) { inner in
                for item in items.arrayValue ?? [items] { inner.writeMessageField(1) { writeSchema(item, into: &$0) } }
            }
        }
        for member in object["allOf"]?.arrayValue ?? [] { writer.writeMessageField(24) { writeSchema(member, into: &$0) } }
        if let properties = object["properties"]?.objectValue {
            writer.writeMessageField(25) { writeNamedSchemas(properties, into: &$0) }
        }
        if object["readOnly"]?.boolValue == true { writer.writeVarintField(27, 1) }
        if let example = object["example"] { writeAny(example, number: 30, into: &writer) }
        writeExtensions(of: schema, number: 31, into: &writer)
    }

    /// The `x-` keys as `NamedAny` entries, sorted.
    private static func writeExtensions(of value: JSONValue, number: Int, into writer: inout WireWriter) {
        for (key, extensionValue) in (value.objectValue ?? [:]).sorted(by: { $0.key < $1.key }) where key.hasPrefix("x-") {
            writer.writeMessageField(number) { named in
                named.writeStringField(1, key)
                named.writeMessageField(2) { $0.writeStringField(2, yaml(extensionValue)) }
            }
        }
    }

    /// An `Any` holding the value as YAML (JSON text is YAML).
    private static func writeAny(_ value: JSONValue, number: Int, into writer: inout WireWriter) {
        writer.writeMessageField(number) { $0.writeStringField(2, yaml(value)) }
    }

    private static func yaml(_ value: JSONValue) -> String {
        String(decoding: (try? KubeJSON.serialize(value)) ?? Data("null".utf8), as: UTF8.self) + "\n"
    }

    private static func strings(_ value: JSONValue?) -> [String] {
        value?.arrayValue?.compactMap(\.stringValue) ?? []
    }

    private static func double(_ value: JSONValue?) -> Double? {
        switch value {
        case .int(let number)?: Double(number)
        case .double(let number)?: number
        default: nil
        }
    }
}
