import Foundation
import KubeModel

/// The DaemonSet controller's decisions, pure: which nodes should run the daemon (its node selector and
/// required node affinity select them, their NoSchedule and NoExecute taints are tolerated), the pod
/// each missing node gets (pinned by node affinity, with the tolerations every daemon has), which pods
/// go (extra, misplaced, or of an old template in a rolling update), and the status.
enum DaemonSetPlan {
    static let revisionLabel = "controller-revision-hash"
    static let generationLabel = "pod-template-generation"

    /// The tolerations the DaemonSet controller adds to every daemon pod, so node conditions never
    /// evict or keep away a daemon.
    static let daemonTolerations: [JSONValue] = [
        ["key": "node.kubernetes.io/not-ready", "operator": "Exists", "effect": "NoExecute"],
        ["key": "node.kubernetes.io/unreachable", "operator": "Exists", "effect": "NoExecute"],
        ["key": "node.kubernetes.io/disk-pressure", "operator": "Exists", "effect": "NoSchedule"],
        ["key": "node.kubernetes.io/memory-pressure", "operator": "Exists", "effect": "NoSchedule"],
        ["key": "node.kubernetes.io/pid-pressure", "operator": "Exists", "effect": "NoSchedule"],
        ["key": "node.kubernetes.io/unschedulable", "operator": "Exists", "effect": "NoSchedule"],
    ]

    /// Whether `node` should run the daemon of `template`.
    static func shouldRun(_ template: JSONValue?, on node: Node) -> Bool {
        let labels = node.metadata.labels ?? [:]
        for (key, value) in template?[path: ["spec", "nodeSelector"]]?.objectValue ?? [:] where labels[key] != value.stringValue {
            return false
        }
        if let required = template?[path: ["spec", "affinity", "nodeAffinity", "requiredDuringSchedulingIgnoredDuringExecution"]],
            required != .null, let selector = try? KubeJSON.decode(NodeSelector.self, from: required),
            !selector.matches(labels: labels, nodeName: node.name)
        {
            return false
        }
        var tolerations = (try? KubeJSON.decode([Toleration].self, from: template?[path: ["spec", "tolerations"]] ?? [])) ?? []
        tolerations += (try? KubeJSON.decode([Toleration].self, from: .array(daemonTolerations))) ?? []
        return (node.spec?.taints ?? []).allSatisfy { taint in
            taint.effect == "PreferNoSchedule" || tolerations.tolerate(taint)
        }
    }

    /// The daemon's pod for `node`: the template, pinned to the node, with the daemon tolerations.
    static func podSpec(_ template: JSONValue?, node: String) -> JSONValue {
        var spec = template?["spec"]?.objectValue ?? [:]
        var affinity = spec["affinity"]?.objectValue ?? [:]
        var nodeAffinity = affinity["nodeAffinity"]?.objectValue ?? [:]
        nodeAffinity["requiredDuringSchedulingIgnoredDuringExecution"] = [
            "nodeSelectorTerms": [["matchFields": [["key": "metadata.name", "operator": "In", "values": [.string(node)]]]]]
        ]
        affinity["nodeAffinity"] = .object(nodeAffinity)
        spec["affinity"] = .object(affinity)
        var tolerations = spec["tolerations"]?.arrayValue ?? []
        for toleration in daemonTolerations where !tolerations.contains(toleration) { tolerations.append(toleration) }
        spec["tolerations"] = .array(tolerations)
        return .object(spec)
    }

    /// The node a daemon pod is for: its node, else the one its affinity pins it to.
    static func node(of pod: Pod) -> String? {
        if let node = pod.spec?.nodeName, !node.isEmpty { return node }
        let terms = pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms ?? []
        return terms.first?.matchFields?.first { $0.key == "metadata.name" }?.values?.first
    }

    struct Step: Equatable {
        var create: [String] = []
        var delete: [String] = []
    }

    /// Nodes missing their daemon get one; pods on nodes that should not run it, and duplicates, go;
    /// in a rolling update, old pods go while no more than `maxUnavailable` daemons are unavailable.
    static func step(
        wanted: Set<String>, pods: [Pod], revision: String, maxUnavailable: Int, rollingUpdate: Bool
    ) -> Step {
        var step = Step()
        var byNode: [String: [Pod]] = [:]
        for pod in pods where !pod.isTerminating {
            byNode[node(of: pod) ?? "", default: []].append(pod)
        }
        for (node, onNode) in byNode {
            if !wanted.contains(node) {
                step.delete += onNode.map(\.name)
            } else if onNode.count > 1 {
                let keep = onNode.sorted { ($0.metadata.creationTimestamp?.date ?? .distantPast) < ($1.metadata.creationTimestamp?.date ?? .distantPast) }
                step.delete += keep.dropFirst().map(\.name)
            }
        }
        for node in wanted.sorted() where byNode[node] == nil && !pods.contains(where: { $0.isTerminating && self.node(of: $0) == node }) {
            step.create.append(node)
        }
        guard rollingUpdate else { return step }
        let current = wanted.compactMap { byNode[$0]?.first }
        let unavailable = wanted.count - current.filter { $0.isReady }.count
        var budget = maxUnavailable - unavailable
        // Not-ready old pods first: replacing them costs no availability.
        let old = current.filter { $0.metadata.labels?[revisionLabel] != revision }.sorted { !$0.isReady && $1.isReady }
        for pod in old {
            if !pod.isReady {
                step.delete.append(pod.name)
            } else if budget > 0 {
                step.delete.append(pod.name)
                budget -= 1
            }
        }
        return step
    }

    static func status(
        _ set: Workload<DaemonSetKind>, wanted: Set<String>, pods: [Pod], revision: String, now: Date
    ) -> JSONValue {
        let minReady = set.spec?["minReadySeconds"]?.intValue ?? 0
        let live = pods.filter { !$0.isTerminating }
        let scheduled = live.filter { wanted.contains(node(of: $0) ?? "") }
        let nodesScheduled = Set(scheduled.compactMap(node(of:)))
        let updated = scheduled.filter { $0.metadata.labels?[revisionLabel] == revision }
        let available = scheduled.filter { $0.isAvailable(minReadySeconds: minReady, now: now) }.count
        return [
            "desiredNumberScheduled": .int(Int64(wanted.count)),
            "currentNumberScheduled": .int(Int64(nodesScheduled.count)),
            "numberMisscheduled": .int(Int64(Set(live.compactMap(node(of:))).subtracting(wanted).count)),
            "numberReady": .int(Int64(scheduled.filter(\.isReady).count)),
            "updatedNumberScheduled": .int(Int64(Set(updated.compactMap(node(of:))).count)),
            "numberAvailable": .int(Int64(available)),
            "numberUnavailable": .int(Int64(max(0, wanted.count - available))),
            "observedGeneration": .int(set.generation),
        ]
    }
}
