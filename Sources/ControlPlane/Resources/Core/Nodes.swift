import KubeModel

extension BuiltinResources {
    static let nodes = ResourceInfo(
        .core("Node", "nodes", namespaced: false), shortNames: ["no"], subresources: ["status"],
        strategy: PlainStrategy(), printer: nodePrinter, fieldLabels: ["spec.unschedulable"])

    private static let nodePrinter = TablePrinter([
        .name,
        PrinterColumn("Status") { node in
            var status = "Unknown"
            let conditions = node[path: ["status", "conditions"]]?.arrayValue ?? []
            if let ready = conditions.first(where: { $0["type"] == "Ready" }) {
                status = ready["status"] == "True" ? "Ready" : (ready["status"] == "False" ? "NotReady" : "Unknown")
            }
            if node[path: ["spec", "unschedulable"]]?.boolValue == true { status += ",SchedulingDisabled" }
            return .string(status)
        },
        PrinterColumn("Roles") { node in
            let prefix = "node-role.kubernetes.io/"
            let labels = node[path: ["metadata", "labels"]]?.objectValue ?? [:]
            var roles = Set(labels.keys.filter { $0.hasPrefix(prefix) }.map { String($0.dropFirst(prefix.count)) })
            if let role = labels["kubernetes.io/role"]?.stringValue, !role.isEmpty { roles.insert(role) }
            roles.remove("")
            return .string(roles.isEmpty ? "<none>" : roles.sorted().joined(separator: ","))
        },
        .age,
        PrinterColumn("Version") { .string($0[path: ["status", "nodeInfo", "kubeletVersion"]]?.stringValue ?? "") },
        PrinterColumn("Internal-IP", priority: 1) { .string(address($0, "InternalIP")) },
        PrinterColumn("External-IP", priority: 1) { .string(address($0, "ExternalIP")) },
        .field("OS-Image", ["status", "nodeInfo", "osImage"], priority: 1, absent: "<unknown>"),
        .field("Kernel-Version", ["status", "nodeInfo", "kernelVersion"], priority: 1, absent: "<unknown>"),
        .field("Container-Runtime", ["status", "nodeInfo", "containerRuntimeVersion"], priority: 1, absent: "<unknown>"),
    ])

    private static func address(_ node: JSONValue, _ type: String) -> String {
        let addresses = node[path: ["status", "addresses"]]?.arrayValue ?? []
        return addresses.first { $0["type"]?.stringValue == type }?["address"]?.stringValue ?? "<none>"
    }
}
