import Foundation
import KubeModel

/// What the workload controllers read of their pods.
extension Pod {
    /// Counts toward a workload's replicas: not being deleted, not finished.
    var isActive: Bool { !isTerminating && !hasFinished }

    /// Ready, and for at least `minReadySeconds` (the workloads' "available").
    func isAvailable(minReadySeconds: Int64, now: Date) -> Bool {
        guard isReady else { return false }
        guard minReadySeconds > 0 else { return true }
        guard let since = status?.condition(ConditionType.ready)?.lastTransitionTime else { return false }
        return now.timeIntervalSince(since.date) >= TimeInterval(minReadySeconds)
    }
}

/// A pod made from a workload's template: its labels and annotations, its spec, a controller reference.
enum PodTemplate {
    static func pod(
        from template: JSONValue?, namespace: String, name: String? = nil, generateName: String? = nil,
        owner: OwnerReference, extraLabels: [String: String] = [:]
    ) -> JSONValue {
        var metadata: JSONObject = ["namespace": .string(namespace)]
        if let name { metadata["name"] = .string(name) }
        if let generateName { metadata["generateName"] = .string(generateName) }
        var labels = template?[path: ["metadata", "labels"]]?.objectValue ?? [:]
        for (key, value) in extraLabels { labels[key] = .string(value) }
        if !labels.isEmpty { metadata["labels"] = .object(labels) }
        if let annotations = template?[path: ["metadata", "annotations"]], annotations != .null {
            metadata["annotations"] = annotations
        }
        metadata["ownerReferences"] = [owner.controllerJSON]
        return ["apiVersion": "v1", "kind": "Pod", "metadata": .object(metadata), "spec": template?["spec"] ?? [:]]
    }
}

extension OwnerReference {
    /// This reference as a controller's, in the JSON of an object the controller makes.
    var controllerJSON: JSONValue {
        [
            "apiVersion": .string(apiVersion), "kind": .string(kind), "name": .string(name), "uid": .string(uid),
            "controller": true, "blockOwnerDeletion": true,
        ]
    }
}
