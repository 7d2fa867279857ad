import KubeModel

/// CPU (milli-cores), memory (bytes) and a pod count: what admission adds up and compares.
public struct ResourceAmount: Sendable, Hashable {
    public var milliCPU: Int64
    public var memory: Int64
    public var pods: Int

    public init(milliCPU: Int64 = 0, memory: Int64 = 0, pods: Int = 0) {
        self.milliCPU = milliCPU
        self.memory = memory
        self.pods = pods
    }

    public static let zero = ResourceAmount()

    public static func + (lhs: ResourceAmount, rhs: ResourceAmount) -> ResourceAmount {
        ResourceAmount(milliCPU: lhs.milliCPU + rhs.milliCPU, memory: lhs.memory + rhs.memory, pods: lhs.pods + rhs.pods)
    }

    public static func - (lhs: ResourceAmount, rhs: ResourceAmount) -> ResourceAmount {
        ResourceAmount(milliCPU: lhs.milliCPU - rhs.milliCPU, memory: lhs.memory - rhs.memory, pods: lhs.pods - rhs.pods)
    }

    /// What a pod requests, as the kubelet counts it: the sum over its containers, or the largest init
    /// container when that is more; a missing request defaults to the limit; `pods` is 1.
    public static func requests(of spec: PodSpec?) -> ResourceAmount {
        guard let spec else { return ResourceAmount(pods: 1) }
        var total = requests(of: spec.containers)
        for initContainer in spec.initContainers ?? [] {
            let single = requests(of: [initContainer])
            total.milliCPU = max(total.milliCPU, single.milliCPU)
            total.memory = max(total.memory, single.memory)
        }
        total.pods = 1
        return total
    }

    /// The summed requests of containers (pods = 0).
    public static func requests(of containers: [Container]) -> ResourceAmount {
        containers.reduce(into: ResourceAmount.zero) { total, container in
            total = total + requests(of: container.resources)
        }
    }

    /// One container's requests (pods = 0).
    public static func requests(of resources: ResourceRequirements?) -> ResourceAmount {
        func value(_ name: String) -> Quantity? { resources?.requests?[name] ?? resources?.limits?[name] }
        return ResourceAmount(milliCPU: value("cpu")?.milliValue ?? 0, memory: value("memory")?.value ?? 0)
    }
}
