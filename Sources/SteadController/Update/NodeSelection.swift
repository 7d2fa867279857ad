import KubeModel

/// Whether a node still satisfies a template's nodeSelector and required node affinity: a pod recreated
/// "on the same node" must also be allowed there by the new spec.
enum NodeSelection {
    static func nodeMatches(template: PodTemplateSpec, nodeLabels: [String: String]) -> Bool {
        guard let spec = try? template.decodedSpec() else { return true }
        for (key, value) in spec.nodeSelector ?? [:] where nodeLabels[key] != value { return false }
        guard let required = spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution else {
            return true
        }
        let terms = required.nodeSelectorTerms.filter { !($0.matchExpressions ?? []).isEmpty }
        if terms.isEmpty { return true }
        return terms.contains { term in (term.matchExpressions ?? []).allSatisfy { matches($0, nodeLabels) } }
    }

    static func matches(_ requirement: NodeSelectorRequirement, _ labels: [String: String]) -> Bool {
        let value = labels[requirement.key]
        let values = requirement.values ?? []
        switch requirement.operator {
        case "In": return value.map(values.contains) ?? false
        case "NotIn": return value.map { !values.contains($0) } ?? true
        case "Exists": return value != nil
        case "DoesNotExist": return value == nil
        case "Gt":
            guard let value, let number = Int(value), let bound = values.first.flatMap({ Int($0) }) else { return false }
            return number > bound
        case "Lt":
            guard let value, let number = Int(value), let bound = values.first.flatMap({ Int($0) }) else { return false }
            return number < bound
        default: return false
        }
    }
}
