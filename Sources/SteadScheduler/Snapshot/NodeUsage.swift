import KubeModel

/// What the pods assigned to one node take from it.
public struct NodeUsage: Sendable {
    /// Sum of the assigned pods' requests; `pods` is their number.
    public private(set) var requested = ResourceVector.zero
    public private(set) var nonZeroMilliCPU: Int64 = 0
    public private(set) var nonZeroMemory: Int64 = 0
    public private(set) var pods: [ObjectKey: PodInfo] = [:]
    /// Host ports in use, with how many pods use each.
    public private(set) var usedPorts: [HostPort: Int] = [:]

    public init() {}

    public var isEmpty: Bool { pods.isEmpty }

    mutating func add(_ pod: PodInfo) {
        requested.add(pod.requests)
        nonZeroMilliCPU += pod.nonZeroMilliCPU
        nonZeroMemory += pod.nonZeroMemory
        pods[pod.key] = pod
        for port in pod.hostPorts { usedPorts[port, default: 0] += 1 }
    }

    @discardableResult
    mutating func remove(_ key: ObjectKey) -> PodInfo? {
        guard let pod = pods.removeValue(forKey: key) else { return nil }
        requested.subtract(pod.requests)
        nonZeroMilliCPU -= pod.nonZeroMilliCPU
        nonZeroMemory -= pod.nonZeroMemory
        for port in pod.hostPorts {
            let remaining = (usedPorts[port] ?? 0) - 1
            usedPorts[port] = remaining > 0 ? remaining : nil
        }
        return pod
    }
}
