import Foundation
import KubeModel

/// The core group's resources that need no strategy of their own beyond their printer.
extension BuiltinResources {
    static let events = ResourceInfo(
        .core("Event", "events"), shortNames: ["ev"], strategy: PlainStrategy(), printer: EventPrinter.core,
        fieldLabels: [
            "involvedObject.kind", "involvedObject.namespace", "involvedObject.name", "involvedObject.uid",
            "involvedObject.apiVersion", "involvedObject.resourceVersion", "involvedObject.fieldPath", "reason",
            "reportingComponent", "source", "type",
        ])

    static let persistentVolumeClaims = ResourceInfo(
        .core("PersistentVolumeClaim", "persistentvolumeclaims"), shortNames: ["pvc"], subresources: ["status"],
        strategy: PlainStrategy(),
        printer: TablePrinter([
            .name, PrinterColumn("Status") { .string(DeleteRules.isDeleting($0) ? "Terminating" : Cells.text($0[path: ["status", "phase"]]) ?? "") },
            .field("Volume", ["spec", "volumeName"], absent: ""),
            PrinterColumn("Capacity") { claim in
                guard Cells.text(claim[path: ["spec", "volumeName"]]) != nil else { return "" }
                return .string(Cells.text(claim[path: ["status", "capacity", "storage"]]) ?? "")
            },
            PrinterColumn("Access Modes") { claim in
                guard Cells.text(claim[path: ["spec", "volumeName"]]) != nil else { return "" }
                return .string(accessModes(claim[path: ["status", "accessModes"]]))
            },
            PrinterColumn("StorageClass") { .string(storageClass($0)) },
            .field("VolumeAttributesClass", ["spec", "volumeAttributesClassName"], absent: "<unset>"), .age,
            .field("VolumeMode", ["spec", "volumeMode"], priority: 1, absent: "<unset>"),
        ]))

    static let persistentVolumes = ResourceInfo(
        .core("PersistentVolume", "persistentvolumes", namespaced: false), shortNames: ["pv"], subresources: ["status"],
        strategy: PlainStrategy(),
        printer: TablePrinter([
            .name, .field("Capacity", ["spec", "capacity", "storage"], absent: ""),
            PrinterColumn("Access Modes") { .string(accessModes($0[path: ["spec", "accessModes"]])) },
            .field("Reclaim Policy", ["spec", "persistentVolumeReclaimPolicy"], absent: ""),
            PrinterColumn("Status") { .string(DeleteRules.isDeleting($0) ? "Terminating" : Cells.text($0[path: ["status", "phase"]]) ?? "") },
            PrinterColumn("Claim") { volume in
                guard let name = Cells.text(volume[path: ["spec", "claimRef", "name"]]) else { return "" }
                return .string("\(volume[path: ["spec", "claimRef", "namespace"]]?.stringValue ?? "")/\(name)")
            },
            PrinterColumn("StorageClass") { .string(storageClass($0)) },
            .field("VolumeAttributesClass", ["spec", "volumeAttributesClassName"], absent: "<unset>"),
            .field("Reason", ["status", "reason"], absent: ""), .age,
            .field("VolumeMode", ["spec", "volumeMode"], priority: 1, absent: "<unset>"),
        ]))

    static let serviceAccounts = ResourceInfo(
        .core("ServiceAccount", "serviceaccounts"), shortNames: ["sa"], subresources: ["token"], strategy: PlainStrategy(),
        printer: TablePrinter([
            .name, PrinterColumn("Secrets", type: "integer") { .int(Int64($0["secrets"]?.arrayValue?.count ?? 0)) }, .age,
        ]))

    static let endpoints = ResourceInfo(
        .core("Endpoints", "endpoints"), shortNames: ["ep"], strategy: PlainStrategy(),
        printer: TablePrinter([.name, PrinterColumn("Endpoints") { .string(endpointsText($0)) }, .age]))

    static let limitRanges = ResourceInfo(
        .core("LimitRange", "limitranges"), shortNames: ["limits"], strategy: PlainStrategy(),
        printer: .createdAt)

