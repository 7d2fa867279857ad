import KubeModel

/// Resource amounts as integers, in the units kube-scheduler compares: milli-CPU, memory bytes, a pod
/// count, and every other resource (ephemeral-storage, hugepages, extended resources) in whole units.
public struct ResourceVector: Sendable, Hashable {
    public var milliCPU: Int64
    public var memory: Int64
    public var pods: Int64
    /// Resources other than cpu, memory and pods, by name; zero entries are dropped.
    public var scalars: [String: Int64]

    public static let zero = ResourceVector()

    public init(milliCPU: Int64 = 0, memory: Int64 = 0, pods: Int64 = 0, scalars: [String: Int64] = [:]) {
        self.milliCPU = milliCPU
        self.memory = memory
        self.pods = pods
        self.scalars = scalars.filter { $0.value != 0 }
    }

    /// Reads a Kubernetes resource list (`allocatable`, `requests`).
    public init(_ list: [String: Quantity]?) {
        self.init()
        for (name, quantity) in list ?? [:] {
            switch name {
            case ResourceName.cpu: milliCPU = quantity.milliValue
            case ResourceName.memory: memory = quantity.value
            case ResourceName.pods: pods = quantity.value
            default:
                let amount = quantity.value
                if amount != 0 { scalars[name] = amount }
            }
        }
    }

    public var isZero: Bool { milliCPU == 0 && memory == 0 && pods == 0 && scalars.isEmpty }

    public func scalar(_ name: String) -> Int64 { scalars[name] ?? 0 }

    public mutating func add(_ other: ResourceVector) {
        milliCPU += other.milliCPU
        memory += other.memory
        pods += other.pods
        for (name, amount) in other.scalars { adjustScalar(name, by: amount) }
    }

    public mutating func subtract(_ other: ResourceVector) {
        milliCPU -= other.milliCPU
        memory -= other.memory
        pods -= other.pods
        for (name, amount) in other.scalars { adjustScalar(name, by: -amount) }
    }

    /// Each resource at the larger of the two amounts.
    public func elementwiseMax(_ other: ResourceVector) -> ResourceVector {
        var result = ResourceVector(
            milliCPU: max(milliCPU, other.milliCPU), memory: max(memory, other.memory), pods: max(pods, other.pods),
            scalars: scalars)
        for (name, amount) in other.scalars where amount > result.scalar(name) { result.scalars[name] = amount }
        return result
    }

    private mutating func adjustScalar(_ name: String, by delta: Int64) {
        let updated = scalar(name) + delta
        scalars[name] = updated == 0 ? nil : updated
    }

    public static func + (lhs: ResourceVector, rhs: ResourceVector) -> ResourceVector {
        var sum = lhs
        sum.add(rhs)
        return sum
    }
}

public enum ResourceName {
    public static let cpu = "cpu"
    public static let memory = "memory"
    public static let pods = "pods"
}
