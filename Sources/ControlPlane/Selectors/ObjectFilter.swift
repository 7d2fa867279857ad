import KubeModel

/// What a list or watch asks for: a namespace (or all), a label selector and a field selector.
public struct ObjectFilter: Sendable {
    public var namespace: String?
    public var labels: LabelSelectorExpression
    public var fields: FieldSelectorExpression

    public init(
        namespace: String? = nil, labels: LabelSelectorExpression = .everything,
        fields: FieldSelectorExpression = .everything
    ) {
        self.namespace = namespace
        self.labels = labels
        self.fields = fields
    }

    public func matches(_ object: JSONValue) -> Bool {
        if let namespace, object[path: ["metadata", "namespace"]]?.stringValue != namespace { return false }
        if !labels.isEmpty && !labels.matches(Self.labels(of: object)) { return false }
        if !fields.isEmpty && !fields.matches(object) { return false }
        return true
    }

    static func labels(of object: JSONValue) -> [String: String] {
        guard let labels = object[path: ["metadata", "labels"]]?.objectValue else { return [:] }
        var result: [String: String] = [:]
        for (key, value) in labels {
            if let text = value.stringValue { result[key] = text }
        }
        return result
    }
}
