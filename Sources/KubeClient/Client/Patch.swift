import KubeModel

/// A patch and the content type that tells the server how to apply it.
public enum Patch: Sendable, Hashable {
    /// RFC 7386 JSON merge patch.
    case merge(JSONValue)
    /// RFC 6902 JSON patch: a list of operations.
    case json([JSONValue])
    /// Strategic merge patch (built-in types only).
    case strategic(JSONValue)
    /// Server-side apply of a YAML (or JSON) manifest; needs a field manager.
    case apply(yaml: String)

    public var contentType: String {
        switch self {
        case .merge: "application/merge-patch+json"
        case .json: "application/json-patch+json"
        case .strategic: "application/strategic-merge-patch+json"
        case .apply: "application/apply-patch+yaml"
        }
    }

    func body() throws -> [UInt8] {
        switch self {
        case .merge(let value), .strategic(let value): Array(try KubeJSON.serialize(value))
        case .json(let operations): Array(try KubeJSON.serialize(.array(operations)))
        case .apply(let yaml): Array(yaml.utf8)
        }
    }
}
