import KubeModel

/// `POST pods/{name}/binding`: assigns a pod to a node, once.
public enum BindingRule {
    /// The node a Binding body names; 400 when the body is not a Binding, 422 without a target name.
    public static func targetNode(of binding: JSONValue, podName: String) throws(Status) -> String {
        guard case .object = binding else { throw Status.failure(.badRequest, "the Binding body must be a JSON object") }
        if let kind = binding["kind"]?.stringValue, !kind.isEmpty, kind != "Binding" {
            throw Status.failure(.badRequest, "expected kind Binding, got \(kind)")
        }
        if let name = binding[path: ["metadata", "name"]]?.stringValue, !name.isEmpty, name != podName {
            throw Status.failure(.badRequest, "the Binding's name (\(name)) does not match the pod (\(podName))")
        }
        guard let node = binding[path: ["target", "name"]]?.stringValue, !node.isEmpty else {
            throw Status.failure(
                .invalid, "Binding \"\(podName)\" is invalid: target.name: Required value",
                details: StatusDetails(
                    name: podName, kind: "Binding",
                    causes: [StatusCause(reason: "FieldValueRequired", message: "Required value", field: "target.name")]))
        }
        return node
    }

    /// The pod bound to `node`: spec.nodeName set and a PodScheduled=True condition; 409 when already bound.
    public static func bind(_ pod: JSONValue, to node: String, now: KubeTime = .now()) throws(Status) -> JSONValue {
        let name = pod[path: ["metadata", "name"]]?.stringValue ?? ""
        if let current = pod[path: ["spec", "nodeName"]]?.stringValue, !current.isEmpty {
            throw Status.failure(
                .conflict, "pod \(name) is already assigned to node \"\(current)\"",
                details: StatusDetails(name: name, kind: "pods"))
        }
        if pod[path: ["metadata", "deletionTimestamp"]].map({ $0 != .null }) == true {
            throw Status.failure(.conflict, "pod \(name) is being deleted, cannot be assigned to a host")
        }
        var bound = pod
        var spec = pod["spec"]?.objectValue ?? [:]
        spec["nodeName"] = .string(node)
        bound["spec"] = .object(spec)
        var status = pod["status"]?.objectValue ?? [:]
        var conditions = (status["conditions"]?.arrayValue ?? []).filter { $0["type"]?.stringValue != "PodScheduled" }
        conditions.append([
            "type": "PodScheduled", "status": "True", "lastProbeTime": nil,
            "lastTransitionTime": .string(now.description),
        ])
        status["conditions"] = .array(conditions)
        bound["status"] = .object(status)
        return ObjectRules.withGeneration(bound, old: pod)
    }
}
