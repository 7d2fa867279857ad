import KubeModel

/// Computes the values an object is indexed under (e.g. its `spec.nodeName`); empty for none.
public typealias IndexFunction<T> = @Sendable (T) -> [String]

/// Names of the indexes every ``Store`` has.
public enum StoreIndex {
    /// Objects by `metadata.namespace` ("" for cluster-scoped objects).
    public static let namespace = "namespace"
    /// Objects by the UID of each of their `metadata.ownerReferences`.
    public static let ownerUID = "ownerUID"
}

/// The informer's cache: objects by key (`namespace/name`) with indexes kept up to date on every change.
public actor Store<T: KubeResource> {
    private var items: [String: T] = [:]
    private var indexers: [String: IndexFunction<T>] = [:]
    /// index name → indexed value → keys.
    private var indices: [String: [String: Set<String>]] = [:]

    public init() {
        indexers[StoreIndex.namespace] = { [$0.metadata.namespace ?? ""] }
        indexers[StoreIndex.ownerUID] = { object in (object.metadata.ownerReferences ?? []).map(\.uid) }
    }

    /// Registers an index and builds it over the objects already cached; replaces one of the same name.
    public func addIndex(_ name: String, _ function: @escaping IndexFunction<T>) {
        indexers[name] = function
        indices[name] = [:]
        for (key, object) in items {
            for value in function(object) { indices[name, default: [:]][value, default: []].insert(key) }
        }
    }

    public func get(_ key: String) -> T? { items[key] }
    public func get(_ key: ObjectKey) -> T? { items[key.description] }
    public func list() -> [T] { Array(items.values) }
    public var keys: [String] { Array(items.keys) }
    public var count: Int { items.count }

    /// Objects whose index function `name` returned `value`; empty for an unknown index.
    public func byIndex(_ name: String, _ value: String) -> [T] {
        indexKeys(name, value).compactMap { items[$0] }
    }

    public func indexKeys(_ name: String, _ value: String) -> [String] {
        Array(indices[name]?[value] ?? [])
    }

    /// The values index `name` currently holds.
    public func indexValues(_ name: String) -> [String] { Array(indices[name]?.keys ?? [:].keys) }

    public func byNamespace(_ namespace: String) -> [T] { byIndex(StoreIndex.namespace, namespace) }
    public func byOwner(uid: String) -> [T] { byIndex(StoreIndex.ownerUID, uid) }

    /// Inserts or replaces an object; returns the previous one.
    @discardableResult
    func upsert(_ object: T) -> T? {
        let key = object.key
        let old = items.updateValue(object, forKey: key)
        guard let old else {
            index(object, key: key)
            return nil
        }
        // Most updates (status, a bind) leave every indexed value as it was: those sets stay untouched.
        for (name, function) in indexers {
            let before = function(old)
            let after = function(object)
            guard before != after else { continue }
            unindex(name, before, key: key)
            index(name, after, key: key)
        }
        return old
    }

    /// Removes an object; returns it when it was cached.
    @discardableResult
    func remove(key: String) -> T? {
        guard let old = items.removeValue(forKey: key) else { return nil }
        unindex(old, key: key)
        return old
    }

    /// What changed when the cache is replaced by a fresh list.
    struct Changes {
        var added: [T] = []
        /// Objects whose resourceVersion changed: (old, new).
        var updated: [(T, T)] = []
        var deleted: [T] = []
    }

    /// Makes the cache equal to `objects` and returns the differences.
    func replace(with objects: [T]) -> Changes {
        var changes = Changes()
        var seen: Set<String> = []
        for object in objects {
            seen.insert(object.key)
            if let old = upsert(object) {
                if old.metadata.resourceVersion != object.metadata.resourceVersion {
                    changes.updated.append((old, object))
                }
            } else {
                changes.added.append(object)
            }
        }
        for key in items.keys where !seen.contains(key) {
            if let old = remove(key: key) { changes.deleted.append(old) }
        }
        return changes
    }

    private func index(_ object: T, key: String) {
        for (name, function) in indexers { index(name, function(object), key: key) }
    }

    private func unindex(_ object: T, key: String) {
        for (name, function) in indexers { unindex(name, function(object), key: key) }
    }

    private func index(_ name: String, _ values: [String], key: String) {
        for value in values { indices[name, default: [:]][value, default: []].insert(key) }
    }

    private func unindex(_ name: String, _ values: [String], key: String) {
        for value in values {
            indices[name]?[value]?.remove(key)
            if indices[name]?[value]?.isEmpty == true { indices[name]?[value] = nil }
        }
    }
}
