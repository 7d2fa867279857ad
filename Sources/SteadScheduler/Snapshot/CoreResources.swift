/// CPU, memory and pod count only: a trivial value the per-node checks read without touching
/// reference-counted storage.
struct CoreResources: Sendable, Hashable {
    var milliCPU: Int64
    var memory: Int64
    var pods: Int64

    static let zero = CoreResources(milliCPU: 0, memory: 0, pods: 0)

    init(milliCPU: Int64, memory: Int64, pods: Int64) {
        self.milliCPU = milliCPU
        self.memory = memory
        self.pods = pods
    }

    static func + (lhs: CoreResources, rhs: CoreResources) -> CoreResources {
        CoreResources(milliCPU: lhs.milliCPU + rhs.milliCPU, memory: lhs.memory + rhs.memory, pods: lhs.pods + rhs.pods)
    }

    static func - (lhs: CoreResources, rhs: CoreResources) -> CoreResources {
        CoreResources(milliCPU: lhs.milliCPU - rhs.milliCPU, memory: lhs.memory - rhs.memory, pods: lhs.pods - rhs.pods)
    }
}

extension ResourceVector {
    var core: CoreResources { CoreResources(milliCPU: milliCPU, memory: memory, pods: pods) }
}
