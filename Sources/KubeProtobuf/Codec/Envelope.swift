import KubeModel

/// The frame around every Kubernetes protobuf body: the magic `k8s\0`, then a runtime.Unknown message
/// `{1: typeMeta {1: apiVersion, 2: kind}, 2: raw (the object's message), 3: contentEncoding, 4: contentType}`.
enum Envelope {
    static let magic: [UInt8] = [0x6b, 0x38, 0x73, 0x00]

    static func decode(_ bytes: [UInt8], schema: Schema) throws(KubeProtobufError) -> JSONValue {
        guard bytes.starts(with: magic) else {
            throw KubeProtobufError(.notProtobuf, "not a Kubernetes protobuf body (missing magic)")
        }
        let unknown = try WellKnown.read(
            WireReader(bytes, from: magic.count), "Unknown",
            [1: .lengthDelimited, 2: .lengthDelimited, 3: .lengthDelimited, 4: .lengthDelimited])
        if let encoding = unknown.string(3), !encoding.isEmpty {
            throw .malformed("content encoding \"\(encoding)\" is not supported")
        }
        if let contentType = unknown.string(4), !contentType.isEmpty, contentType != KubeProtobuf.contentType {
            throw .malformed("content type \"\(contentType)\" is not supported inside a protobuf body")
        }
        var apiVersion = ""
        var kind = ""
        if let typeMeta = unknown.bytes(1) {
            let fields = try WellKnown.read(
                WireReader(bytes, from: typeMeta.lowerBound, to: typeMeta.upperBound), "TypeMeta",
                [1: .lengthDelimited, 2: .lengthDelimited])
            apiVersion = fields.string(1) ?? ""
            kind = fields.string(2) ?? ""
        }
        guard !kind.isEmpty else { throw .malformed("the body names no kind (typeMeta.kind is empty)") }
        guard let root = schema.rootMessage(apiVersion: apiVersion, kind: kind) else {
            throw KubeProtobufError(.unsupportedKind, "kind \(apiVersion) \(kind) is not supported")
        }
        var object: JSONObject = [:]
        if let raw = unknown.bytes(2) {
            object = try ObjectDecoder(schema: schema).object(
                of: root, WireReader(bytes, from: raw.lowerBound, to: raw.upperBound))
        }
        if !apiVersion.isEmpty { object["apiVersion"] = .string(apiVersion) }
        object["kind"] = .string(kind)
        return .object(object)
    }

    static func encode(_ value: JSONValue, schema: Schema) throws(KubeProtobufError) -> [UInt8] {
        guard case .object(var object) = value else { throw .invalid("expected a JSON object") }
        let apiVersion = try typeMetaString("apiVersion", in: object)
        let kind = try typeMetaString("kind", in: object)
        guard let root = schema.rootMessage(apiVersion: apiVersion, kind: kind) else {
            throw KubeProtobufError(.unsupportedKind, "kind \(apiVersion) \(kind) is not supported")
        }
        object["apiVersion"] = nil
        object["kind"] = nil
        var writer = WireWriter(capacity: 512)
        writer.bytes.append(contentsOf: magic)
        writer.writeMessageField(1) { typeMeta in
            typeMeta.writeStringField(1, apiVersion)
            typeMeta.writeStringField(2, kind)
        }
        let encoder = ObjectEncoder(schema: schema)
        try writer.writeMessageField(2) { raw throws(KubeProtobufError) in
            try encoder.write(object, as: root, into: &raw)
        }
        return writer.bytes
    }

    private static func typeMetaString(_ key: String, in object: JSONObject) throws(KubeProtobufError) -> String {
        switch object[key] {
        case .string(let text) where !text.isEmpty: return text
        case nil, .null, .string: throw KubeProtobufError.invalid("required to name the object's type").inside(key)
        default: throw KubeProtobufError.invalid("expected a string").inside(key)
        }
    }
}
