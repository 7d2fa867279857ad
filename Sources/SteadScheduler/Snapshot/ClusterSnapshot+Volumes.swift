import KubeModel

extension ClusterSnapshot {
    public mutating func upsertPersistentVolume(_ volume: PersistentVolume) {
        persistentVolumesByName[volume.name] = volume
    }

    public mutating func removePersistentVolume(named name: String) {
        persistentVolumesByName[name] = nil
    }

    public mutating func upsertClaim(_ claim: PersistentVolumeClaim) {
        claimsByKey[claim.objectKey] = claim
    }

    public mutating func removeClaim(_ key: ObjectKey) {
        claimsByKey[key] = nil
    }

    public func persistentVolume(named name: String) -> PersistentVolume? { persistentVolumesByName[name] }

    public func claim(namespace: String, name: String) -> PersistentVolumeClaim? {
        claimsByKey[ObjectKey(namespace: namespace, name: name)]
    }
}

extension PersistentVolumeClaim {
    var objectKey: ObjectKey { ObjectKey(namespace: metadata.namespace, name: name) }
}
