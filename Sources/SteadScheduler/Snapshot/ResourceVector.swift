import KubeModel

/// Resource amounts as integers, in the units kube-scheduler compares: milli-CPU, memory bytes, a pod
/// count, and every other resource (ephemeral-storage, hugepages, extended resources) in whole units.
struct ResourceVector: Sendable, Hashable {
    var milliCPU: Int64
    var memory: Int64
    var pods: Int64
    /// Resources other than cpu, memory and pods, by name; zero entries are dropped.
    var scalars: [String: Int64]

    static let zero = ResourceVector()

    init(milliCPU: Int64 = 0, memory: Int64 = 0, pods: Int64 = 0, scalars: [String: Int64] = [:]) {
        self.milliCPU = milliCPU
        self.memory = memory
        self.pods = pods
        self.scalars = scalars.filter { $0.value != 0 }
    }

    /// Reads a Kubernetes resource list (`allocatable`, `requests`).
    init(_ list: [String: Quantity]?) {
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

    var isZero: Bool { milliCPU == 0 && memory == 0 && pods == 0 && scalars.isEmpty }

    func scalar(_ name: String) -> Int64 { scalars[name] ?? 0 }

    mutating func add(_ other: ResourceVector) {
        milliCPU += other.milliCPU
        memory += other.memory
        pods += other.pods
        for (name, amount) in other.scalars { adjustScalar(name, by: amount) }
    }

    mutating func subtract(_ other: ResourceVector) {
        milliCPU -= other.milliCPU
        memory -= other.memory
        pods -= other.pods
        for (name, amount) in other.scalars { adjustScalar(name, by: -amount) }
    }

    /// Each resource at the larger of the two amounts.
    func elementwiseMax(_ other: ResourceVector) -> ResourceVector {
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

    static func + (lhs: ResourceVector, rhs: ResourceVector) -> ResourceVector {
        var sum = lhs
        sum.add(rhs)
        return sum
    }
}

enum ResourceName {
    static let cpu = "cpu"
    static let memory = "memory"
    static let pods = "pods"
}
