/// Rejects nodes where a host port the pod needs is taken (same protocol and port, overlapping address).
struct NodePorts: FilterPlugin {
    static let rejected = FilterResult.unschedulable(reason)
    static let reason = "node(s) didn't have free ports for the requested pod ports"

    var name: String { "NodePorts" }

    init() {}

    func isRelevant(for pod: PodInfo, state: CycleState) -> Bool { !pod.hostPorts.isEmpty }

    func filter(pod: PodInfo, node: NodeInfo, state: CycleState) -> FilterResult {
        for wanted in pod.hostPorts {
            for used in node.usage.usedPorts.keys where used.conflicts(with: wanted) {
                return Self.rejected
            }
        }
        return .success
    }
}
