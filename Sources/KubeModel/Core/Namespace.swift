public struct Namespace: KubeResource, Hashable {
    public static let resourceType = ResourceType(
        group: "", version: "v1", kind: "Namespace", plural: "namespaces", namespaced: false)
    public var apiVersion: String?
    public var kind: String?
    public var metadata: ObjectMeta
    public var spec: NamespaceSpec?
    public var status: NamespaceStatus?
    public var unknownFields: UnknownFields?

    public init(metadata: ObjectMeta) {
        self.apiVersion = Self.resourceType.apiVersion
        self.kind = Self.resourceType.kind
        self.metadata = metadata
    }
}

public struct NamespaceSpec: Codable, Sendable, Hashable {
    public var finalizers: [String]?
}

/// Phase: Active or Terminating.
public struct NamespaceStatus: Codable, Sendable, Hashable {
    public var phase: String?
}

extension Namespace {
    /// Being deleted: the namespace controller is removing its content.
    public var isTerminating: Bool { metadata.deletionTimestamp != nil || status?.phase == "Terminating" }
}
