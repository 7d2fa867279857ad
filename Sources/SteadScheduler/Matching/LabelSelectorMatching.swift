import KubeModel

extension LabelSelector {
    /// matchLabels and matchExpressions are ANDed; an empty selector matches everything.
    public func matches(_ labels: [String: String]) -> Bool {
        for (key, value) in matchLabels ?? [:] where labels[key] != value { return false }
        for requirement in matchExpressions ?? [] where !requirement.matches(labels[requirement.key]) {
            return false
        }
        return true
    }
}

extension LabelSelectorRequirement {
    public func matches(_ value: String?) -> Bool {
        switch self.operator {
        case "In":
            guard let value else { return false }
            return values?.contains(value) ?? false
        case "NotIn":
            guard let value else { return true }
            return !(values?.contains(value) ?? false)
        case "Exists":
            return value != nil
        case "DoesNotExist":
            return value == nil
        default:
            return false
        }
    }
}

extension PodAffinityTerm {
    /// Whether `pod` is one of the pods this term (declared by a pod in `ownerNamespace`) selects.
    /// A nil selector selects nothing; no namespaces means the declaring pod's own namespace.
    public func selects(_ pod: PodInfo, ownerNamespace: String) -> Bool {
        guard let labelSelector else { return false }
        let scope = namespaces ?? []
        let inScope = scope.isEmpty ? pod.namespace == ownerNamespace : scope.contains(pod.namespace)
        return inScope && labelSelector.matches(pod.labels)
    }
}
