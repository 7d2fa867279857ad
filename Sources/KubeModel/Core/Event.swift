/// A core/v1 Event, the kind `kubectl describe` shows.
public struct Event: KubeResource, Hashable {
    public static let resourceType = ResourceType(
        group: "", version: "v1", kind: "Event", plural: "events", namespaced: true)
    public var apiVersion: String?
    public var kind: String?
    public var metadata: ObjectMeta
    public var involvedObject: ObjectReference
    public var reason: String?
    public var message: String?
    /// Normal or Warning.
    public var type: String?
    public var source: EventSource?
    public var reportingComponent: String?
    public var reportingInstance: String?
    public var firstTimestamp: KubeTime?
    public var lastTimestamp: KubeTime?
    public var eventTime: KubeTime?
    public var count: Int32?
    public var action: String?
    public var unknownFields: UnknownFields?

    public init(metadata: ObjectMeta, involvedObject: ObjectReference, reason: String?, message: String?,
                type: String?) {
        self.apiVersion = Self.resourceType.apiVersion
        self.kind = Self.resourceType.kind
        self.metadata = metadata
        self.involvedObject = involvedObject
        self.reason = reason
        self.message = message
        self.type = type
    }
}

public struct EventSource: Codable, Sendable, Hashable {
    public var component: String?
    public var host: String?

    public init(component: String? = nil, host: String? = nil) {
        self.component = component
        self.host = host
    }
}
