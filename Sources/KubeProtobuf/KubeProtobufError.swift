/// Why a body could not be decoded or an object encoded.
///
/// `description` is meant for a client: `truncated varint at byte 12`, `field 7 of Container (wire type 2) is
/// not known to this server (at spec.template.spec.containers[0])`, `field spec.replicas: expected an integer`.
public struct KubeProtobufError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Reason: Sendable, Equatable {
        /// The body does not start with the `k8s\0` magic: not this content type at all.
        case notProtobuf
        /// The bytes break the wire format (truncated, bad length, wrong wire type, ...).
        case malformed
        /// A field number the schema does not know: decoding would lose data.
        case unknownField
        /// A kind the codec has no schema for (a server answers 415 or 406).
        case unsupportedKind
        /// A value that does not fit its field (JSON type, range, base64, time, quantity, ...).
        case invalidValue
    }

    public let reason: Reason
    /// What went wrong, without the location.
    public let message: String
    /// Where, as JSON path components from the object root: keys, and `[n]` for array elements.
    public let path: [String]
    /// True when the error came from JSON (encode): the path leads the text. Decode errors name the path last.
    let pathIsSubject: Bool

    init(_ reason: Reason, _ message: String, path: [String] = [], pathIsSubject: Bool = false) {
        self.reason = reason
        self.message = message
        self.path = path
        self.pathIsSubject = pathIsSubject
    }

    public var pathText: String {
        var text = ""
        for component in path {
            if !text.isEmpty, !component.hasPrefix("[") { text += "." }
            text += component
        }
        return text
    }

    public var description: String {
        if path.isEmpty { return message }
        return pathIsSubject ? "field \(pathText): \(message)" : "\(message) (at \(pathText))"
    }

    static func malformed(_ message: String) -> KubeProtobufError { KubeProtobufError(.malformed, message) }

    /// A JSON value that does not fit its field; the encoder adds the path as the error unwinds.
    static func invalid(_ message: String) -> KubeProtobufError {
        KubeProtobufError(.invalidValue, message, pathIsSubject: true)
    }

    /// This error one level further out: `component` goes in front of the path.
    func inside(_ component: String) -> KubeProtobufError {
        KubeProtobufError(reason, message, path: [component] + path, pathIsSubject: pathIsSubject)
    }

    func inside(index: Int) -> KubeProtobufError { inside("[\(index)]") }
}
