/// Who depends on whom, by owner uid: kept current from the store's events so the garbage collector
/// finds an owner's dependents without scanning every object.
struct OwnerGraph {
    private var dependentsByOwner: [String: Set<ObjectRef>] = [:]
    private var ownersByDependent: [ObjectRef: [String]] = [:]

    mutating func set(_ dependent: ObjectRef, owners: [String]) {
        remove(dependent)
        guard !owners.isEmpty else { return }
        ownersByDependent[dependent] = owners
        for uid in owners { dependentsByOwner[uid, default: []].insert(dependent) }
    }

    mutating func remove(_ dependent: ObjectRef) {
        guard let owners = ownersByDependent.removeValue(forKey: dependent) else { return }
        for uid in owners {
            dependentsByOwner[uid]?.remove(dependent)
            if dependentsByOwner[uid]?.isEmpty == true { dependentsByOwner.removeValue(forKey: uid) }
        }
    }

    func dependents(of uid: String) -> Set<ObjectRef> {
        dependentsByOwner[uid] ?? []
    }
}
