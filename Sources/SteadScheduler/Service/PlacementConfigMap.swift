import KubeModel

/// Where placement records live in the API server: one ConfigMap per controller owner, in the pods'
/// namespace, named `stead-placement-<owner>`, labelled for the records informer, owned by the
/// controller so that it is garbage collected with it. Data: pod name → `PlacementRecord` JSON.
public enum PlacementConfigMap {
    public static let namePrefix = "stead-placement-"
    public static let labelKey = "stead.dev/placement"
    public static let labelSelector = "\(labelKey)=true"

    /// Identifies one records ConfigMap.
    public struct Target: Sendable, Hashable {
        public var namespace: String
        public var owner: OwnerReference

        public init(namespace: String, owner: OwnerReference) {
            self.namespace = namespace
            self.owner = owner
        }

        public var name: String { PlacementConfigMap.name(forOwner: owner.name) }
    }

    public static func name(forOwner owner: String) -> String { namePrefix + owner }

    /// The ConfigMap a pod's record goes to; nil for a pod without a controller owner.
    public static func target(for pod: Pod) -> Target? {
        guard let owner = pod.metadata.controllerReference else { return nil }
        return Target(namespace: pod.metadata.namespace ?? "default", owner: owner)
    }

    /// A new records ConfigMap holding `entries`.
    public static func make(_ target: Target, entries: [String: String]) -> ConfigMap {
        var metadata = ObjectMeta(name: target.name, namespace: target.namespace, labels: [labelKey: "true"])
        metadata.ownerReferences = [
            OwnerReference(
                apiVersion: target.owner.apiVersion, kind: target.owner.kind, name: target.owner.name,
                uid: target.owner.uid, controller: false, blockOwnerDeletion: false)
        ]
        return ConfigMap(metadata: metadata, data: entries)
    }

    /// The merge patch that sets only `entries` (and leaves every other key alone).
    public static func mergePatch(entries: [String: String]) -> JSONValue {
        .object(["data": .object(entries.mapValues { .string($0) })])
    }

    /// The records a ConfigMap holds; entries that do not parse are skipped.
    public static func records(in configMap: ConfigMap) -> [PlacementRecord] {
        (configMap.data ?? [:]).values.compactMap { try? PlacementRecord(jsonString: $0) }
    }

    /// The records of entries that are new or changed from `old` to `new`.
    public static func changedRecords(from old: ConfigMap?, to new: ConfigMap) -> [PlacementRecord] {
        let before = old?.data ?? [:]
        return (new.data ?? [:]).compactMap { key, value in
            before[key] == value ? nil : try? PlacementRecord(jsonString: value)
        }
    }
}
