import KubeModel

extension ClusterSnapshot {
    mutating func upsertPersistentVolume(_ volume: PersistentVolume) {
        persistentVolumesByName[volume.name] = volume
    }

    mutating func removePersistentVolume(named name: String) {
        persistentVolumesByName[name] = nil
    }

    mutating func upsertClaim(_ claim: PersistentVolumeClaim) {
        claimsByKey[claim.objectKey] = claim
    }

    mutating func removeClaim(_ key: ObjectKey) {
        claimsByKey[key] = nil
    }

    /// From now on claims are bound as their StorageClasses say: the cluster serves them, and every one
    /// of them is in the snapshot.
    mutating func watchStorageClasses() { storageClassesWatched = true }

    mutating func upsertStorageClass(_ storageClass: StorageClass) {
        storageClassesByName[storageClass.name] = storageClass
    }

    mutating func removeStorageClass(named name: String) {
        storageClassesByName[name] = nil
    }

    /// Whether an unbound claim is bound by the cluster on its own (the PV controller, binding mode
    /// Immediate), so that a pod using it must wait: kube-scheduler's "unbound immediate
    /// PersistentVolumeClaims". A claim of a WaitForFirstConsumer class waits for a node instead, and
    /// without StorageClasses to read nothing is known: neither waits.
    func bindsImmediately(_ claim: PersistentVolumeClaim) -> Bool {
        guard storageClassesWatched else { return false }
        let classes = storageClassesByName
        let className = claim.spec?.storageClassName ?? classes.values.first(where: \.isDefault)?.name ?? ""
        return classes[className]?.volumeBindingMode != StorageClass.waitForFirstConsumer
    }

    func persistentVolume(named name: String) -> PersistentVolume? { persistentVolumesByName[name] }

    func claim(namespace: String, name: String) -> PersistentVolumeClaim? {
        claimsByKey[ObjectKey(namespace: namespace, name: name)]
    }
}

extension PersistentVolumeClaim {
    var objectKey: ObjectKey { ObjectKey(namespace: metadata.namespace, name: name) }
}
