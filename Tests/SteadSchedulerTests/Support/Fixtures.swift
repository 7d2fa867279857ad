import Foundation
import KubeModel
@testable import SteadScheduler

enum Fixtures {
    static let ownerA = "owner-a"

    static func node(
        _ name: String, cpu: String = "4", memory: String = "8Gi", pods: String = "110",
        labels: [String: String] = [:], zone: String? = nil, taints: [Taint]? = nil, unschedulable: Bool? = nil,
        ready: Bool = true, readyChangedAt: KubeTime? = nil, extended: [String: Quantity] = [:]
    ) -> Node {
        var allLabels = labels
        allLabels[WellKnownLabels.hostname] = name
        if let zone { allLabels[WellKnownLabels.zone] = zone }
        var allocatable: [String: Quantity] = ["cpu": Quantity(stringLiteral: cpu), "memory": Quantity(stringLiteral: memory), "pods": Quantity(stringLiteral: pods)]
        allocatable.merge(extended) { $1 }
        let condition = NodeCondition(
            type: "Ready", status: ready ? "True" : "False", lastTransitionTime: readyChangedAt)
        return Node(
            metadata: ObjectMeta(name: name, labels: allLabels),
            spec: NodeSpec(taints: taints, unschedulable: unschedulable),
            status: NodeStatus(allocatable: allocatable, conditions: [condition]))
    }

    static func pod(
        _ name: String, namespace: String = "default", cpu: String? = nil, memory: String? = nil,
        extended: [String: Quantity] = [:], node: String? = nil, labels: [String: String] = [:],
        owner: String? = nil, uid: String? = nil, phase: String? = nil, hostPorts: [Int32] = [],
        nodeSelector: [String: String]? = nil, affinity: Affinity? = nil, tolerations: [Toleration]? = nil,
        claims: [String] = [], initContainers: [Container]? = nil
    ) -> Pod {
        var requests: [String: Quantity] = extended
        if let cpu { requests["cpu"] = Quantity(stringLiteral: cpu) }
        if let memory { requests["memory"] = Quantity(stringLiteral: memory) }
        var container = Container(name: "main", resources: ResourceRequirements(requests: requests))
        if !hostPorts.isEmpty {
            container.ports = hostPorts.map { ContainerPort(containerPort: $0, hostPort: $0) }
        }
        var spec = PodSpec(containers: [container], nodeName: node)
        spec.initContainers = initContainers
        spec.nodeSelector = nodeSelector
        spec.affinity = affinity
        spec.tolerations = tolerations
        if !claims.isEmpty {
            spec.volumes = claims.map { Volume(name: $0, persistentVolumeClaim: PersistentVolumeClaimVolumeSource(claimName: $0)) }
        }
        var metadata = ObjectMeta(name: name, namespace: namespace, labels: labels)
        metadata.uid = uid ?? "uid-\(namespace)-\(name)"
        if let owner {
            metadata.ownerReferences = [
                OwnerReference(apiVersion: "apps/v1", kind: "StatefulSet", name: owner, uid: owner, controller: true)
            ]
        }
        return Pod(metadata: metadata, spec: spec, status: phase.map { PodStatus(phase: $0) })
    }

    static func snapshot(nodes: [Node], pods: [Pod] = []) -> ClusterSnapshot {
        var snapshot = ClusterSnapshot()
        for node in nodes { snapshot.upsertNode(node) }
        for pod in pods { snapshot.addPod(pod) }
        return snapshot
    }

    /// Runs one filter plugin on one node of a snapshot, as the cycle would.
    static func filter(
        _ plugin: any FilterPlugin, pod: Pod, node: String, snapshot: ClusterSnapshot
    ) -> FilterResult {
        let info = PodInfo(pod)
        let state = CycleState(pod: info, snapshot: snapshot)
        guard plugin.isRelevant(for: info, state: state) else { return .success }
        return plugin.filter(pod: info, node: snapshot.node(named: node)!, state: state)
    }

    /// Normalised scores of one score plugin over the named nodes, in order.
    static func scores(
        _ plugin: any ScorePlugin, pod: Pod, nodes: [String], snapshot: ClusterSnapshot
    ) -> [Int64] {
        let info = PodInfo(pod)
        let state = CycleState(pod: info, snapshot: snapshot)
        var scores = nodes.map { plugin.score(pod: info, node: snapshot.node(named: $0)!, state: state) }
        plugin.normalize(&scores)
        return scores
    }

    static func nodeAffinity(_ requirements: [NodeSelectorRequirement], fields: [NodeSelectorRequirement]? = nil) -> Affinity {
        Affinity(nodeAffinity: NodeAffinity(required: NodeSelector(nodeSelectorTerms: [
            NodeSelectorTerm(matchExpressions: requirements.isEmpty ? nil : requirements, matchFields: fields)
        ])))
    }

    static func antiAffinity(_ labels: [String: String], topologyKey: String, namespaces: [String]? = nil) -> Affinity {
        Affinity(podAntiAffinity: PodAffinity(required: [
            PodAffinityTerm(labelSelector: LabelSelector(matchLabels: labels), topologyKey: topologyKey, namespaces: namespaces)
        ]))
    }
}
