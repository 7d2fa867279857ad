import KubeModel
import SteadAPI

/// Applies the pod update policy to one pod that is due for the update revision.
struct PodDecisionContext: Sendable {
    var updateRevision: String
    var updateTemplate: PodTemplateSpec?
    var templates: [String: PodTemplateSpec]
    var nodes: [String: NodeState]
    var capabilities: InPlaceCapabilities
    var policy: PodUpdatePolicy

    func action(for pod: Pod) -> PodUpdateAction {
        switch policy {
        case .recreate:
            return .reschedule(reason: "podUpdatePolicy Recreate")
        case .sameNodeRecreate:
            return sameNode(pod, reason: "podUpdatePolicy SameNodeRecreate")
        default:
            break
        }
        let decision = inPlaceDecision(for: pod)
        switch decision {
        case .none:
            return .nothing
        case .inPlace(let plan):
            return .updateInPlace(plan)
        case .recreate(let fields):
            if policy == .inPlaceOnly { return .blocked(fields: fields) }
            return sameNode(pod, reason: Self.reason(for: fields))
        }
    }

    func inPlaceDecision(for pod: Pod) -> InPlaceDecision {
        guard let updateTemplate else { return .recreate(changedFields: ["revision \(updateRevision) has no template"]) }
        guard let hash = pod.revisionHash, let podTemplate = templates[hash] else {
            return .recreate(changedFields: ["metadata.labels[\(SteadKeys.revisionHash)]"])
        }
        return InPlaceUpdate.decide(
            from: podTemplate, to: updateTemplate, pod: pod, updateRevision: updateRevision, capabilities: capabilities)
    }

    /// Recreate on the pod's node, unless it has none, the node is gone, or the new spec no longer allows it.
    func sameNode(_ pod: Pod, reason: String) -> PodUpdateAction {
        guard let node = pod.nodeName else { return .reschedule(reason: "\(reason); pod was not on a node") }
        if let state = nodes[node] {
            if state.health == .gone { return .reschedule(reason: "\(reason); node \(node) is gone") }
            if let spec = try? updateTemplate?.decodedSpec(), !spec.allowsNode(labels: state.labels, name: node) {
                return .reschedule(reason: "\(reason); node \(node) no longer matches nodeSelector/affinity")
            }
        }
        return .recreateOnSameNode(node: node, reason: reason)
    }

    /// "env changed", "spec.nodeSelector, spec.containers[app].env changed".
    static func reason(for fields: [String]) -> String {
        fields.joined(separator: ", ") + " changed"
    }
}
