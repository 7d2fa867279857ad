import KubeModel

extension PodAffinityTerm {
    /// Whether `pod` is one of the pods this term (declared by a pod in `ownerNamespace`) selects.
    /// A nil selector selects nothing; no namespaces means the declaring pod's own namespace.
    func selects(_ pod: PodInfo, ownerNamespace: String) -> Bool {
        guard let labelSelector else { return false }
        let scope = namespaces ?? []
        let inScope = scope.isEmpty ? pod.namespace == ownerNamespace : scope.contains(pod.namespace)
        return inScope && labelSelector.matches(pod.labels)
    }
}