    static let resourceQuotas = ResourceInfo(
        .core("ResourceQuota", "resourcequotas"), shortNames: ["quota"], subresources: ["status"],
        strategy: PlainStrategy(),
        printer: TablePrinter([
            .name, PrinterColumn("Request") { .string(quota($0, limits: false)) },
            PrinterColumn("Limit") { .string(quota($0, limits: true)) }, .age,
        ]))

    static let replicationControllers = ResourceInfo(
        .core("ReplicationController", "replicationcontrollers"), shortNames: ["rc"], subresources: ["status", "scale"],
        categories: ["all"], strategy: PlainStrategy(),
        printer: TablePrinter([
            .name, .count("Desired", ["spec", "replicas"]), .count("Current", ["status", "replicas"]),
            .count("Ready", ["status", "readyReplicas"]), .age,
            PrinterColumn("Containers", priority: 1) { .string(Cells.containerNames($0[path: ["spec", "template"]])) },
            PrinterColumn("Images", priority: 1) { .string(Cells.containerImages($0[path: ["spec", "template"]])) },
            PrinterColumn("Selector", priority: 1) { .string(Cells.labels($0[path: ["spec", "selector"]])) },
        ]))

    static let podTemplates = ResourceInfo(
        .core("PodTemplate", "podtemplates"), strategy: PlainStrategy(),
        printer: TablePrinter([
            .name, PrinterColumn("Containers") { .string(Cells.containerNames($0["template"])) },
            PrinterColumn("Images") { .string(Cells.containerImages($0["template"])) },
            PrinterColumn("Pod Labels") { .string(Cells.labels($0[path: ["template", "metadata", "labels"]])) },
        ]))

    /// Access modes as kubectl abbreviates them, in Kubernetes' order.
    static func accessModes(_ value: JSONValue?) -> String {
        let modes = Set((value?.arrayValue ?? []).compactMap(\.stringValue))
        let order = [("ReadWriteOnce", "RWO"), ("ReadOnlyMany", "ROX"), ("ReadWriteMany", "RWX"), ("ReadWriteOncePod", "RWOP")]
        return order.filter { modes.contains($0.0) }.map(\.1).joined(separator: ",")
    }

    /// The class a claim or volume names, by field or by the beta annotation.
    static func storageClass(_ object: JSONValue) -> String {
        Cells.text(object[path: ["metadata", "annotations", "volume.beta.kubernetes.io/storage-class"]])
            ?? Cells.text(object[path: ["spec", "storageClassName"]]) ?? ""
    }

    /// `ip:port,...` of the ready addresses, at most three, then `+ N more...`; `<none>` when empty.
    static func endpointsText(_ endpoints: JSONValue) -> String {
        let subsets = endpoints["subsets"]?.arrayValue ?? []
        guard !subsets.isEmpty else { return "<none>" }
        var all: [String] = []
        for subset in endpoints["subsets"]?.arrayValue ?? [] {
            let addresses = (subset["addresses"]?.arrayValue ?? []).compactMap { $0["ip"]?.stringValue }
            let ports = (subset["ports"]?.arrayValue ?? []).compactMap { $0["port"]?.intValue }
            for address in addresses {
                if ports.isEmpty { all.append(address) } else { all += ports.map { "\(address):\($0)" } }
            }
        }
        return all.isEmpty ? "" : Cells.limited(all)
    }

    /// `resource: used/hard` of a quota's limits or requests, in resource order.
    static func quota(_ quota: JSONValue, limits: Bool) -> String {
        let hard = quota[path: ["status", "hard"]]?.objectValue ?? [:]
        let used = quota[path: ["status", "used"]]?.objectValue ?? [:]
        let keys = hard.keys.sorted().filter { $0.hasPrefix("limits.") == limits }
        return keys.map { "\($0): \(Cells.text(used[$0]) ?? "0")/\(Cells.text(hard[$0]) ?? "")" }.joined(separator: ", ")
    }
}

