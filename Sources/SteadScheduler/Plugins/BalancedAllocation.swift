/// Prefers nodes whose CPU and memory would be used in equal shares: 100 × (1 - standard deviation of
/// the two used fractions), as kube-scheduler's NodeResourcesBalancedAllocation.
struct BalancedAllocation: ScorePlugin {
    var name: String { "BalancedAllocation" }
    let weight: Int64

    init(weight: Int64 = 1) { self.weight = weight }

    func score(pod: PodInfo, node: NodeInfo, state: CycleState) -> Int64 {
        let allocatable = node.allocatableCore
        guard allocatable.milliCPU > 0, allocatable.memory > 0 else { return 0 }
        let requested = node.usedCore(by: state.identity) + pod.coreRequests
        let cpu = Self.usedFraction(requested.milliCPU, of: allocatable.milliCPU)
        let memory = Self.usedFraction(requested.memory, of: allocatable.memory)
        // For two values the standard deviation is half their distance.
        let deviation = abs(cpu - memory) / 2
        return Int64((1 - deviation) * 100)
    }

    static func usedFraction(_ requested: Int64, of allocatable: Int64) -> Double {
        min(1, Double(requested) / Double(allocatable))
    }
}
