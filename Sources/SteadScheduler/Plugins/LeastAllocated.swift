/// Prefers nodes with more free CPU and memory: per resource (allocatable - requested) × 100 /
/// allocatable, averaged with equal weights (kube-scheduler's NodeResourcesFit LeastAllocated strategy).
/// Requests use the non-zero defaults, and reservations of other identities count as requested.
struct LeastAllocated: ScorePlugin {
    var name: String { "LeastAllocated" }
    let weight: Int64

    init(weight: Int64 = 1) { self.weight = weight }

    func score(pod: PodInfo, node: NodeInfo, state: CycleState) -> Int64 {
        let requested = node.usedNonZeroCore(by: state.identity) + pod.nonZeroCoreRequests
        let allocatable = node.allocatableCore
        let cpu = Self.freeShare(requested: requested.milliCPU, allocatable: allocatable.milliCPU)
        let memory = Self.freeShare(requested: requested.memory, allocatable: allocatable.memory)
        return (cpu + memory) / 2
    }

    static func freeShare(requested: Int64, allocatable: Int64) -> Int64 {
        guard allocatable > 0, requested <= allocatable else { return 0 }
        return (allocatable - requested) * 100 / allocatable
    }
}