/// The columns of `kubectl get events`, for core/v1 Events and events.k8s.io/v1 Events (which name the
/// same things differently).
enum EventPrinter {
    struct Fields: Sendable {
        var regarding: String
        var source: @Sendable (JSONValue) -> String
        var message: String
        var count: @Sendable (JSONValue) -> Int64
        var first: @Sendable (JSONValue) -> JSONValue?
        var last: @Sendable (JSONValue) -> JSONValue?
    }

    static let core = printer(
        Fields(
            regarding: "involvedObject",
            source: { event in
                sourceText(
                    Cells.text(event[path: ["source", "component"]]) ?? Cells.text(event["reportingComponent"]),
                    Cells.text(event[path: ["source", "host"]]) ?? Cells.text(event["reportingInstance"]))
            },
            message: "message",
            count: { event in event[path: ["series", "count"]]?.intValue ?? max(event["count"]?.intValue ?? 1, 1) },
            first: { event in event["firstTimestamp"].flatMap(nonNull) ?? event["eventTime"].flatMap(nonNull) },
            last: { event in
                event[path: ["series", "lastObservedTime"]].flatMap(nonNull) ?? event["lastTimestamp"].flatMap(nonNull)
                    ?? event["firstTimestamp"].flatMap(nonNull) ?? event["eventTime"].flatMap(nonNull)
            }))

    static let events = printer(
        Fields(
            regarding: "regarding",
            source: { event in
                sourceText(
                    Cells.text(event["reportingController"]) ?? Cells.text(event[path: ["deprecatedSource", "component"]]),
                    Cells.text(event["reportingInstance"]) ?? Cells.text(event[path: ["deprecatedSource", "host"]]))
            },
            message: "note",
            count: { event in event[path: ["series", "count"]]?.intValue ?? max(event["deprecatedCount"]?.intValue ?? 1, 1) },
            first: { event in event["deprecatedFirstTimestamp"].flatMap(nonNull) ?? event["eventTime"].flatMap(nonNull) },
            last: { event in
                event[path: ["series", "lastObservedTime"]].flatMap(nonNull)
                    ?? event["deprecatedLastTimestamp"].flatMap(nonNull)
                    ?? event["deprecatedFirstTimestamp"].flatMap(nonNull) ?? event["eventTime"].flatMap(nonNull)
            }))

    private static func printer(_ fields: Fields) -> TablePrinter {
        TablePrinter([
            PrinterColumn("Last Seen") { event, now in .string(Cells.since(fields.last(event), now: now) ?? "<unknown>") },
            .field("Type", ["type"], absent: ""), .field("Reason", ["reason"], absent: ""),
            PrinterColumn("Object") { event in
                let kind = (event[path: [fields.regarding, "kind"]]?.stringValue ?? "").lowercased()
                guard let name = Cells.text(event[path: [fields.regarding, "name"]]) else { return .string(kind) }
                return .string("\(kind)/\(name)")
            },
            .field("Subobject", [fields.regarding, "fieldPath"], priority: 1, absent: ""),
            PrinterColumn("Source", priority: 1) { .string(fields.source($0)) },
            PrinterColumn("Message") {
                .string(($0[fields.message]?.stringValue ?? "").trimmingCharacters(in: .whitespacesAndNewlines))
            },
            PrinterColumn("First Seen", priority: 1) { event, now in
                .string(Cells.since(fields.first(event), now: now) ?? "<unknown>")
            },
            PrinterColumn("Count", type: "integer", priority: 1) { .int(fields.count($0)) },
            PrinterColumn("Name", format: "name", priority: 1) { event, _ in
                .string(event[path: ["metadata", "name"]]?.stringValue ?? "")
            },
        ])
    }

    private static func nonNull(_ value: JSONValue) -> JSONValue? { value == .null ? nil : value }

    private static func sourceText(_ component: String?, _ instance: String?) -> String {
        guard let component else { return "" }
        guard let instance else { return component }
        return "\(component), \(instance)"
    }
}
