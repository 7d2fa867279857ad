extension LabelSelector {
    /// A selector as sent in an object (`spec.selector`); nil when it is missing or is not one.
    public init?(_ value: JSONValue?) {
        guard let value, value != .null, let selector = try? KubeJSON.decode(LabelSelector.self, from: value) else {
            return nil
        }
        self = selector
    }

    /// Whether `labels` satisfy every matchLabels entry and matchExpressions requirement. An empty
    /// selector matches everything.
    public func matches(_ labels: [String: String]) -> Bool {
        for (key, value) in matchLabels ?? [:] where labels[key] != value { return false }
        for requirement in matchExpressions ?? [] where !requirement.matches(labels) { return false }
        return true
    }

    public var isEmpty: Bool { (matchLabels ?? [:]).isEmpty && (matchExpressions ?? []).isEmpty }

    /// The selector in the query form `a=b,c in (d,e)`, as the scale subresource reports it.
    public var queryString: String {
        var parts = (matchLabels ?? [:]).sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        for requirement in matchExpressions ?? [] {
            let values = (requirement.values ?? []).sorted().joined(separator: ",")
            switch requirement.operator {
            case "In": parts.append("\(requirement.key) in (\(values))")
            case "NotIn": parts.append("\(requirement.key) notin (\(values))")
            case "Exists": parts.append(requirement.key)
            case "DoesNotExist": parts.append("!\(requirement.key)")
            default: parts.append("\(requirement.key) \(requirement.operator) (\(values))")
            }
        }
        return parts.joined(separator: ",")
    }
}

extension LabelSelectorRequirement {
    public static let knownOperators = ["In", "NotIn", "Exists", "DoesNotExist"]

    public func matches(_ labels: [String: String]) -> Bool {
        let value = labels[key]
        switch self.operator {
        case "In": return value.map { (values ?? []).contains($0) } ?? false
        case "NotIn": return value.map { !(values ?? []).contains($0) } ?? true
        case "Exists": return value != nil
        case "DoesNotExist": return value == nil
        default: return false
        }
    }
}
