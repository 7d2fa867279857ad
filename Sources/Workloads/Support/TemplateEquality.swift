import KubeModel

/// Kubernetes compares pod templates as typed objects, where an empty map or list is the same as none
/// (kube-apiserver does not even store `nodeSelector: {}`); a template read back from a ReplicaSet or a
/// revision (`kubectl rollout undo`) may lack what the workload's own spec spelled as empty. So two
/// templates are equal here when they are once nulls and empty objects and lists are left out.
enum TemplateEquality {
    static func equal(_ a: JSONValue?, _ b: JSONValue?) -> Bool { normalized(a) == normalized(b) }

    static func normalized(_ value: JSONValue?) -> JSONValue? {
        switch value {
        case .object(let object)?:
            let kept = object.compactMapValues(normalized)
            return kept.isEmpty ? nil : .object(kept)
        case .array(let items)?:
            return items.isEmpty ? nil : .array(items.map { normalized($0) ?? [:] })
        case .null?, nil:
            return nil
        case let scalar?:
            return scalar
        }
    }
}
