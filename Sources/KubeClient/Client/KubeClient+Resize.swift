import KubeModel

extension KubeClient {
    /// Changes the cpu and memory of a pod's containers in place through the `pods/resize` subresource
    /// (Kubernetes 1.33+), with a strategic merge patch: only the named containers and the resources
    /// given change. With `resourceVersion` the server answers 409 Conflict when the pod changed since.
    /// The kubelet then reports `PodResizeInProgress` (or `PodResizePending`) and the new resources in
    /// `status.containerStatuses[*].resources`.
    @discardableResult
    public func resize(
        pod name: String, namespace: String? = nil, containers: [String: ResourceRequirements],
        resourceVersion: String? = nil
    ) async throws -> Pod {
        var entries: [JSONValue] = []
        for containerName in containers.keys.sorted() {
            guard let resources = containers[containerName] else { continue }
            entries.append(["name": .string(containerName), "resources": try KubeJSON.encodeToValue(resources)])
        }
        var body: JSONValue = ["spec": ["containers": .array(entries)]]
        if let resourceVersion { body["metadata"] = ["resourceVersion": .string(resourceVersion)] }
        return try await patch(Pod.self, name: name, namespace: namespace, patch: .strategic(body), subresource: "resize")
    }
}
