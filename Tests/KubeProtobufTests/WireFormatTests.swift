import Foundation
import KubeModel
import Testing

@testable import KubeProtobuf

/// Bytes worked out by hand from the wire rules: tag = field number << 3 | wire type (0 varint, 2 length-
/// delimited), then the varint or the length and the bytes.
@Suite("Wire format")
struct WireFormatTests {
    /// magic; Unknown.typeMeta (0a) {apiVersion (0a) "v1", kind (12) "Namespace"}; Unknown.raw (12)
    /// {metadata (0a) {name (0a) "a"}}.
    @Test func aNamespaceNamedA() throws {
        let expected = hex(
            """
            6b 38 73 00
            0a 0f  0a 02 76 31  12 09 4e 61 6d 65 73 70 61 63 65
            12 05  0a 03  0a 01 61
            """)
        let namespace: JSONValue = ["apiVersion": "v1", "kind": "Namespace", "metadata": ["name": "a"]]
        #expect(hexText(try KubeProtobuf.encode(namespace)) == hexText(expected))
        #expect(try KubeProtobuf.decode(expected) == namespace)
    }

    /// spec (12) {replicas (08) 2}.
    @Test func aDeploymentWithTwoReplicas() throws {
        let expected = hex(
            """
            6b 38 73 00
            0a 15  0a 07 61 70 70 73 2f 76 31  12 0a 44 65 70 6c 6f 79 6d 65 6e 74
            12 0b  0a 05 0a 03 77 65 62  12 02 08 02
            """)
        let deployment: JSONValue = [
            "apiVersion": "apps/v1", "kind": "Deployment", "metadata": ["name": "web"], "spec": ["replicas": 2],
        ]
        #expect(hexText(try KubeProtobuf.encode(deployment)) == hexText(expected))
        #expect(try KubeProtobuf.decode(expected) == deployment)
    }

    /// A negative number is its 64-bit two's complement as a varint: ten bytes.
    @Test func negativeNumbersTakeTenBytes() throws {
        let expected = hex(
            """
            6b 38 73 00
            0a 13  0a 02 76 31  12 0d 44 65 6c 65 74 65 4f 70 74 69 6f 6e 73
            12 0b  08 ff ff ff ff ff ff ff ff ff 01
            """)
        let options: JSONValue = ["apiVersion": "v1", "kind": "DeleteOptions", "gracePeriodSeconds": -1]
        #expect(hexText(try KubeProtobuf.encode(options)) == hexText(expected))
        #expect(try KubeProtobuf.decode(expected) == options)
    }

    /// data (12) is a map<string, bytes>: one entry message {key (0a) "k", value (12) 00 01}; type (1a).
    @Test func secretDataIsRawBytesOnTheWire() throws {
        let expected = hex(
            """
            6b 38 73 00
            0a 0c  0a 02 76 31  12 06 53 65 63 72 65 74
            12 16  0a 03 0a 01 73  12 07 0a 01 6b 12 02 00 01  1a 06 4f 70 61 71 75 65
            """)
        let secret: JSONValue = [
            "apiVersion": "v1", "kind": "Secret", "metadata": ["name": "s"], "data": ["k": "AAE="], "type": "Opaque",
        ]
        #expect(hexText(try KubeProtobuf.encode(secret)) == hexText(expected))
        #expect(try KubeProtobuf.decode(expected) == secret)
    }

    /// IntOrString {type (08), intVal (10) | strVal (1a)}; 8080 is the varint 90 3f.
    @Test(arguments: [
        (JSONValue.int(8080), "22 05 08 00 10 90 3f"),
        (JSONValue.string("http"), "22 08 08 01 1a 04 68 74 74 70"),
    ])
    func intOrString(targetPort: JSONValue, bytes: String) throws {
        let service: JSONValue = [
            "apiVersion": "v1", "kind": "Service", "spec": ["ports": [["port": 80, "targetPort": targetPort]]],
        ]
        let portLength = String(format: "%02x", 2 + hex(bytes).count)
        let expected = hex(
            """
            6b 38 73 00
            0a 0d  0a 02 76 31  12 07 53 65 72 76 69 63 65
            12 \(String(format: "%02x", 6 + hex(bytes).count))
            12 \(String(format: "%02x", 4 + hex(bytes).count))  0a \(portLength)  18 50 \(bytes)
            """)
        #expect(hexText(try KubeProtobuf.encode(service)) == hexText(expected))
        #expect(try KubeProtobuf.decode(expected) == service)
    }

