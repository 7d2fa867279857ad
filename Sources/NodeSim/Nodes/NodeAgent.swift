import Foundation
import KubeClient
import KubeModel
import Logging

/// The node half of a simulated kubelet: registers Node and Lease objects, renews leases, refreshes
/// node status, and applies node faults. One value serves every node; it keeps no state of its own.
struct NodeAgent: Sendable {
    let client: KubeClient
    let config: NodeSimConfiguration
    let state: SimulatorState
    let metrics: NodeSimMetrics
    let logger: Logger

    // MARK: Registration

    /// Creates the node, or takes over an existing one of the same name, then its lease.
    func register(_ offset: Int) async throws {
        let now = Date()
        let name = config.nodeName(offset)
        let desired = NodeManifest.node(config, offset: offset, now: now)
        do {
            // Untyped: only whether the server kept the status matters, not a decoded Node.
            let created = try await client.create(Node.resourceType, try KubeJSON.encodeToValue(desired))
            let conditions = created["status"]?["conditions"]?.arrayValue ?? []
            if !conditions.contains(where: { $0["type"]?.stringValue == "Ready" }) {
                try await patchStatus(name, NodeManifest.status(config, offset: offset, heartbeat: now, readySince: now))
            }
        } catch let error as KubeAPIError where error.isAlreadyExists {
            try await takeOver(offset, desired: desired, now: now)
        }
        try await ensureLease(offset, now: now)
        state.updateNode(offset) { node in
            node.registered = true
            node.deleted = false
            node.lost = false
            node.heartbeatsStopped = false
            node.readySince = now
            node.lastHeartbeat = now
            node.lastLeaseRenewal = now
        }
        logger.debug("node registered", metadata: ["node": "\(name)"])
    }

    /// Makes an existing Node ours: our labels and configured taints are merged in, other writers'
    /// labels, annotations and taints stay; status is replaced.
    private func takeOver(_ offset: Int, desired: Node, now: Date) async throws {
        let name = desired.name
        try await withConflictRetry {
            var node = try await client.get(Node.self, name: name)
            var labels = node.metadata.labels ?? [:]
            for (key, value) in desired.metadata.labels ?? [:] { labels[key] = value }
            node.metadata.labels = labels
            var annotations = node.metadata.annotations ?? [:]
            for (key, value) in desired.metadata.annotations ?? [:] { annotations[key] = value }
            node.metadata.annotations = annotations
            var spec = node.spec ?? NodeSpec()
            if spec.podCIDR == nil || spec.podCIDR?.isEmpty == true {
                spec.podCIDR = desired.spec?.podCIDR
                spec.podCIDRs = desired.spec?.podCIDRs
            } else if spec.podCIDR != desired.spec?.podCIDR {
                logger.warning(
                    "existing node has another podCIDR; pods get IPs from NodeSim's range",
                    metadata: ["node": "\(name)", "podCIDR": "\(spec.podCIDR ?? "")", "range": "\(desired.spec?.podCIDR ?? "")"])
            }
            spec.taints = NodeManifest.mergedTaints(existing: spec.taints, configured: config.taints, managed: [])
            node.spec = spec
            _ = try await client.update(node)
        }
        try await patchStatus(name, NodeManifest.status(config, offset: offset, heartbeat: now, readySince: now))
        logger.info("took over existing node", metadata: ["node": "\(name)"])
    }

    private func ensureLease(_ offset: Int, now: Date) async throws {
        let lease = NodeManifest.lease(config, offset: offset, now: now)
        do {
            _ = try await client.create(lease)
        } catch let error as KubeAPIError where error.isAlreadyExists {
            try await patchLease(offset, now: now)
        }
    }

    // MARK: Heartbeats

    /// Renews the node's lease unless its heartbeats are stopped; re-creates a lease that disappeared.
    func renewLease(_ offset: Int) async {
        let node = state.node(offset)
        guard node.isActive, !node.heartbeatsStopped else { return }
        let now = Date()
        do {
            do {
                try await patchLease(offset, now: now)
            } catch let error as KubeAPIError where error.isNotFound {
                guard state.node(offset).isActive else { return }
                _ = try await client.create(NodeManifest.lease(config, offset: offset, now: now))
            }
            let previous = state.updateNode(offset) { node -> Date? in
                defer { node.lastLeaseRenewal = now }
                return node.lastLeaseRenewal
            }
            metrics.heartbeatWritten(gap: previous.map { now.timeIntervalSince($0) }, leaseDuration: Double(config.leaseDurationSeconds))
        } catch where error is CancellationError || Task.isCancelled {
            return
        } catch {
            logger.warning("lease renewal failed", metadata: ["node": "\(node.name)", "error": "\(error)"])
        }
    }

    private func patchLease(_ offset: Int, now: Date) async throws {
        let patch: JSONValue = [
            "spec": [
                "holderIdentity": .string(config.nodeName(offset)),
                "leaseDurationSeconds": .int(Int64(config.leaseDurationSeconds)),
                "renewTime": .string(KubeTime(now, microseconds: true).description),
            ]
        ]
        // Untyped: the answer is not needed, so it is not decoded into a model (500 renewals/s at 5000 nodes).
        _ = try await client.patch(
            Lease.resourceType, name: config.nodeName(offset), namespace: NodeManifest.leaseNamespace,
            patch: .merge(patch))
    }

