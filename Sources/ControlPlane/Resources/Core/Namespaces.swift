import KubeModel

extension BuiltinResources {
    public static let namespaces = ResourceInfo(
        .core("Namespace", "namespaces", namespaced: false), shortNames: ["ns"], subresources: ["status", "finalize"],
        strategy: NamespaceStrategy(),
        printer: TablePrinter([.name, .field("Status", ["status", "phase"], absent: "Active"), .age]),
        fieldLabels: ["status.phase"])

    public static let initialNamespaces = ["default", "kube-system", "kube-public", "kube-node-lease"]
}

struct NamespaceStrategy: ResourceStrategy {
    var names: NameRule { .label }

    func prepareForCreate(_ namespace: inout JSONValue, context: AdmissionContext) throws(Status) {
        namespace = NamespaceRules.defaults(namespace)
    }

    func prepareForUpdate(_ namespace: inout JSONValue, old: JSONValue) throws(Status) {
        NamespaceRules.labelName(&namespace)
    }
}