    /// creationTimestamp (42) is a Time {seconds (08)}: 2024-01-02T03:04:05Z is 1704164645, the varint
    /// a5 fa cd ac 06; null is an empty Time.
    @Test(arguments: [
        (JSONValue.string("2024-01-02T03:04:05Z"), "12 0d  0a 0b  0a 01 61  42 06 08 a5 fa cd ac 06"),
        (JSONValue.null, "12 07  0a 05  0a 01 61  42 00"),
    ])
    func creationTimestamp(time: JSONValue, raw: String) throws {
        let expected = hex("6b 38 73 00  0a 0f  0a 02 76 31  12 09 4e 61 6d 65 73 70 61 63 65 " + raw)
        let namespace: JSONValue = [
            "apiVersion": "v1", "kind": "Namespace", "metadata": ["name": "a", "creationTimestamp": time],
        ]
        #expect(hexText(try KubeProtobuf.encode(namespace)) == hexText(expected))
        #expect(try KubeProtobuf.decode(expected) == namespace)
    }

    /// A message longer than 127 bytes has a two-byte length: 200 is c8 01, 203 is cb 01, 206 is ce 01.
    @Test func longMessagesHaveMultiByteLengths() throws {
        let name = String(repeating: "x", count: 200)
        let configMap: JSONValue = ["apiVersion": "v1", "kind": "ConfigMap", "metadata": ["name": .string(name)]]
        let data = try KubeProtobuf.encode(configMap)
        let expected = hex(
            "6b 38 73 00  0a 0f 0a 02 76 31 12 09 43 6f 6e 66 69 67 4d 61 70  12 ce 01  0a cb 01  0a c8 01"
                + String(repeating: " 78", count: 200))
        #expect(hexText(data) == hexText(expected))
        #expect(try KubeProtobuf.decode(data) == configMap)
    }

    /// Inline (embedded) Go structs are their own message on the wire: SecretKeySelector is
    /// {localObjectReference (0a) {name (0a)}, key (12)}, and `name` sits beside `key` in JSON.
    @Test func inlineStructsAreNestedOnTheWireAndFlatInJSON() throws {
        let pod: JSONValue = [
            "apiVersion": "v1", "kind": "Pod",
            "spec": ["containers": [["name": "c", "env": [["name": "P", "valueFrom": ["secretKeyRef": ["name": "db", "key": "pw"]]]]]]],
        ]
        let data = try KubeProtobuf.encode(pod)
        // env (3a) {name (0a) "P", valueFrom (1a) {secretKeyRef (22) {localObjectReference (0a) {name (0a) "db"}, key (12) "pw"}}}
        #expect(hexText(data).hasSuffix("3a 11 0a 01 50 1a 0c 22 0a 0a 04 0a 02 64 62 12 02 70 77"))
        #expect(try KubeProtobuf.decode(data) == pod)
    }
}

/// Decoding what Go writes, which differs from what this encoder writes.
@Suite("Decoding Go's messages")
struct GoMessageTests {
    private func body(apiVersion: String, kind: String, raw: String) -> Data {
        var writer = WireWriter()
        writer.bytes = Envelope.magic
        writer.writeMessageField(1) {
            $0.writeStringField(1, apiVersion)
            $0.writeStringField(2, kind)
        }
        writer.writeBytesField(2, hex(raw))
        // Go also writes the empty contentEncoding and contentType.
        writer.writeStringField(3, "")
        writer.writeStringField(4, "")
        return Data(writer.bytes)
    }

