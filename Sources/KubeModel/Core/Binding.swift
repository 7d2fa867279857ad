/// The body of `POST .../pods/{name}/binding`: assigns the pod to `target` (a Node).
public struct Binding: KubeResource, Hashable {
    public static let resourceType = ResourceType(
        group: "", version: "v1", kind: "Binding", plural: "bindings", namespaced: true)
    public var apiVersion: String?
    public var kind: String?
    public var metadata: ObjectMeta
    public var target: ObjectReference
    public var unknownFields: UnknownFields?

    public init(podName: String, namespace: String, nodeName: String, podUID: String? = nil) {
        self.apiVersion = Self.resourceType.apiVersion
        self.kind = Self.resourceType.kind
        var metadata = ObjectMeta(name: podName, namespace: namespace)
        metadata.uid = podUID
        self.metadata = metadata
        self.target = ObjectReference(apiVersion: "v1", kind: "Node", name: nodeName)
    }
}
