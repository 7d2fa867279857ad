import Foundation
import KubeModel

/// The `meta.k8s.io/v1` Table that `kubectl get` asks for (`Accept: application/json;as=Table;...`):
/// pod, node and namespace columns like Kubernetes' printers, NAME and AGE for everything else.
enum TableConverter {
    static let contentType = "application/json;as=Table;v=v1;g=meta.k8s.io"

    struct Column {
        var name: String
        var type: String
        var priority: Int = 0
        var format: String = ""
    }

    static func table(
        _ resource: ResourceInfo, items: [JSONValue], resourceVersion: Int64, continueToken: String?,
        now: Date = Date()
    ) -> JSONValue {
        let columns = self.columns(resource)
        let rows: [JSONValue] = items.map { item in
            [
                "cells": .array(cells(resource, item, now: now)),
                "object": [
                    "kind": "PartialObjectMetadata", "apiVersion": "meta.k8s.io/v1",
                    "metadata": item["metadata"] ?? [:],
                ],
            ]
        }
        var metadata: JSONObject = ["resourceVersion": .string(String(resourceVersion))]
        if let continueToken { metadata["continue"] = .string(continueToken) }
        return [
            "kind": "Table", "apiVersion": "meta.k8s.io/v1", "metadata": .object(metadata),
            "columnDefinitions": .array(
                columns.map {
                    [
                        "name": .string($0.name), "type": .string($0.type), "format": .string($0.format),
                        "description": "", "priority": .int(Int64($0.priority)),
                    ]
                }),
            "rows": .array(rows),
        ]
    }

    static func columns(_ resource: ResourceInfo) -> [Column] {
        if let custom = resource.custom { return CustomResourceTable.columns(custom) }
        switch (resource.type.group, resource.type.plural) {
        case ("", "pods"):
            return [
                Column(name: "Name", type: "string", format: "name"), Column(name: "Ready", type: "string"),
                Column(name: "Status", type: "string"), Column(name: "Restarts", type: "string"),
                Column(name: "Age", type: "string"), Column(name: "IP", type: "string", priority: 1),
                Column(name: "Node", type: "string", priority: 1),
                Column(name: "Nominated Node", type: "string", priority: 1),
                Column(name: "Readiness Gates", type: "string", priority: 1),
            ]
        case ("", "nodes"):
            return [
                Column(name: "Name", type: "string", format: "name"), Column(name: "Status", type: "string"),
                Column(name: "Roles", type: "string"), Column(name: "Age", type: "string"),
                Column(name: "Version", type: "string"), Column(name: "Internal-IP", type: "string", priority: 1),
                Column(name: "External-IP", type: "string", priority: 1),
                Column(name: "OS-Image", type: "string", priority: 1),
                Column(name: "Kernel-Version", type: "string", priority: 1),
                Column(name: "Container-Runtime", type: "string", priority: 1),
            ]
        case ("", "namespaces"):
            return [
                Column(name: "Name", type: "string", format: "name"), Column(name: "Status", type: "string"),
                Column(name: "Age", type: "string"),
            ]
        default:
            return [Column(name: "Name", type: "string", format: "name"), Column(name: "Age", type: "string")]
        }
    }

    /// "passed/total" of the pod's readiness gates, as kubectl prints them; `<none>` without gates.
    static func readinessGates(_ pod: JSONValue) -> String {
        let gates = pod[path: ["spec", "readinessGates"]]?.arrayValue ?? []
        guard !gates.isEmpty else { return "<none>" }
        let conditions = pod[path: ["status", "conditions"]]?.arrayValue ?? []
        let passed = gates.filter { gate in
            conditions.contains { $0["type"] == gate["conditionType"] && $0["status"] == "True" }
        }.count
        return "\(passed)/\(gates.count)"
    }

