import Foundation
import KubeModel

/// Kubernetes' protobuf encoding (`application/vnd.kubernetes.protobuf`) to and from the JSON objects the
/// server keeps.
///
/// A body is the magic `k8s\0` and a runtime.Unknown message naming the object's apiVersion and kind and
/// holding the object's own message. The messages are those of Kubernetes' `generated.proto` files, declared
/// in `Schema/Groups` for the kinds listed in `Schema/Kinds.swift`; a field number the schema does not know is
/// an error, never dropped.
public enum KubeProtobuf {
    public static let contentType = "application/vnd.kubernetes.protobuf"

    /// Whether the codec knows the kind (so a server can answer 415/406 before trying).
    public static func supports(apiVersion: String, kind: String) -> Bool {
        Schema.shared.rootMessage(apiVersion: apiVersion, kind: kind) != nil
    }

    /// Decodes an enveloped body into the JSON object Kubernetes' JSON encoding gives for it: apiVersion and
    /// kind from the envelope, JSON field names, numbers, base64 bytes, Quantity and IntOrString and times in
    /// their JSON forms, RawExtension and FieldsV1 as embedded JSON. A field absent on the wire is absent in
    /// the JSON; a zero on the wire is kept, except where Go's JSON would leave it out (`omitempty` on a
    /// non-pointer field, which Go always writes to the wire).
    public static func decode(_ data: Data) throws(KubeProtobufError) -> JSONValue {
        try Envelope.decode([UInt8](data), schema: Schema.shared)
    }

    /// Encodes a JSON object (with apiVersion and kind) into the envelope. A key the kind's messages do not
    /// have is an error.
    public static func encode(_ object: JSONValue) throws(KubeProtobufError) -> Data {
        Data(try Envelope.encode(object, schema: Schema.shared))
    }
}
