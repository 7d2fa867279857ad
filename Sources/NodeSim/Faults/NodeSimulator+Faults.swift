import Foundation

/// A fault named a node this simulator does not run.
public struct UnknownNodeError: Error, Sendable, Hashable, CustomStringConvertible {
    public var node: String
    public var description: String { "node \(node) is not simulated by this NodeSim" }
}

/// Faults to inject into simulated nodes. There is no node-lifecycle controller here, so NodeSim itself
/// plays that part when told a node is lost.
extension NodeSimulator {
    /// The node's lease stops renewing and its Ready heartbeat is no longer refreshed. Nothing else
    /// changes until ``setNodeLost(_:)`` (or a node-lifecycle controller) acts on it.
    public func stopHeartbeats(_ node: String) throws {
        let offset = try offset(of: node)
        state.updateNode(offset) { $0.heartbeatsStopped = true }
        logger.info("heartbeats stopped", metadata: ["node": "\(node)"])
    }

    /// Heartbeats start again at once; a lost node is also recovered (same as ``recover(_:)``).
    public func resumeHeartbeats(_ node: String) async throws {
        try await recover(node)
    }

    /// Stops the node's heartbeats and marks it as a node-lifecycle controller would: every condition
    /// `Unknown` with reason `NodeStatusUnknown`, taint `node.kubernetes.io/unreachable:NoSchedule`.
    public func setNodeLost(_ node: String) async throws {
        try await agent.markLost(try offset(of: node))
    }

    /// Undoes ``stopHeartbeats(_:)``, ``setNodeLost(_:)`` and ``deleteNode(_:)``: the node is Ready
    /// again, untainted, renews its lease (and is registered again when it was deleted).
    public func recover(_ node: String) async throws {
        try await agent.recover(try offset(of: node))
        await resyncPods(onNode: node)
    }

    /// Deletes the Node and its Lease; its kubelet is gone (its pods are no longer looked after).
    public func deleteNode(_ node: String) async throws {
        try await agent.delete(try offset(of: node))
    }

    /// Adds `extraLatency` to the start and restart latency of pods on the node (zero undoes).
    public func setSlow(_ node: String, extraLatency: Duration) throws {
        let offset = try offset(of: node)
        state.updateNode(offset) { $0.extraLatency = extraLatency }
    }

    private func offset(of node: String) throws -> Int {
        guard let offset = state.offset(of: node) else { throw UnknownNodeError(node: node) }
        return offset
    }
}
