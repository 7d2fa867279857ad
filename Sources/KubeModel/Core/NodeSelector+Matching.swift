/// Field a `matchFields` requirement may name.
public enum NodeFieldName {
    public static let name = "metadata.name"
}

extension NodeSelector {
    /// Terms are ORed; a term with no requirement matches no node.
    public func matches(labels: [String: String], nodeName: String) -> Bool {
        nodeSelectorTerms.contains { $0.matches(labels: labels, nodeName: nodeName) }
    }
}

extension NodeSelectorTerm {
    /// All requirements of the term hold; an empty term matches nothing.
    public func matches(labels: [String: String], nodeName: String) -> Bool {
        let expressions = matchExpressions ?? []
        let fields = matchFields ?? []
        guard !expressions.isEmpty || !fields.isEmpty else { return false }
        for requirement in expressions where !requirement.matches(value: labels[requirement.key]) {
            return false
        }
        for requirement in fields {
            guard requirement.key == NodeFieldName.name, requirement.matches(value: nodeName) else { return false }
        }
        return true
    }
}

extension NodeSelectorRequirement {
    /// `value` is the node's label (or field) value, nil when the node has none.
    public func matches(value: String?) -> Bool {
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
        case "Gt", "Lt":
            guard let value, let actual = Int64(value), let bounds = values, bounds.count == 1,
                let bound = Int64(bounds[0])
            else { return false }
            return self.operator == "Gt" ? actual > bound : actual < bound
        default:
            return false
        }
    }
}

extension PodSpec {
    /// Whether the pod may run on the node with these labels and name: every `nodeSelector` pair, and the
    /// required node affinity, hold.
    public func allowsNode(labels: [String: String], name: String) -> Bool {
        for (key, value) in nodeSelector ?? [:] where labels[key] != value { return false }
        guard let required = affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution else { return true }
        return required.matches(labels: labels, nodeName: name)
    }
}