    static func cells(_ resource: ResourceInfo, _ object: JSONValue, now: Date) -> [JSONValue] {
        let name = JSONValue.string(object[path: ["metadata", "name"]]?.stringValue ?? "")
        let age = JSONValue.string(self.age(object, now: now))
        if let custom = resource.custom { return CustomResourceTable.cells(custom, object, now: now) }
        switch (resource.type.group, resource.type.plural) {
        case ("", "pods"):
            let statuses = object[path: ["status", "containerStatuses"]]?.arrayValue ?? []
            let total = object[path: ["spec", "containers"]]?.arrayValue?.count ?? 0
            let ready = statuses.filter { $0["ready"]?.boolValue == true }.count
            let restarts = statuses.reduce(Int64(0)) { $0 + ($1["restartCount"]?.intValue ?? 0) }
            return [
                name, .string("\(ready)/\(total)"), .string(podStatus(object)), .string(String(restarts)), age,
                .string(object[path: ["status", "podIP"]]?.stringValue ?? "<none>"),
                .string(nonEmpty(object[path: ["spec", "nodeName"]]?.stringValue) ?? "<none>"),
                .string(nonEmpty(object[path: ["status", "nominatedNodeName"]]?.stringValue) ?? "<none>"),
                .string(readinessGates(object)),
            ]
        case ("", "nodes"):
            let conditions = object[path: ["status", "conditions"]]?.arrayValue ?? []
            var status = "Unknown"
            if let ready = conditions.first(where: { $0["type"] == "Ready" }) {
                status = ready["status"] == "True" ? "Ready" : (ready["status"] == "False" ? "NotReady" : "Unknown")
            }
            if object[path: ["spec", "unschedulable"]]?.boolValue == true { status += ",SchedulingDisabled" }
            let labels = ObjectFilter.labels(of: object)
            let roles = labels.keys.filter { $0.hasPrefix("node-role.kubernetes.io/") }
                .map { String($0.dropFirst("node-role.kubernetes.io/".count)) }.sorted()
            let addresses = object[path: ["status", "addresses"]]?.arrayValue ?? []
            func address(_ type: String) -> String {
                addresses.first { $0["type"]?.stringValue == type }?["address"]?.stringValue ?? "<none>"
            }
            let info = object[path: ["status", "nodeInfo"]]
            return [
                name, .string(status), .string(roles.isEmpty ? "<none>" : roles.joined(separator: ",")), age,
                .string(info?["kubeletVersion"]?.stringValue ?? ""), .string(address("InternalIP")),
                .string(address("ExternalIP")), .string(info?["osImage"]?.stringValue ?? "<unknown>"),
                .string(info?["kernelVersion"]?.stringValue ?? "<unknown>"),
                .string(info?["containerRuntimeVersion"]?.stringValue ?? "<unknown>"),
            ]
        case ("", "namespaces"):
            return [name, .string(object[path: ["status", "phase"]]?.stringValue ?? "Active"), age]
        default:
            return [name, age]
        }
    }

    /// The STATUS column of `kubectl get pods`.
    static func podStatus(_ pod: JSONValue) -> String {
        var reason = nonEmpty(pod[path: ["status", "reason"]]?.stringValue)
            ?? nonEmpty(pod[path: ["status", "phase"]]?.stringValue) ?? "Unknown"
        for status in pod[path: ["status", "containerStatuses"]]?.arrayValue ?? [] {
            if let waiting = nonEmpty(status[path: ["state", "waiting", "reason"]]?.stringValue) {
                reason = waiting
            } else if let terminated = nonEmpty(status[path: ["state", "terminated", "reason"]]?.stringValue) {
                reason = terminated
            }
        }
        if let deleting = pod[path: ["metadata", "deletionTimestamp"]], deleting != .null { reason = "Terminating" }
        return reason
    }

    static func age(_ object: JSONValue, now: Date) -> String {
        guard let text = object[path: ["metadata", "creationTimestamp"]]?.stringValue, let time = KubeTime(text: text)
        else { return "<unknown>" }
        return humanDuration(now.timeIntervalSince(time.date))
    }

    /// Kubernetes' `duration.HumanDuration`.
    static func humanDuration(_ interval: TimeInterval) -> String {
        let seconds = Int(interval)
        if seconds < -1 { return "<invalid>" }
        if seconds < 0 { return "0s" }
        if seconds < 120 { return "\(seconds)s" }
        let minutes = seconds / 60
        if minutes < 10 { return seconds % 60 == 0 ? "\(minutes)m" : "\(minutes)m\(seconds % 60)s" }
        if minutes < 180 { return "\(minutes)m" }
        let hours = minutes / 60
        if hours < 8 { return minutes % 60 == 0 ? "\(hours)h" : "\(hours)h\(minutes % 60)m" }
        if hours < 48 { return "\(hours)h" }
        if hours < 192 { return hours % 24 == 0 ? "\(hours / 24)d" : "\(hours / 24)d\(hours % 24)h" }
        if hours < 24 * 365 * 2 { return "\(hours / 24)d" }
        if hours < 24 * 365 * 8 { return "\(hours / 24 / 365)y\((hours / 24) % 365)d" }
        return "\(hours / 24 / 365)y"
    }

    private static func nonEmpty(_ text: String?) -> String? {
        guard let text, !text.isEmpty else { return nil }
        return text
    }
}
