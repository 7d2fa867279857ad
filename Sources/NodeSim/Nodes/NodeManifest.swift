import Foundation
import KubeModel

/// The Node and Lease objects of a simulated node. Pure.
public enum NodeManifest {
    public static let leaseNamespace = "kube-node-lease"
    public static let zoneLabel = "topology.kubernetes.io/zone"
    public static let unreachableTaint = Taint(key: "node.kubernetes.io/unreachable", effect: "NoSchedule")
    /// Taint keys NodeSim adds and removes itself; every other taint is left alone.
    static let managedTaintKeys: Set<String> = [unreachableTaint.key]

    public static func labels(_ config: NodeSimConfiguration, offset: Int) -> [String: String] {
        var labels = [
            "kubernetes.io/hostname": config.nodeName(offset),
            "kubernetes.io/os": "linux",
            "kubernetes.io/arch": "amd64",
            "type": "stead-sim",
            zoneLabel: config.zone(offset),
        ]
        for (key, value) in config.labels { labels[key] = value }
        return labels
    }

    public static func capacity(_ config: NodeSimConfiguration) -> [String: Quantity] {
        ["cpu": config.cpu, "memory": config.memory, "pods": Quantity(value: Int64(config.maxPods)), "ephemeral-storage": "100Gi"]
    }

    static func allocatable(_ config: NodeSimConfiguration) -> ResourceAmount {
        ResourceAmount(milliCPU: config.cpu.milliValue, memory: config.memory.value, pods: config.maxPods)
    }

    /// A complete Node as NodeSim registers it.
    public static func node(_ config: NodeSimConfiguration, offset: Int, now: Date) -> Node {
        let addressing = config.addressing(offset)
        var spec = NodeSpec(podCIDR: addressing.podCIDR, taints: config.taints.isEmpty ? nil : config.taints)
        spec.providerID = "nodesim://\(config.nodeName(offset))"
        return Node(
            metadata: ObjectMeta(name: config.nodeName(offset), labels: labels(config, offset: offset),
                                 annotations: ["node.alpha.kubernetes.io/ttl": "0", "nodesim.stead.dev/simulated": "true"]),
            spec: spec,
            status: status(config, offset: offset, heartbeat: now, readySince: now))
    }

    public static func status(_ config: NodeSimConfiguration, offset: Int, heartbeat: Date, readySince: Date) -> NodeStatus {
        var status = NodeStatus(
            capacity: capacity(config), allocatable: capacity(config),
            conditions: conditions(heartbeat: heartbeat, readySince: readySince),
            addresses: [
                NodeAddress(type: "InternalIP", address: config.addressing(offset).nodeIP),
                NodeAddress(type: "Hostname", address: config.nodeName(offset)),
            ])
        status.nodeInfo = [
            "architecture": "amd64", "operatingSystem": "linux", "osImage": "NodeSim",
            "kernelVersion": "6.0.0-nodesim", "containerRuntimeVersion": "nodesim://0.1",
            "kubeletVersion": .string(config.kubeletVersion), "kubeProxyVersion": .string(config.kubeletVersion),
            "machineID": .string(config.nodeName(offset)), "systemUUID": .string(config.nodeName(offset)),
            "bootID": .string(config.nodeName(offset)),
        ]
        return status
    }

    /// The conditions of a healthy node, heartbeat at `heartbeat`.
    public static func conditions(heartbeat: Date, readySince: Date) -> [NodeCondition] {
        let beat = KubeTime(whole(heartbeat))
        let since = KubeTime(whole(readySince))
        func condition(_ type: String, _ status: String, _ reason: String, _ message: String) -> NodeCondition {
            NodeCondition(type: type, status: status, reason: reason, message: message,
                          lastHeartbeatTime: beat, lastTransitionTime: since)
        }
        return [
            condition("MemoryPressure", "False", "KubeletHasSufficientMemory", "kubelet has sufficient memory available"),
            condition("DiskPressure", "False", "KubeletHasNoDiskPressure", "kubelet has no disk pressure"),
            condition("PIDPressure", "False", "KubeletHasSufficientPID", "kubelet has sufficient PID available"),
            condition("Ready", "True", "KubeletReady", "kubelet is posting ready status"),
        ]
    }

    /// The conditions a node-lifecycle controller sets on a node whose kubelet stopped reporting:
    /// every condition Unknown with reason `NodeStatusUnknown`, the last heartbeat kept.
    public static func lostConditions(lastHeartbeat: Date, since: Date) -> [NodeCondition] {
        ["MemoryPressure", "DiskPressure", "PIDPressure", "Ready"].map {
            NodeCondition(type: $0, status: "Unknown", reason: "NodeStatusUnknown",
                          message: "Kubelet stopped posting node status.",
                          lastHeartbeatTime: KubeTime(whole(lastHeartbeat)), lastTransitionTime: KubeTime(whole(since)))
        }
    }

    public static func lease(_ config: NodeSimConfiguration, offset: Int, now: Date) -> Lease {
        let name = config.nodeName(offset)
        var lease = Lease(
            metadata: ObjectMeta(name: name, namespace: leaseNamespace),
            spec: LeaseSpec(holderIdentity: name, leaseDurationSeconds: config.leaseDurationSeconds,
                            renewTime: KubeTime(now, microseconds: true)))
        lease.metadata.ownerReferences = nil
        return lease
    }

    /// `taints` with NodeSim's managed taints replaced by `managed`, and the configured ones added when missing.
    static func mergedTaints(existing: [Taint]?, configured: [Taint], managed: [Taint]) -> [Taint]? {
        var result = (existing ?? []).filter { !managedTaintKeys.contains($0.key) }
        for taint in configured + managed where !result.contains(where: { $0.key == taint.key && $0.effect == taint.effect }) {
            result.append(taint)
        }
        return result.isEmpty ? nil : result
    }

    static func whole(_ date: Date) -> Date { Date(timeIntervalSince1970: date.timeIntervalSince1970.rounded(.down)) }
}
