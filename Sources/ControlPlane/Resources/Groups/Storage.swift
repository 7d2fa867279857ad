import KubeModel

extension BuiltinResources {
    static let storageClasses = ResourceInfo(
        .group("storage.k8s.io", "v1", "StorageClass", "storageclasses", namespaced: false), shortNames: ["sc"],
        strategy: StorageClassStrategy(),
        printer: TablePrinter([
            PrinterColumn("Name", format: "name") { storageClass, _ in
                let name = storageClass[path: ["metadata", "name"]]?.stringValue ?? ""
                let annotations = storageClass[path: ["metadata", "annotations"]]
                let isDefault = ["storageclass.kubernetes.io/is-default-class", "storageclass.beta.kubernetes.io/is-default-class"]
                    .contains { annotations?[$0]?.stringValue == "true" }
                return .string(isDefault ? "\(name) (default)" : name)
            },
            .field("Provisioner", ["provisioner"], absent: ""), .field("ReclaimPolicy", ["reclaimPolicy"], absent: "Delete"),
            .field("VolumeBindingMode", ["volumeBindingMode"], absent: "Immediate"),
            PrinterColumn("AllowVolumeExpansion", type: "boolean") { .bool($0["allowVolumeExpansion"]?.boolValue ?? false) },
            .age,
        ]))

    static let csiDrivers = ResourceInfo(
        .group("storage.k8s.io", "v1", "CSIDriver", "csidrivers", namespaced: false), strategy: CSIDriverStrategy(),
        printer: TablePrinter([
            .name, flag("AttachRequired", ["spec", "attachRequired"], absent: true),
            flag("PodInfoOnMount", ["spec", "podInfoOnMount"]), flag("StorageCapacity", ["spec", "storageCapacity"]),
            PrinterColumn("TokenRequests") { driver in
                guard let requests = driver[path: ["spec", "tokenRequests"]]?.arrayValue else { return "<unset>" }
                return .string(requests.map { $0["audience"]?.stringValue ?? "" }.joined(separator: ","))
            },
            flag("RequiresRepublish", ["spec", "requiresRepublish"]),
            PrinterColumn("Modes") { driver in
                let modes = (driver[path: ["spec", "volumeLifecycleModes"]]?.arrayValue ?? []).compactMap(\.stringValue)
                return .string(modes.isEmpty ? "<none>" : modes.joined(separator: ","))
            },
            .age,
        ]))

    static let csiNodes = ResourceInfo(
        .group("storage.k8s.io", "v1", "CSINode", "csinodes", namespaced: false), strategy: PlainStrategy(),
        printer: TablePrinter([
            .name,
            PrinterColumn("Drivers", type: "integer") { .int(Int64($0[path: ["spec", "drivers"]]?.arrayValue?.count ?? 0)) },
            .age,
        ]))

    static let csiStorageCapacities = ResourceInfo(
        .group("storage.k8s.io", "v1", "CSIStorageCapacity", "csistoragecapacities"), strategy: PlainStrategy(),
        printer: TablePrinter([
            .name, .field("StorageClassName", ["storageClassName"], absent: ""),
            .field("Capacity", ["capacity"], absent: "<unset>"),
        ]))

    static let volumeAttachments = ResourceInfo(
        .group("storage.k8s.io", "v1", "VolumeAttachment", "volumeattachments", namespaced: false),
        subresources: ["status"], strategy: PlainStrategy(),
        printer: TablePrinter([
            .name, .field("Attacher", ["spec", "attacher"], absent: ""),
            .field("PV", ["spec", "source", "persistentVolumeName"], absent: ""),
            .field("Node", ["spec", "nodeName"], absent: ""),
            PrinterColumn("Attached", type: "boolean") { .bool($0[path: ["status", "attached"]]?.boolValue ?? false) },
            .age,
        ]))

    private static func flag(_ name: String, _ path: [String], absent: Bool = false) -> PrinterColumn {
        PrinterColumn(name, type: "boolean") { .bool($0[path: path]?.boolValue ?? absent) }
    }
}

/// StorageClasses: reclaim policy Delete and binding mode Immediate unless given; the provisioner and
/// the parameters cannot change.
struct StorageClassStrategy: ResourceStrategy {
    func prepareForCreate(_ storageClass: inout JSONValue, context: AdmissionContext) throws(Status) {
        storageClass["reclaimPolicy"] = storageClass["reclaimPolicy"] ?? "Delete"
        storageClass["volumeBindingMode"] = storageClass["volumeBindingMode"] ?? "Immediate"
    }

    func validate(_ storageClass: JSONValue) -> [FieldError] {
        Cells.text(storageClass["provisioner"]) == nil ? [.required("provisioner")] : []
    }

    func validateUpdate(_ storageClass: JSONValue, old: JSONValue) -> [FieldError] {
        ["provisioner", "parameters", "reclaimPolicy", "volumeBindingMode"].flatMap { field in
            (storageClass[field] ?? .null) == (old[field] ?? .null)
                ? [] : [FieldError.forbidden(field, "updates to \(field) are forbidden.")]
        }
    }
}

/// CSIDrivers: Kubernetes' defaults for what a driver does not say.
struct CSIDriverStrategy: ResourceStrategy {
    func prepareForCreate(_ driver: inout JSONValue, context: AdmissionContext) throws(Status) {
        var spec = driver["spec"]?.objectValue ?? [:]
        spec["attachRequired"] = spec["attachRequired"] ?? true
        spec["podInfoOnMount"] = spec["podInfoOnMount"] ?? false
        spec["storageCapacity"] = spec["storageCapacity"] ?? false
        spec["requiresRepublish"] = spec["requiresRepublish"] ?? false
        spec["seLinuxMount"] = spec["seLinuxMount"] ?? false
        spec["fsGroupPolicy"] = spec["fsGroupPolicy"] ?? "ReadWriteOnceWithFSType"
        spec["volumeLifecycleModes"] = spec["volumeLifecycleModes"] ?? ["Persistent"]
        driver["spec"] = .object(spec)
    }
}
