/// An immutable snapshot of a workload's template; `data` holds the template as written.
public struct ControllerRevision: KubeResource, Hashable {
    public static let resourceType = ResourceType(
        group: "apps", version: "v1", kind: "ControllerRevision", plural: "controllerrevisions", namespaced: true)
    public var apiVersion: String?
    public var kind: String?
    public var metadata: ObjectMeta
    public var data: JSONValue?
    public var revision: Int64
    public var unknownFields: UnknownFields?

    public init(metadata: ObjectMeta, data: JSONValue?, revision: Int64) {
        self.apiVersion = Self.resourceType.apiVersion
        self.kind = Self.resourceType.kind
        self.metadata = metadata
        self.data = data
        self.revision = revision
    }
}
