import KubeModel

/// The controllers that bring pods back by name, and the namespaces being deleted: capacity is kept for
/// a pod going away only while its controller will replace it.
extension SchedulingCore {
    func expectsReplacement(of pod: Pod) -> Bool {
        expectsReplacement(identity: pod.objectKey, owner: pod.metadata.controllerReference)
    }

    func expectsReplacement(identity: ObjectKey, owner: OwnerReference?) -> Bool {
        SteadScheduler.expectsReplacement(
            podName: identity.name, owner: owner, lookup: lookup(owner, namespace: identity.namespace),
            namespaceTerminating: identity.namespace.map(terminatingNamespaces.contains) ?? false)
    }

    private func lookup(_ reference: OwnerReference?, namespace: String?) -> OwnerLookup {
        guard let reference, let key = StableOwnerKey(reference, namespace: namespace) else { return .missing }
        guard watchedOwnerKinds.contains(key.kind) else { return .notWatched }
        return owners[key].map(OwnerLookup.found) ?? .missing
    }

    /// Every informer has listed once: owners of `ownerKinds` and, when the cluster serves them,
    /// StorageClasses are now known in full and taken into account.
    func cachesSynced(ownerKinds: Set<StableOwnerKind>, storageClasses: Bool) {
        watchedOwnerKinds = ownerKinds
        if storageClasses { snapshot.watchStorageClasses() }
        releaseUnexpectedReservations()
    }

    func ownerChanged(_ key: StableOwnerKey, _ owner: StableOwner?) {
        guard owners[key] != owner else { return }
        owners[key] = owner
        releaseUnexpectedReservations()
    }

    func namespaceChanged(_ namespace: Namespace) {
        guard let name = namespace.metadata.name else { return }
        let terminating = namespace.isTerminating
        guard terminating != terminatingNamespaces.contains(name) else { return }
        if terminating {
            terminatingNamespaces.insert(name)
            releaseUnexpectedReservations()
        } else {
            terminatingNamespaces.remove(name)
        }
    }

    func namespaceDeleted(_ namespace: Namespace) {
        if let name = namespace.metadata.name { terminatingNamespaces.remove(name) }
    }

    /// Lets go of the capacity kept for identities no controller will bring back any more (the set was
    /// deleted or scaled down, its namespace is being deleted).
    private func releaseUnexpectedReservations() {
        let released = snapshot.releaseReservations { expectsReplacement(identity: $0.identity, owner: $0.owner) }
        guard !released.isEmpty else { return }
        reservationsChanged()
        for reservation in released {
            logger.info(
                "reservation released: no replacement is coming",
                metadata: ["pod": "\(reservation.identity)", "node": "\(reservation.node)"])
        }
        moveAllToActive()
    }
}
