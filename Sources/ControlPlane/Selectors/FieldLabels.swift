import KubeModel

/// The fields a field selector may name, per resource, as Kubernetes registers them: every resource has
/// `metadata.name` and `metadata.namespace`; a few built-ins add their own. Anything else is a 400, as
/// on a real server, rather than a selector that silently matches nothing.
enum FieldLabels {
    static let common: Set<String> = ["metadata.name", "metadata.namespace"]

    static let extra: [String: Set<String>] = [
        "/pods": [
            "spec.nodeName", "spec.restartPolicy", "spec.schedulerName", "spec.serviceAccountName",
            "spec.hostNetwork", "status.phase", "status.podIP", "status.podIPs", "status.nominatedNodeName",
        ],
        "/nodes": ["spec.unschedulable"],
        "/namespaces": ["status.phase"],
        "/secrets": ["type"],
        "/services": ["spec.clusterIP", "spec.type"],
        "/events": [
            "involvedObject.kind", "involvedObject.namespace", "involvedObject.name", "involvedObject.uid",
            "involvedObject.apiVersion", "involvedObject.resourceVersion", "involvedObject.fieldPath", "reason",
            "reportingComponent", "source", "type",
        ],
        "events.k8s.io/events": [
            "regarding.kind", "regarding.namespace", "regarding.name", "regarding.uid", "reason",
            "reportingController", "type",
        ],
    ]

    static func check(_ selector: FieldSelectorExpression, for resource: ResourceInfo) throws(Status) {
        let allowed = common.union(extra[resource.storageKey] ?? [])
        for requirement in selector.requirements where !allowed.contains(requirement.field) {
            throw Status.failure(
                .badRequest,
                "field label not supported: \(requirement.field) (\(resource.type.plural) can be selected by: \(allowed.sorted().joined(separator: ", ")))")
        }
    }
}
