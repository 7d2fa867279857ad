import Foundation
import KubeModel
import Testing

@testable import KubeProtobuf

/// The polymorphic fields of apiextensions/v1 JSONSchemaProps, worked out by hand from generated.proto: each
/// is a message of its own on the wire whatever its JSON form. Tags past field 15 take two bytes:
/// items (24) is c2 01, additionalProperties (30) f2 01, dependencies (32) 82 02.
@Suite("JSONSchemaProps wire format")
struct JSONSchemaWireFormatTests {
    private let schema = Schema.shared
    private var props: Int { schema.messageIndex["JSONSchemaProps"]! }

    private func encode(_ object: JSONObject) throws -> String {
        var writer = WireWriter()
        try ObjectEncoder(schema: schema).write(object, as: props, into: &writer)
        return hexText(Data(writer.bytes))
    }

    private func decode(_ bytes: String) throws -> JSONObject {
        try ObjectDecoder(schema: schema).object(of: props, WireReader([UInt8](hex(bytes))))
    }

    /// JSONSchemaPropsOrBool {allows (08), schema (12)}: Go always writes `allows`, and true beside a schema.
    /// The schema {type (2a) "string"}.
    @Test(arguments: [
        (JSONValue.bool(false), "f2 01 02  08 00"),
        (JSONValue.bool(true), "f2 01 02  08 01"),
        (JSONValue.object(["type": "string"]), "f2 01 0c  08 01  12 08  2a 06 73 74 72 69 6e 67"),
    ])
    func additionalProperties(value: JSONValue, bytes: String) throws {
        #expect(try encode(["additionalProperties": value]) == hexText(hex(bytes)))
        #expect(try decode(bytes) == ["additionalProperties": value])
    }

    /// JSONSchemaPropsOrArray {schema (0a), jSONSchemas (12) each}.
    @Test(arguments: [
        (JSONValue.object(["type": "string"]), "c2 01 0a  0a 08  2a 06 73 74 72 69 6e 67"),
        (JSONValue.array([["type": "string"], [:]]), "c2 01 0c  12 08  2a 06 73 74 72 69 6e 67  12 00"),
    ])
    func items(value: JSONValue, bytes: String) throws {
        #expect(try encode(["items": value]) == hexText(hex(bytes)))
        #expect(try decode(bytes) == ["items": value])
    }

    /// A map entry {key (0a), value (12)} whose value is JSONSchemaPropsOrStringArray {schema (0a),
    /// property (12) each}; the schema {required (ba 01) "b"}.
    @Test(arguments: [
        (JSONValue.array(["b"]), "82 02 08  0a 01 61  12 03  12 01 62"),
        (JSONValue.object(["required": ["b"]]), "82 02 0b  0a 01 61  12 06  0a 04  ba 01 01 62"),
    ])
    func dependencies(value: JSONValue, bytes: String) throws {
        #expect(try encode(["dependencies": ["a": value]]) == hexText(hex(bytes)))
        #expect(try decode(bytes) == ["dependencies": ["a": value]])
    }

    /// What Go reads as neither form: an empty JSONSchemaPropsOrBool is false, an empty
    /// JSONSchemaPropsOrArray or JSONSchemaPropsOrStringArray null; a schema beside `allows` false is still
    /// the schema.
    @Test func emptyAndOddMessagesFromGo() throws {
        #expect(try decode("f2 01 00") == ["additionalProperties": false])
        #expect(try decode("c2 01 00") == ["items": nil])
        #expect(try decode("82 02 05  0a 01 61  12 00") == ["dependencies": ["a": nil]])
        #expect(try decode("f2 01 06  08 00  12 02  60 01") == ["additionalProperties": ["exclusiveMinimum": true]])
    }

    /// float64 is fixed64, little-endian: maximum (49) 1.5 is 3ff8000000000000, minimum (59) 2 is
    /// 4000000000000000 and comes back as the integer Go's JSON writes.
    @Test func doublesAreFixed64() throws {
        let bytes = "49 00 00 00 00 00 00 f8 3f  59 00 00 00 00 00 00 00 40"
        #expect(try encode(["maximum": 1.5, "minimum": 2]) == hexText(hex(bytes)))
        #expect(try decode(bytes) == ["maximum": 1.5, "minimum": 2])
    }

    /// JSON {raw (0a)} holds the value's JSON text: default (42) 1; a null in enum (a2 01) is an empty
    /// message, as Go writes it.
    @Test func jsonValues() throws {
        let bytes = "42 03  0a 01 31  a2 01 05  0a 03 22 61 22  a2 01 00"
        #expect(try encode(["default": 1, "enum": ["a", nil]]) == hexText(hex(bytes)))
        #expect(try decode(bytes) == ["default": 1, "enum": ["a", nil]])
    }

    @Test func aSchemaWhereItDoesNotBelongIsRefused() throws {
        #expect(throws: KubeProtobufError.self) { try encode(["items": "string"]) }
        #expect(throws: KubeProtobufError.self) { try encode(["items": [["type": "string"], "x"]]) }
        #expect(throws: KubeProtobufError.self) { try encode(["additionalProperties": "yes"]) }
        #expect(throws: KubeProtobufError.self) { try encode(["dependencies": ["a": [1]]]) }
        #expect(throws: KubeProtobufError.self) { try encode(["maximum": "1"]) }
    }
}
