import KubeClient
import KubeModel

/// Assigns a pod to a node: `POST pods/{name}/binding` with the pod's UID, so that a binding meant for
/// one incarnation never lands on the next.
struct PodBinder: Sendable {
    let client: KubeClient

    func bind(_ pod: Pod, to node: String) async throws {
        let binding = Binding(
            podName: pod.name, namespace: pod.metadata.namespace ?? "default", nodeName: node, podUID: pod.metadata.uid)
        _ = try await client.create(
            Pod.resourceType, try KubeJSON.encodeToValue(binding), namespace: binding.metadata.namespace,
            subresource: "binding", name: pod.name)
    }

    /// Whether a failed bind is worth trying again: not when the pod is gone or already assigned (the
    /// informer brings the truth), nor when the server rejects the request itself.
    static func isRetryable(_ error: any Error) -> Bool {
        guard let error = error as? KubeAPIError else { return true }
        return !(error.isNotFound || error.isConflict || error.isInvalid || error.isBadRequest)
    }
}
