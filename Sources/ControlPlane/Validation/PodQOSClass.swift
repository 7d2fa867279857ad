import KubeModel

/// A pod's QoS class computed from its spec as Kubernetes' `ComputePodQOS` does: only cpu and memory
/// count, zero quantities count as unset, and a container's missing request defaults to its limit (the
/// API server's defaulting). Pure.
enum PodQOSClass: String, Sendable {
    case guaranteed = "Guaranteed"
    case burstable = "Burstable"
    case bestEffort = "BestEffort"

    static let resources = ["cpu", "memory"]

    /// The class the pod reports in `status.qosClass`, else the one its spec gives.
    static func stored(_ pod: JSONValue) -> PodQOSClass {
        pod[path: ["status", "qosClass"]]?.stringValue.flatMap(PodQOSClass.init(rawValue:)) ?? of(spec: pod["spec"])
    }

    static func of(spec: JSONValue?) -> PodQOSClass {
        let containers = (spec?["containers"]?.arrayValue ?? []) + (spec?["initContainers"]?.arrayValue ?? [])
        var requests: [String: Quantity] = [:]
        var limits: [String: Quantity] = [:]
        var everyContainerLimitsAll = true
        for container in containers {
            let containerLimits = positive(container[path: ["resources", "limits"]])
            var containerRequests = positive(container[path: ["resources", "requests"]])
            for (name, limit) in containerLimits where containerRequests[name] == nil { containerRequests[name] = limit }
            for (name, value) in containerRequests { requests[name] = (requests[name] ?? .zero) + value }
            for (name, value) in containerLimits { limits[name] = (limits[name] ?? .zero) + value }
            if !resources.allSatisfy({ containerLimits[$0] != nil }) { everyContainerLimitsAll = false }
        }
        if requests.isEmpty && limits.isEmpty { return .bestEffort }
        let limitsMatchRequests = requests.allSatisfy { limits[$0.key] == $0.value } && requests.count == limits.count
        return everyContainerLimitsAll && limitsMatchRequests ? .guaranteed : .burstable
    }

    /// The cpu and memory quantities above zero in a resource list; unparsable ones are left out.
    private static func positive(_ list: JSONValue?) -> [String: Quantity] {
        var result: [String: Quantity] = [:]
        for name in resources {
            guard let text = list?[name].flatMap(ResizeRule.quantityText), let quantity = try? Quantity(parsing: text),
                quantity > .zero
            else { continue }
            result[name] = quantity
        }
        return result
    }
}

extension Quantity {
    fileprivate static let zero = Quantity(nanoValue: 0)
}
