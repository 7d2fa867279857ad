/// CPU, memory and pod count only: a trivial value the per-node checks read without touching
/// reference-counted storage.
public struct CoreResources: Sendable, Hashable {
    public var milliCPU: Int64
    public var memory: Int64
    public var pods: Int64

    public static let zero = CoreResources(milliCPU: 0, memory: 0, pods: 0)

    public init(milliCPU: Int64, memory: Int64, pods: Int64) {
        self.milliCPU = milliCPU
        self.memory = memory
        self.pods = pods
    }

    public static func + (lhs: CoreResources, rhs: CoreResources) -> CoreResources {
        CoreResources(milliCPU: lhs.milliCPU + rhs.milliCPU, memory: lhs.memory + rhs.memory, pods: lhs.pods + rhs.pods)
    }

    public static func - (lhs: CoreResources, rhs: CoreResources) -> CoreResources {
        CoreResources(milliCPU: lhs.milliCPU - rhs.milliCPU, memory: lhs.memory - rhs.memory, pods: lhs.pods - rhs.pods)
    }
}

extension ResourceVector {
    public var core: CoreResources { CoreResources(milliCPU: milliCPU, memory: memory, pods: pods) }
}
