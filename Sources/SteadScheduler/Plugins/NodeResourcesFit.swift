/// Rejects nodes without room for the pod's requests. Capacity reserved for other identities counts as
/// used; the pod's own identity's reservation does not.
struct NodeResourcesFit: FilterPlugin {
    static let tooManyPods = "Too many pods"

    static func insufficient(_ resource: String) -> String { "Insufficient \(resource)" }

    var name: String { "NodeResourcesFit" }

    init() {}

    func filter(pod: PodInfo, node: NodeInfo, state: CycleState) -> FilterResult {
        let allocatable = node.allocatableCore
        let used = node.usedCore(by: state.identity)
        let wanted = pod.coreRequests
        let cpuShort = wanted.milliCPU > 0 && used.milliCPU + wanted.milliCPU > allocatable.milliCPU
        let memoryShort = wanted.memory > 0 && used.memory + wanted.memory > allocatable.memory
        let podsFull = used.pods + 1 > allocatable.pods
        if !cpuShort, !memoryShort, !podsFull, pod.requests.scalars.isEmpty { return .success }

        var reasons: [String] = []
        if podsFull { reasons.append(Self.tooManyPods) }
        if cpuShort { reasons.append(Self.insufficientCPU) }
        if memoryShort { reasons.append(Self.insufficientMemory) }
        if !pod.requests.scalars.isEmpty {
            let used = node.usage.requested + node.reservedExcluding(state.identity)
            let allocatable = node.allocatable
            for (resource, amount) in pod.requests.scalars.sorted(by: { $0.key < $1.key })
            where amount > 0 && used.scalar(resource) + amount > allocatable.scalar(resource) {
                reasons.append(Self.insufficient(resource))
            }
        }
        return reasons.isEmpty ? .success : .unschedulable(reasons: reasons)
    }

    static let insufficientCPU = insufficient(ResourceName.cpu)
    static let insufficientMemory = insufficient(ResourceName.memory)
}
