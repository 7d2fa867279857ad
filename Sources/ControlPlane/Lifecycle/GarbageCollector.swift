import KubeModel
import Logging

/// Kubernetes' garbage collector for `ownerReferences`, in process: fed by the store's events (and,
/// on start, by the stored objects once), it deletes dependents whose owners are all gone (checked by
/// uid), deletes an owner's dependents first when it is deleted in the foreground, and strips the
/// reference from dependents when it is deleted with the Orphan policy.
///
/// Level-triggered: each piece of work reads the current object from the store, and every write it
/// makes comes back as an event that queues the objects concerned again.
struct GarbageCollector {
    enum Work: Hashable {
        /// Check that a dependent still has an owner.
        case dependent(ObjectRef)
        /// Carry on with an owner's orphan or foreground deletion.
        case owner(ObjectRef)
    }

    private enum OwnerState {
        case present, absent, waitingForDependents, unknown
    }

    let store: ObjectStore
    let registry: ResourceRegistry
    let logger: Logger
    private var graph = OwnerGraph()
    private var queue = WorkQueue<Work>()

    init(store: ObjectStore, registry: ResourceRegistry, logger: Logger) {
        self.store = store
        self.registry = registry
        self.logger = logger
    }

    private var deleter: ObjectDeleter { ObjectDeleter(store: store) }

    // MARK: Events

    mutating func seed(_ objects: [(resource: String, object: StoredObject)]) {
        for (resource, stored) in objects { track(ObjectRef(resource: resource, key: stored.key), stored.object) }
        drain()
    }

    mutating func observe(_ event: StoreEvent) {
        let ref = ObjectRef(resource: event.resource, key: event.object.key)
        // As Kubernetes' graph builder: a dependent is checked when it appears or its owner references
        // change, not on every write (a pod's status updates and binding would look up its owners each time).
        var referencesChanged = true
        if event.type == .deleted {
            graph.remove(ref)
            for dependent in graph.dependents(of: event.object.object.metadataUID) { queue.add(.dependent(dependent)) }
        } else {
            let references = event.object.object[path: ["metadata", "ownerReferences"]]
            referencesChanged = event.previous.map { $0.object[path: ["metadata", "ownerReferences"]] != references } ?? true
            track(ref, event.object.object, checkOwners: referencesChanged)
        }
        // Owners waiting for this dependent look again when it is gone or no longer names them.
        if referencesChanged, let previous = event.previous { queueOwners(of: previous.object, namespace: ref.key.namespace) }
        drain()
    }

    private mutating func track(_ ref: ObjectRef, _ object: JSONValue, checkOwners: Bool = true) {
        if checkOwners {
            let links = OwnerLink.links(of: object)
            graph.set(ref, owners: links.map(\.uid))
            if !links.isEmpty { queue.add(.dependent(ref)) }
        }
        let finalizers = DeleteRules.finalizers(of: object)
        if DeleteRules.isDeleting(object)
            && (finalizers.contains(GCFinalizer.orphan) || finalizers.contains(GCFinalizer.foregroundDeletion))
        {
            queue.add(.owner(ref))
        }
    }

    private mutating func queueOwners(of object: JSONValue, namespace: String?) {
        for link in OwnerLink.links(of: object) {
            guard let resource = registry.resource(apiVersion: link.apiVersion, kind: link.kind) else { continue }
            let key = ObjectKey(namespace: resource.type.namespaced ? namespace : nil, name: link.name)
            queue.add(.owner(ObjectRef(resource: resource.storageKey, key: key)))
        }
    }

    private mutating func drain() {
        while let work = queue.next() {
            do {
                switch work {
                case .dependent(let ref): try checkDependent(ref)
                case .owner(let ref): try continueDeletion(ofOwner: ref)
                }
            } catch where error.statusReason == .notFound || error.statusReason == .conflict {
                // Gone or replaced meanwhile: the event of that change queues it again if needed.
            } catch {
                logger.warning("garbage collection failed", metadata: ["work": "\(work)", "error": "\(error.message ?? "")"])
            }
        }
    }

    // MARK: Dependents

    private mutating func checkDependent(_ ref: ObjectRef) throws(Status) {
        guard let resource = registry.resource(storageKey: ref.resource), let stored = store.get(resource, ref.key)
        else { return }
        let object = stored.object
        let links = OwnerLink.links(of: object)
        guard !links.isEmpty, !DeleteRules.isDeleting(object) else { return }
        var solid: [OwnerLink] = []
        var dropped: [OwnerLink] = []
        var waiting = false
        for link in links {
            switch ownerState(link, namespace: ref.key.namespace) {
            case .present, .unknown: solid.append(link)
            case .absent: dropped.append(link)
            case .waitingForDependents:
                dropped.append(link)
                waiting = true
            }
        }
        let uid = object.metadataUID
        if !solid.isEmpty {
            guard !dropped.isEmpty else { return }
            try removeReferences(Set(dropped.map(\.uid)), from: resource, ref.key, uid: uid)
            return
        }
        let policy = policyForCollecting(object, ownerWaiting: waiting, hasDependents: !graph.dependents(of: uid).isEmpty)
        logger.debug("collecting dependent", metadata: ["object": "\(ref.resource) \(ref.key)", "policy": "\(policy.rawValue)"])
        try deleter.delete(resource, ref.key, options: DeleteOptions(preconditionUID: uid, propagationPolicy: policy.rawValue))
    }

