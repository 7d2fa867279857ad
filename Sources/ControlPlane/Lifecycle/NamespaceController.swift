import KubeModel
import Logging

/// Empties namespaces being deleted, as Kubernetes' namespace controller does: every object in a
/// Terminating namespace is deleted (each with its own finalizers and grace period), and once none is
/// left the `kubernetes` finalizer is removed from the namespace, which then goes.
///
/// It scans a namespace once when its deletion starts and then counts the DELETED events of what was
/// left, so a large store is not scanned again for every object removed.
struct NamespaceController {
    let store: ObjectStore
    let registry: ResourceRegistry
    let logger: Logger
    /// Terminating namespaces and the objects still in them.
    private var remaining: [String: Set<ObjectRef>] = [:]

    init(store: ObjectStore, registry: ResourceRegistry, logger: Logger) {
        self.store = store
        self.registry = registry
        self.logger = logger
    }

    private static let namespaces = BuiltinResources.namespaces

    mutating func seed(_ objects: [(resource: String, object: StoredObject)]) {
        for (resource, stored) in objects
        where resource == Self.namespaces.storageKey && DeleteRules.isDeleting(stored.object) {
            begin(stored.key.name)
        }
    }

    mutating func observe(_ event: StoreEvent) {
        let key = event.object.key
        if event.resource == Self.namespaces.storageKey {
            if event.type == .deleted {
                remaining.removeValue(forKey: key.name)
            } else if DeleteRules.isDeleting(event.object.object) && remaining[key.name] == nil {
                begin(key.name)
            }
            return
        }
        guard let namespace = key.namespace, remaining[namespace] != nil else { return }
        let ref = ObjectRef(resource: event.resource, key: key)
        switch event.type {
        case .deleted:
            remaining[namespace]?.remove(ref)
            if remaining[namespace]?.isEmpty == true { finish(namespace) }
        case .added:
            // Created just before the namespace was marked: it goes too.
            remaining[namespace]?.insert(ref)
            delete(ref)
        default:
            break
        }
    }

    private mutating func begin(_ namespace: String) {
        logger.debug("deleting namespace content", metadata: ["namespace": "\(namespace)"])
        let content = contents(of: namespace)
        remaining[namespace] = content
        for ref in content { delete(ref) }
        if content.isEmpty { finish(namespace) }
    }

    /// Every object in `namespace`, of every namespaced resource served.
    private func contents(of namespace: String) -> Set<ObjectRef> {
        var refs: Set<ObjectRef> = []
        for resource in registry.all where resource.type.namespaced {
            guard let list = try? store.list(resource, filter: ObjectFilter(namespace: namespace), limit: nil, continueToken: nil)
            else { continue }
            for item in list.items { refs.insert(ObjectRef(resource: resource.storageKey, key: item.key)) }
        }
        return refs
    }

    private func delete(_ ref: ObjectRef) {
        guard let resource = registry.resource(storageKey: ref.resource) else { return }
        do {
            try ObjectDeleter(store: store).delete(resource, ref.key)
        } catch where error.statusReason == .notFound {
            return
        } catch {
            logger.warning(
                "cannot delete namespace content", metadata: ["object": "\(ref.resource) \(ref.key)", "error": "\(error.message ?? "")"])
        }
    }

    /// Checks that the namespace is empty, then removes the `kubernetes` finalizer.
    private mutating func finish(_ namespace: String) {
        let left = contents(of: namespace)
        guard left.isEmpty else {
            remaining[namespace] = left
            return
        }
        do {
            _ = try store.modify(Self.namespaces, ObjectKey(namespace: nil, name: namespace)) { current throws(Status) in
                guard DeleteRules.isDeleting(current.object) else { return .keep }
                return try .update(Self.finalized(current.object), old: current.object)
            }
            logger.debug("namespace emptied", metadata: ["namespace": "\(namespace)"])
        } catch where error.statusReason == .notFound {
            remaining.removeValue(forKey: namespace)
        } catch {
            logger.warning("cannot finalize namespace", metadata: ["namespace": "\(namespace)", "error": "\(error.message ?? "")"])
        }
    }

    /// The namespace without the `kubernetes` finalizer in `spec.finalizers`.
    static func finalized(_ namespace: JSONValue) -> JSONValue {
        var namespace = namespace
        var spec = namespace["spec"]?.objectValue ?? [:]
        let left = DeleteRules.namespaceFinalizers(namespace).filter { $0 != NamespaceRules.contentFinalizer }
        spec["finalizers"] = left.isEmpty ? nil : .array(left.map { .string($0) })
        namespace["spec"] = .object(spec)
        return namespace
    }
}