    /// Writes a fresh Ready heartbeat into node status; a node deleted behind our back registers again.
    func refreshStatus(_ offset: Int) async {
        let node = state.node(offset)
        guard node.isActive, !node.heartbeatsStopped, !node.lost else { return }
        let now = Date()
        do {
            try await patchConditions(node.name, NodeManifest.conditions(heartbeat: now, readySince: node.readySince))
            let current = state.updateNode(offset) { node -> NodeRuntime in
                node.lastHeartbeat = now
                return node
            }
            metrics.nodeStatusWritten()
            // Marked lost while this write was in flight: it may have landed after markLost's, so the
            // lost conditions go out again and are the last word.
            if current.lost {
                try await patchConditions(node.name, NodeManifest.lostConditions(lastHeartbeat: now, since: current.readySince))
            }
        } catch let error as KubeAPIError where error.isNotFound {
            // Deleted on purpose (a fault) while this write was in flight: stay deleted.
            guard state.node(offset).isActive else { return }
            logger.info("node disappeared, registering again", metadata: ["node": "\(node.name)"])
            try? await register(offset)
        } catch where error is CancellationError || Task.isCancelled {
            return
        } catch {
            logger.warning("node status refresh failed", metadata: ["node": "\(node.name)", "error": "\(error)"])
        }
    }

    // MARK: Faults

    /// Ready=Unknown (reason NodeStatusUnknown) and taint `node.kubernetes.io/unreachable:NoSchedule`,
    /// as a node-lifecycle controller would do for a node whose heartbeats stopped.
    func markLost(_ offset: Int) async throws {
        let now = Date()
        let node = state.updateNode(offset) { node -> NodeRuntime in
            node.heartbeatsStopped = true
            node.lost = true
            node.readySince = now
            return node
        }
        try await patchConditions(node.name, NodeManifest.lostConditions(lastHeartbeat: node.lastHeartbeat, since: now))
        try await setManagedTaints(node.name, [NodeManifest.unreachableTaint])
        logger.info("node lost", metadata: ["node": "\(node.name)"])
    }

    /// Undoes ``markLost(_:)`` and stopped heartbeats: taint removed, Ready=True, lease renewed now.
    func recover(_ offset: Int) async throws {
        let now = Date()
        let node = state.updateNode(offset) { node -> NodeRuntime in
            let wasLost = node.lost
            if node.heartbeatsStopped { node.lastLeaseRenewal = nil }
            node.heartbeatsStopped = false
            node.lost = false
            if wasLost { node.readySince = now }
            return node
        }
        if node.deleted || !node.registered {
            try await register(offset)
            return
        }
        try await setManagedTaints(node.name, [])
        try await patchConditions(node.name, NodeManifest.conditions(heartbeat: now, readySince: node.readySince))
        state.updateNode(offset) { $0.lastHeartbeat = now }
        await renewLease(offset)
        logger.info("node recovered", metadata: ["node": "\(node.name)"])
    }

    /// Deletes the Node and its Lease; the node's kubelet stops (its pods are ignored) until ``recover(_:)``.
    func delete(_ offset: Int) async throws {
        let name = state.updateNode(offset) { node -> String in
            node.deleted = true
            return node.name
        }
        do { try await client.delete(Node.self, name: name) } catch let error as KubeAPIError where error.isNotFound {}
        do {
            try await client.delete(Lease.self, name: name, namespace: NodeManifest.leaseNamespace)
        } catch let error as KubeAPIError where error.isNotFound {}
        logger.info("node deleted", metadata: ["node": "\(name)"])
    }

    // MARK: Writes

    private func patchStatus(_ name: String, _ status: NodeStatus) async throws {
        let value = try KubeJSON.encodeToValue(status)
        _ = try await client.patch(Node.self, name: name, patch: .merge(["status": value]), subresource: "status")
    }

    private func patchConditions(_ name: String, _ conditions: [NodeCondition]) async throws {
        let value = try KubeJSON.encodeToValue(conditions)
        _ = try await client.patch(
            Node.resourceType, name: name, patch: .merge(["status": ["conditions": value]]), subresource: "status")
    }

    private func setManagedTaints(_ name: String, _ managed: [Taint]) async throws {
        try await withConflictRetry {
            var node = try await client.get(Node.self, name: name)
            var spec = node.spec ?? NodeSpec()
            let merged = NodeManifest.mergedTaints(existing: spec.taints, configured: [], managed: managed)
            guard merged != spec.taints else { return }
            spec.taints = merged
            node.spec = spec
            _ = try await client.update(node)
        }
    }
}

/// Runs `body` again (up to 5 times) while it fails with 409 Conflict.
func withConflictRetry(_ body: () async throws -> Void) async throws {
    var attempt = 0
    while true {
        do {
            try await body()
            return
        } catch let error as KubeAPIError where error.isConflict && attempt < 5 {
            attempt += 1
        }
    }
}