    /// Go writes every non-pointer field, zero or not; its JSON leaves out the `omitempty` ones.
    @Test func zerosOfNonPointerFieldsAreLeftOut() throws {
        let raw = """
            0a 13  0a 03 77 65 62  12 00  1a 00  22 00  2a 00  32 00  38 00  42 00
            12 06  08 00  28 00  38 00
            1a 04  08 00  10 00
            """
        let decoded = try KubeProtobuf.decode(body(apiVersion: "apps/v1", kind: "Deployment", raw: raw))
        #expect(
            decoded == [
                "apiVersion": "apps/v1", "kind": "Deployment", "metadata": ["name": "web", "creationTimestamp": nil],
                "spec": ["replicas": 0], "status": [:],
            ])
    }

    /// supplementalGroups (PodSecurityContext field 4) packed (22: one length-delimited run) or not (20 each).
    @Test(arguments: ["12 07  72 05  22 03 e8 07 05", "12 07  72 05  20 e8 07 20 05"])
    func repeatedNumbersPackedOrNot(raw: String) throws {
        let decoded = try KubeProtobuf.decode(body(apiVersion: "v1", kind: "Pod", raw: raw))
        #expect(decoded["spec"] == ["securityContext": ["supplementalGroups": [1000, 5]]])
    }

    @Test func fieldsInAnyOrderAndAMessageTwiceMerge() throws {
        // status first, then spec twice: {replicas 2} and {paused true} merge; metadata last.
        let raw = "1a 02 10 01  12 02 08 02  12 02 38 01  0a 03 0a 01 61"
        let decoded = try KubeProtobuf.decode(body(apiVersion: "apps/v1", kind: "Deployment", raw: raw))
        #expect(
            decoded == [
                "apiVersion": "apps/v1", "kind": "Deployment", "metadata": ["name": "a"],
                "spec": ["replicas": 2, "paused": true], "status": ["replicas": 1],
            ])
    }

    /// A map entry without its value has the value type's zero.
    @Test func aMapEntryWithoutValue() throws {
        let decoded = try KubeProtobuf.decode(body(apiVersion: "v1", kind: "Namespace", raw: "0a 08  0a 01 61  5a 03 0a 01 6b"))
        #expect(decoded["metadata"] == ["name": "a", "labels": ["k": ""]])
    }

    /// Time keeps whole seconds (Go drops the nanoseconds it reads); MicroTime keeps microseconds.
    @Test func timesAndMicroTimes() throws {
        var event = WireWriter()
        // firstTimestamp (6) and eventTime (10) at 2024-01-02T03:04:05.123456789Z.
        for number in [6, 10] {
            event.writeMessageField(number) {
                $0.writeVarintField(1, 1_704_164_645)
                $0.writeVarintField(2, 123_456_789)
            }
        }
        let raw = hexText(Data(event.bytes))
        let decoded = try KubeProtobuf.decode(body(apiVersion: "v1", kind: "Event", raw: raw))
        #expect(decoded["firstTimestamp"] == "2024-01-02T03:04:05Z")
        #expect(decoded["eventTime"] == "2024-01-02T03:04:05.123456Z")
    }

    /// A RawExtension may hold an object a protobuf client wrote: magic and all.
    @Test func aRawExtensionHoldingAProtobufObject() throws {
        let configMap: JSONValue = ["apiVersion": "v1", "kind": "ConfigMap", "metadata": ["name": "c"], "data": ["a": "b"]]
        var revision = WireWriter()
        revision.writeMessageField(2) { $0.writeBytesField(1, try! KubeProtobuf.encode(configMap)) }
        revision.writeVarintField(3, 4)
        let decoded = try KubeProtobuf.decode(
            body(apiVersion: "apps/v1", kind: "ControllerRevision", raw: hexText(Data(revision.bytes))))
        #expect(decoded["data"] == configMap)
        #expect(decoded["revision"] == 4)
    }

    /// Duration is in no supported kind; a schema of one message shows its wire form and JSON.
    @Test func durations() throws {
        var builder = Schema.Builder()
        builder.message("Holder", [1: ("timeout", .duration), 2: ("timeouts", .repeated(.duration))])
        #expect(builder.problems() == [])
        let schema = builder.build()
        var writer = WireWriter()
        try ObjectEncoder(schema: schema).write(["timeout": "1m30s", "timeouts": ["1.5ms", "-2h"]], as: 0, into: &writer)
        // 90 s = 90_000_000_000 ns, the varint 80 88 ac a3 cf 02.
        #expect(hexText(Data(writer.bytes)).hasPrefix("0a 07 08 80 88 ac a3 cf 02"))
        let decoded = try ObjectDecoder(schema: schema).object(of: 0, WireReader(writer.bytes))
        #expect(decoded == ["timeout": "1m30s", "timeouts": ["1.5ms", "-2h0m0s"]])
    }
}
