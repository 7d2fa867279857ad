/// Rejects nodes where a host port the pod needs is taken (same protocol and port, overlapping address).
public struct NodePorts: FilterPlugin {
    static let rejected = FilterResult.unschedulable(reason)
    public static let reason = "node(s) didn't have free ports for the requested pod ports"

    public var name: String { "NodePorts" }

    public init() {}

    public func isRelevant(for pod: PodInfo, state: CycleState) -> Bool { !pod.hostPorts.isEmpty }

    public func filter(pod: PodInfo, node: NodeInfo, state: CycleState) -> FilterResult {
        for wanted in pod.hostPorts {
            for used in node.usage.usedPorts.keys where used.conflicts(with: wanted) {
                return Self.rejected
            }
        }
        return .success
    }
}