    /// A dependent of an owner deleted in the foreground goes in the foreground too when it has
    /// dependents of its own; otherwise its own finalizers say, Background by default.
    private func policyForCollecting(_ object: JSONValue, ownerWaiting: Bool, hasDependents: Bool) -> PropagationPolicy {
        if ownerWaiting && hasDependents { return .foreground }
        let finalizers = DeleteRules.finalizers(of: object)
        if finalizers.contains(GCFinalizer.orphan) { return .orphan }
        if finalizers.contains(GCFinalizer.foregroundDeletion) { return .foreground }
        return .background
    }

    /// The owner a reference names, checked by uid. A kind the server does not serve is `unknown`:
    /// the dependent is kept rather than deleted on a guess.
    private func ownerState(_ link: OwnerLink, namespace: String?) -> OwnerState {
        guard let resource = registry.resource(apiVersion: link.apiVersion, kind: link.kind) else { return .unknown }
        // A cluster-scoped dependent cannot name a namespaced owner.
        if resource.type.namespaced && namespace == nil { return .absent }
        let key = ObjectKey(namespace: resource.type.namespaced ? namespace : nil, name: link.name)
        guard let owner = store.get(resource, key), owner.object.metadataUID == link.uid else { return .absent }
        if DeleteRules.isDeleting(owner.object)
            && DeleteRules.finalizers(of: owner.object).contains(GCFinalizer.foregroundDeletion)
        {
            return .waitingForDependents
        }
        return .present
    }

    private func removeReferences(_ uids: Set<String>, from resource: ResourceInfo, _ key: ObjectKey, uid: String)
        throws(Status)
    {
        _ = try store.modify(resource, key) { current throws(Status) in
            guard current.object.metadataUID == uid else { return .keep }
            return .put(OwnerLink.removing(uids, from: current.object))
        }
    }

    // MARK: Owners

    private mutating func continueDeletion(ofOwner ref: ObjectRef) throws(Status) {
        guard let resource = registry.resource(storageKey: ref.resource), let stored = store.get(resource, ref.key),
            DeleteRules.isDeleting(stored.object)
        else { return }
        let uid = stored.object.metadataUID
        let finalizers = DeleteRules.finalizers(of: stored.object)
        if finalizers.contains(GCFinalizer.orphan) {
            for dependent in graph.dependents(of: uid) {
                guard let dependentResource = registry.resource(storageKey: dependent.resource) else { continue }
                _ = try? store.modify(dependentResource, dependent.key) { current throws(Status) in
                    .put(OwnerLink.removing([uid], from: current.object))
                }
            }
            try deleter.removeFinalizer(GCFinalizer.orphan, resource, ref.key, uid: uid)
        } else if finalizers.contains(GCFinalizer.foregroundDeletion) {
            if try blockingDependents(of: uid) == 0 {
                try deleter.removeFinalizer(GCFinalizer.foregroundDeletion, resource, ref.key, uid: uid)
            }
        }
    }

    /// Queues every dependent of an owner deleted in the foreground; returns how many still block it
    /// (`blockOwnerDeletion: true`).
    private mutating func blockingDependents(of uid: String) throws(Status) -> Int {
        var blocking = 0
        for dependent in graph.dependents(of: uid) {
            guard let resource = registry.resource(storageKey: dependent.resource),
                let stored = store.get(resource, dependent.key),
                let link = OwnerLink.links(of: stored.object).first(where: { $0.uid == uid })
            else { continue }
            if link.blockOwnerDeletion { blocking += 1 }
            if !DeleteRules.isDeleting(stored.object) { queue.add(.dependent(dependent)) }
        }
        return blocking
    }
}

/// A FIFO that holds each item once.
struct WorkQueue<Item: Hashable> {
    private var items: [Item] = []
    private var head = 0
    private var queued: Set<Item> = []

    mutating func add(_ item: Item) {
        guard queued.insert(item).inserted else { return }
        items.append(item)
    }

    mutating func next() -> Item? {
        guard head < items.count else {
            items.removeAll(keepingCapacity: true)
            head = 0
            return nil
        }
        let item = items[head]
        head += 1
        queued.remove(item)
        return item
    }
}
