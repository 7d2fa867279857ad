import KubeModel

/// A pod's QoS class from its template's containers; `pods/resize` may not change it.
enum QualityOfService: String, Sendable {
    case guaranteed = "Guaranteed"
    case burstable = "Burstable"
    case bestEffort = "BestEffort"

    static func of(_ spec: JSONValue) -> QualityOfService {
        let containers = (spec["containers"]?.arrayValue ?? []) + (spec["initContainers"]?.arrayValue ?? [])
        var anySet = false
        var allGuaranteed = true
        for container in containers {
            for resource in ["cpu", "memory"] {
                let limit = quantity(container[path: ["resources", "limits", resource]])
                let request = quantity(container[path: ["resources", "requests", resource]]) ?? limit
                if limit != nil || request != nil { anySet = true }
                if limit == nil || request != limit { allGuaranteed = false }
            }
        }
        if !anySet { return .bestEffort }
        return allGuaranteed ? .guaranteed : .burstable
    }

    private static func quantity(_ value: JSONValue?) -> Quantity? {
        ContainerDiffer.text(value).flatMap { try? Quantity(parsing: $0) }
    }
}
