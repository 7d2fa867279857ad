import KubeModel

extension BuiltinResources {
    static let deployments = ResourceInfo(
        .group("apps", "v1", "Deployment", "deployments"), shortNames: ["deploy"], subresources: ["status", "scale"],
        categories: ["all"],
        strategy: WorkloadStrategy(kind: "Deployment") { spec, _ in
            spec["replicas"] = spec["replicas"] ?? 1
            spec["revisionHistoryLimit"] = spec["revisionHistoryLimit"] ?? 10
            spec["progressDeadlineSeconds"] = spec["progressDeadlineSeconds"] ?? 600
            var strategy = spec["strategy"]?.objectValue ?? [:]
            strategy["type"] = strategy["type"] ?? "RollingUpdate"
            if strategy["type"]?.stringValue == "RollingUpdate" {
                var rolling = strategy["rollingUpdate"]?.objectValue ?? [:]
                rolling["maxUnavailable"] = rolling["maxUnavailable"] ?? "25%"
                rolling["maxSurge"] = rolling["maxSurge"] ?? "25%"
                strategy["rollingUpdate"] = .object(rolling)
            }
            spec["strategy"] = .object(strategy)
        },
        printer: TablePrinter([
            .name,
            PrinterColumn("Ready") { .string(ratio($0, ["status", "readyReplicas"], ["spec", "replicas"])) },
            .count("Up-to-date", ["status", "updatedReplicas"]), .count("Available", ["status", "availableReplicas"]),
            .age,
        ] + templateColumns(selector: false) + [
            PrinterColumn("Selector", priority: 1) { deployment in
                let selector = Cells.selector(deployment[path: ["spec", "selector"]])
                return .string(selector == "<none>" ? "" : selector)
            }
        ]))

    static let replicaSets = ResourceInfo(
        .group("apps", "v1", "ReplicaSet", "replicasets"), shortNames: ["rs"], subresources: ["status", "scale"],
        categories: ["all"],
        strategy: WorkloadStrategy(kind: "ReplicaSet") { spec, _ in spec["replicas"] = spec["replicas"] ?? 1 },
        printer: TablePrinter([
            .name, .count("Desired", ["spec", "replicas"]), .count("Current", ["status", "replicas"]),
            .count("Ready", ["status", "readyReplicas"]), .age,
        ] + templateColumns(selector: true)))

    static let statefulSets = ResourceInfo(
        .group("apps", "v1", "StatefulSet", "statefulsets"), shortNames: ["sts"], subresources: ["status", "scale"],
        categories: ["all"],
        strategy: WorkloadStrategy(
            kind: "StatefulSet",
            updatableSpecFields: [
                "replicas", "ordinals", "template", "updateStrategy", "persistentVolumeClaimRetentionPolicy",
                "minReadySeconds",
            ]
        ) { spec, _ in
                spec["replicas"] = spec["replicas"] ?? 1
                spec["revisionHistoryLimit"] = spec["revisionHistoryLimit"] ?? 10
                spec["podManagementPolicy"] = spec["podManagementPolicy"] ?? "OrderedReady"
                var strategy = spec["updateStrategy"]?.objectValue ?? [:]
                strategy["type"] = strategy["type"] ?? "RollingUpdate"
                if strategy["type"]?.stringValue == "RollingUpdate" {
                    var rolling = strategy["rollingUpdate"]?.objectValue ?? [:]
                    rolling["partition"] = rolling["partition"] ?? 0
                    strategy["rollingUpdate"] = .object(rolling)
                }
                spec["updateStrategy"] = .object(strategy)
                var retention = spec["persistentVolumeClaimRetentionPolicy"]?.objectValue ?? [:]
                retention["whenDeleted"] = retention["whenDeleted"] ?? "Retain"
                retention["whenScaled"] = retention["whenScaled"] ?? "Retain"
                spec["persistentVolumeClaimRetentionPolicy"] = .object(retention)
                if let claims = spec["volumeClaimTemplates"]?.arrayValue {
                    spec["volumeClaimTemplates"] = .array(claims.map(claimTemplateDefaults))
                }
            },
        printer: TablePrinter([
            .name, PrinterColumn("Ready") { .string(ratio($0, ["status", "readyReplicas"], ["spec", "replicas"])) }, .age,
        ] + templateColumns(selector: false)))

