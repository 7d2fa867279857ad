import KubeModel
import SteadAPI

/// Where placement records live in the API server: ConfigMaps per controller owner, in the pods'
/// namespace, named `stead-placement-<owner>-<shard>`, labelled for the records informer, owned by the
/// controller so that they are garbage collected with it. Data: pod name → `PlacementRecord` JSON.
///
/// A set's records are spread over shards of ``podsPerShard`` ordinals: every write sends back, and every
/// watcher receives, the whole ConfigMap, so one ConfigMap per 1000-replica set made each bind cost a
/// 1000-entry parse (most of the scheduler process's CPU at 5000 nodes).
enum PlacementConfigMap {
    static let namePrefix = "stead-placement-"
    static let labelKey = SteadKeys.placementRecords
    static let labelSelector = "\(labelKey)=true"
    static let podsPerShard = 100
    /// Shards for pods whose names carry no ordinal.
    static let hashedShards = 16

    /// Identifies one records ConfigMap.
    struct Target: Sendable, Hashable {
        var namespace: String
        var owner: OwnerReference
        var shard: String

        init(namespace: String, owner: OwnerReference, shard: String = "0") {
            self.namespace = namespace
            self.owner = owner
            self.shard = shard
        }

        var name: String { PlacementConfigMap.name(forOwner: owner.name, shard: shard) }
    }

    static func name(forOwner owner: String, shard: String) -> String { "\(namePrefix)\(owner)-\(shard)" }

    /// The ConfigMap a pod's record goes to; nil for a pod without a controller owner.
    static func target(for pod: Pod) -> Target? {
        guard let owner = pod.metadata.controllerReference else { return nil }
        return Target(namespace: pod.metadata.namespace ?? "default", owner: owner, shard: shard(ofPod: pod.name))
    }

    /// `<set>-<ordinal>` pods: ordinal / ``podsPerShard`` ("0", "1", ...); other names: `h` and a stable
    /// (FNV-1a) hash of the name ("h0" ... "h15").
    static func shard(ofPod name: String) -> String {
        if let dash = name.lastIndex(of: "-"), let ordinal = Int(name[name.index(after: dash)...]), ordinal >= 0 {
            return String(ordinal / podsPerShard)
        }
        var hash: UInt32 = 2_166_136_261
        for byte in name.utf8 { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
        return "h\(hash % UInt32(hashedShards))"
    }

    /// A new records ConfigMap holding `entries`.
    static func make(_ target: Target, entries: [String: String]) -> ConfigMap {
        var metadata = ObjectMeta(name: target.name, namespace: target.namespace, labels: [labelKey: "true"])
        metadata.ownerReferences = [
            OwnerReference(
                apiVersion: target.owner.apiVersion, kind: target.owner.kind, name: target.owner.name,
                uid: target.owner.uid, controller: false, blockOwnerDeletion: false)
        ]
        return ConfigMap(metadata: metadata, data: entries)
    }

    /// The merge patch that sets only `entries` (and leaves every other key alone).
    static func mergePatch(entries: [String: String]) -> JSONValue {
        .object(["data": .object(entries.mapValues { .string($0) })])
    }

    /// The records a ConfigMap holds; entries that do not parse are skipped.
    static func records(in configMap: ConfigMap) -> [PlacementRecord] {
        (configMap.data ?? [:]).values.compactMap { try? PlacementRecord(jsonString: $0) }
    }

    /// The records of entries that are new or changed from `old` to `new`.
    static func changedRecords(from old: ConfigMap?, to new: ConfigMap) -> [PlacementRecord] {
        let before = old?.data ?? [:]
        return (new.data ?? [:]).compactMap { key, value in
            before[key] == value ? nil : try? PlacementRecord(jsonString: value)
        }
    }
}
