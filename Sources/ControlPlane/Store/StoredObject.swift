import Foundation
import KubeModel

/// One object as the server keeps it: parsed, with its resourceVersion and its serialized bytes (so lists
/// and watch events are written without encoding again).
public struct StoredObject: Sendable {
    public var object: JSONValue
    public var resourceVersion: Int64
    public var data: Data

    public init(object: JSONValue, resourceVersion: Int64, data: Data) {
        self.object = object
        self.resourceVersion = resourceVersion
        self.data = data
    }

    /// Sets `metadata.resourceVersion` and serializes.
    static func make(_ object: JSONValue, resourceVersion: Int64) throws(Status) -> StoredObject {
        var object = object
        var metadata = object["metadata"]?.objectValue ?? [:]
        metadata["resourceVersion"] = .string(String(resourceVersion))
        object["metadata"] = .object(metadata)
        do {
            return StoredObject(object: object, resourceVersion: resourceVersion, data: try KubeJSON.serialize(object))
        } catch {
            throw Status.failure(.internalError, "cannot serialize object: \(error)")
        }
    }

    var key: ObjectKey { Self.key(of: object) }

    static func key(of object: JSONValue) -> ObjectKey {
        ObjectKey(
            namespace: object[path: ["metadata", "namespace"]]?.stringValue,
            name: object[path: ["metadata", "name"]]?.stringValue ?? "")
    }
}