    static let daemonSets = ResourceInfo(
        .group("apps", "v1", "DaemonSet", "daemonsets"), shortNames: ["ds"], subresources: ["status"],
        categories: ["all"],
        strategy: WorkloadStrategy(kind: "DaemonSet") { spec, _ in
            spec["revisionHistoryLimit"] = spec["revisionHistoryLimit"] ?? 10
            var strategy = spec["updateStrategy"]?.objectValue ?? [:]
            strategy["type"] = strategy["type"] ?? "RollingUpdate"
            if strategy["type"]?.stringValue == "RollingUpdate" {
                var rolling = strategy["rollingUpdate"]?.objectValue ?? [:]
                rolling["maxUnavailable"] = rolling["maxUnavailable"] ?? 1
                rolling["maxSurge"] = rolling["maxSurge"] ?? 0
                strategy["rollingUpdate"] = .object(rolling)
            }
            spec["updateStrategy"] = .object(strategy)
        },
        printer: TablePrinter([
            .name, .count("Desired", ["status", "desiredNumberScheduled"]),
            .count("Current", ["status", "currentNumberScheduled"]), .count("Ready", ["status", "numberReady"]),
            .count("Up-to-date", ["status", "updatedNumberScheduled"]),
            .count("Available", ["status", "numberAvailable"]),
            PrinterColumn("Node Selector") { .string(Cells.labels($0[path: ["spec", "template", "spec", "nodeSelector"]])) },
            .age,
        ] + templateColumns(selector: true)))

    static let controllerRevisions = ResourceInfo(
        .group("apps", "v1", "ControllerRevision", "controllerrevisions"), strategy: PlainStrategy(),
        printer: TablePrinter([
            .name,
            PrinterColumn("Controller") { revision in
                let owners = revision[path: ["metadata", "ownerReferences"]]?.arrayValue ?? []
                guard let controller = owners.first(where: { $0["controller"]?.boolValue == true }) else { return "<none>" }
                let apiVersion = controller["apiVersion"]?.stringValue ?? ""
                let group = apiVersion.contains("/") ? String(apiVersion.prefix { $0 != "/" }) : ""
                let kind = (controller["kind"]?.stringValue ?? "").lowercased()
                return .string("\(group.isEmpty ? kind : "\(kind).\(group)")/\(controller["name"]?.stringValue ?? "")")
            },
            .count("Revision", ["revision"]), .age,
        ]))

    /// READY-style `a/b` of two counts, 0 for a missing one.
    static func ratio(_ object: JSONValue, _ part: [String], _ whole: [String]) -> String {
        "\(object[path: part]?.intValue ?? 0)/\(object[path: whole]?.intValue ?? 0)"
    }

    /// The wide columns of a workload: its template's containers and images, and its selector.
    static func templateColumns(selector: Bool, template: [String] = ["spec", "template"]) -> [PrinterColumn] {
        var columns = [
            PrinterColumn("Containers", priority: 1) { .string(Cells.containerNames($0[path: template])) },
            PrinterColumn("Images", priority: 1) { .string(Cells.containerImages($0[path: template])) },
        ]
        if selector {
            columns.append(PrinterColumn("Selector", priority: 1) { .string(Cells.selector($0[path: ["spec", "selector"]])) })
        }
        return columns
    }

    static func claimTemplateDefaults(_ claim: JSONValue) -> JSONValue {
        var claim = claim
        claim["apiVersion"] = claim["apiVersion"] ?? "v1"
        claim["kind"] = claim["kind"] ?? "PersistentVolumeClaim"
        var spec = claim["spec"]?.objectValue ?? [:]
        spec["volumeMode"] = spec["volumeMode"] ?? "Filesystem"
        claim["spec"] = .object(spec)
        return claim
    }
}
