import KubeModel

/// Kubernetes' NamespaceLifecycle admission: what may not happen to and in namespaces.
enum NamespaceRules {
    /// The finalizer the namespace controller removes once the namespace is empty.
    static let contentFinalizer = "kubernetes"

    /// Namespaces Kubernetes never deletes.
    static let immortal: Set<String> = ["default", "kube-system", "kube-public"]

    /// The label Kubernetes (v1.21 on) keeps on every namespace, its value the name, so that a label
    /// selector (a webhook's or a NetworkPolicy's namespaceSelector) can pick namespaces by name.
    static let nameLabel = "kubernetes.io/metadata.name"

    static func labelName(_ namespace: inout JSONValue) {
        guard var metadata = namespace["metadata"]?.objectValue, let name = metadata["name"]?.stringValue else { return }
        var labels = metadata["labels"]?.objectValue ?? [:]
        labels[nameLabel] = .string(name)
        metadata["labels"] = .object(labels)
        namespace["metadata"] = .object(metadata)
    }

    /// What Kubernetes sets on a new namespace: phase Active, the name label, and the `kubernetes`
    /// finalizer, which the namespace controller removes once a deleted namespace is empty.
    static func defaults(_ namespace: JSONValue) -> JSONValue {
        var namespace = namespace
        labelName(&namespace)
        var spec = namespace["spec"]?.objectValue ?? [:]
        let finalizers = spec["finalizers"]?.arrayValue ?? []
        if !finalizers.contains(.string(contentFinalizer)) {
            spec["finalizers"] = .array(finalizers + [.string(contentFinalizer)])
        }
        namespace["spec"] = .object(spec)
        var status = namespace["status"]?.objectValue ?? [:]
        status["phase"] = "Active"
        namespace["status"] = .object(status)
        return namespace
    }

    /// 403 for a create in a namespace being deleted, with Kubernetes' message and cause.
    static func terminating(_ namespace: String, resource: ResourceInfo, name: String) -> Status {
        let group = resource.type.group
        let qualified = group.isEmpty ? resource.type.plural : "\(resource.type.plural).\(group)"
        let subject = name.isEmpty ? qualified : "\(qualified) \"\(name)\""
        return Status.failure(
            .forbidden,
            "\(subject) is forbidden: unable to create new content in namespace \(namespace) because it is being terminated",
            details: StatusDetails(
                name: name.isEmpty ? nil : name, group: group.isEmpty ? nil : group, kind: resource.type.plural,
                causes: [
                    StatusCause(
                        reason: "NamespaceTerminating", message: "namespace \(namespace) is being terminated",
                        field: "metadata.namespace")
                ]))
    }

    /// 403 for a DELETE of `default`, `kube-system` or `kube-public`.
    static func checkDeletable(_ resource: ResourceInfo, name: String) throws(Status) {
        guard DeleteRules.isNamespace(resource), immortal.contains(name) else { return }
        throw Status.failure(
            .forbidden, "namespaces \"\(name)\" is forbidden: this namespace may not be deleted",
            details: StatusDetails(name: name, kind: "namespaces"))
    }
}
