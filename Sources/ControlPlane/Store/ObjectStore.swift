import Foundation
import KubeModel
import Logging
import Synchronization

/// All objects of all resources: an in-memory cache in front of SQLite, with one global resourceVersion.
///
/// Every change runs under one lock: check, write SQLite (committed before returning), update the cache,
/// record the event in the watch history and hand it to the watchers. Reads use the cache only.
final class ObjectStore: Sendable {
    struct State: Sendable {
        var resourceVersion: Int64
        var objects: [String: [ObjectKey: StoredObject]]
        var history: WatchHistory
        var hub: WatchHub
        /// In-process controllers (garbage collector, namespace deletion) that see every event.
        var observers: [AsyncStream<StoreEvent>.Continuation] = []
    }

    /// A change to one object, decided under the lock by the caller's closure.
    enum Change: Sendable {
        case put(JSONValue)
        case delete
        /// Nothing to write: the answer is the current object.
        case keep
    }

    private let state: Mutex<State>
    private let storage: SQLiteStorage
    private let logger: Logger
    /// The webhooks of the ValidatingWebhookConfigurations, in the configurations' name order: every
    /// write consults them, so they are parsed once per change of a configuration and read without the
    /// store's lock.
    private let webhookSnapshot = Mutex<[ValidatingWebhook]>([])
    private static let webhookConfigurations = BuiltinResources.validatingWebhookConfigurations.storageKey

    init(directory: String, historyLimit: Int, watchBufferSize: Int, logger: Logger) throws {
        storage = try SQLiteStorage(directory: directory)
        self.logger = logger
        let (rows, rv) = try storage.load()
        var objects: [String: [ObjectKey: StoredObject]] = [:]
        for row in rows {
            guard let object = try? KubeJSON.parse(row.data) else {
                logger.error("skipping unreadable stored object", metadata: ["resource": "\(row.resource)", "key": "\(row.key)"])
                continue
            }
            let stored = StoredObject(object: object, resourceVersion: row.resourceVersion, data: row.data)
            objects[row.resource, default: [:]][stored.key] = stored
        }
        state = Mutex(
            State(
                resourceVersion: rv, objects: objects, history: WatchHistory(limit: historyLimit, floor: rv),
                hub: WatchHub(bufferSize: watchBufferSize)))
        refreshWebhooks(from: objects[Self.webhookConfigurations])
        logger.info("store opened", metadata: ["objects": "\(rows.count)", "resourceVersion": "\(rv)"])
    }

    func close() {
        disconnectWatchers()
        state.withLock { state in
            for observer in state.observers { observer.finish() }
            state.observers = []
        }
        storage.close()
    }

    var currentResourceVersion: Int64 { state.withLock { $0.resourceVersion } }

    // MARK: Reads

    /// Objects of a resource served from another's (``StorageConversion``) are converted on the way in
    /// and out: every read and write below takes and gives the resource's own form.
    func get(_ resource: ResourceInfo, _ key: ObjectKey) -> StoredObject? {
        let stored = state.withLock { $0.objects[resource.storageKey]?[key] }
        return stored.map { resource.served($0) }
    }

    func exists(_ resource: ResourceInfo, _ key: ObjectKey) -> Bool { get(resource, key) != nil }

    var validatingWebhooks: [ValidatingWebhook] { webhookSnapshot.withLock { $0 } }

    private func refreshWebhooks(from configurations: [ObjectKey: StoredObject]?) {
        let webhooks = (configurations ?? [:]).values.sorted { $0.key < $1.key }
            .flatMap { $0.object["webhooks"]?.arrayValue ?? [] }.map(ValidatingWebhook.init)
        webhookSnapshot.withLock { $0 = webhooks }
    }

    struct ListResult: Sendable {
        var items: [StoredObject]
        var resourceVersion: Int64
        var continueToken: String?
        var remainingItemCount: Int64?
    }

    /// A consistent list: pages after the first are served from the state at the first page's
    /// resourceVersion, rebuilt from the watch history (410 Expired once that history is gone).
    func list(
        _ resource: ResourceInfo, filter: ObjectFilter, limit: Int?, continueToken: String?
    ) throws(Status) -> ListResult {
        let token = try continueToken.map { text throws(Status) in try ContinueToken(decoding: text) }
        let (current, rv, newer) = try state.withLock { state throws(Status) -> ([ObjectKey: StoredObject], Int64, [StoreEvent]) in
            let objects = state.objects[resource.storageKey] ?? [:]
            guard let token, token.resourceVersion < state.resourceVersion else {
                return (objects, token?.resourceVersion ?? state.resourceVersion, [])
            }
            guard let events = state.history.events(after: token.resourceVersion) else {
                throw Status.failure(
                    .expired,
                    "The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter.")
            }
            return (objects, token.resourceVersion, events.filter { $0.resource == resource.storageKey })
        }
        var snapshot = current
        for event in newer.reversed() {
            let key = event.object.key
            switch event.type {
            case .added: snapshot.removeValue(forKey: key)
            default: snapshot[key] = event.previous
            }
        }
        let lastKey = token?.lastKey
        var keys = snapshot.keys.map { ($0.description, $0) }
        if let lastKey { keys = keys.filter { $0.0 > lastKey } }
        keys.sort { $0.0 < $1.0 }
        var items: [StoredObject] = []
        var nextToken: String?
        for (index, (text, key)) in keys.enumerated() {
            guard let item = snapshot[key].map({ resource.served($0) }), filter.matches(item.object) else { continue }
            items.append(item)
            if let limit, limit > 0, items.count >= limit {
                if index + 1 < keys.count {
                    nextToken = ContinueToken(resourceVersion: rv, lastKey: text).encoded()
                }
                break
            }
        }
        return ListResult(items: items, resourceVersion: rv, continueToken: nextToken)
    }

    // MARK: Writes

    /// Creates an object; 404 when its namespace does not exist, 409 AlreadyExists when the name is taken.
    func create(_ resource: ResourceInfo, _ object: JSONValue, dryRun: Bool = false) throws(Status) -> StoredObject {
        let key = StoredObject.key(of: object)
        let object = resource.stored(object)
        let stored = try state.withLock { state throws(Status) -> StoredObject in
            if resource.type.namespaced {
                let namespace = key.namespace ?? ""
                guard let stored = state.objects[BuiltinResources.namespaces.storageKey]?[ObjectKey(namespace: nil, name: namespace)]
                else {
                    throw Status.failure(
                        .notFound, "namespaces \"\(namespace)\" not found",
                        details: StatusDetails(name: namespace, kind: "namespaces"))
                }
                if DeleteRules.isDeleting(stored.object) {
                    throw NamespaceRules.terminating(namespace, resource: resource, name: key.name)
                }
            }
            if state.objects[resource.storageKey]?[key] != nil {
                throw Status.failure(
                    .alreadyExists, "\(resource.type.description) \"\(key.name)\" already exists",
                    details: StatusDetails(name: key.name, group: resource.type.group, kind: resource.type.plural))
            }
            return try commit(&state, resource.storageKey, key, .put(object), dryRun: dryRun)
        }
        return resource.served(stored)
    }

    /// Read-modify-write of one object under the lock: `decide` sees the current object and returns the
    /// change (or throws a Status, e.g. 409 Conflict). 404 when the object does not exist.
    func modify(
        _ resource: ResourceInfo, _ key: ObjectKey, dryRun: Bool = false,
        _ decide: (StoredObject) throws(Status) -> Change
    ) throws(Status) -> (object: StoredObject, deleted: Bool) {
        try state.withLock { state throws(Status) -> (object: StoredObject, deleted: Bool) in
            guard let current = state.objects[resource.storageKey]?[key].map({ resource.served($0) }) else {
                throw Self.notFound(resource, key.name)
            }
            var change = try decide(current)
            if case .keep = change { return (current, false) }
            if case .put(let object) = change { change = .put(resource.stored(object)) }
            let stored = resource.served(try commit(&state, resource.storageKey, key, change, dryRun: dryRun))
            if case .delete = change { return (stored, true) }
            return (stored, false)
        }
    }

    static func notFound(_ resource: ResourceInfo, _ name: String) -> Status {
        .failure(
            .notFound, "\(resource.type.description) \"\(name)\" not found",
            details: StatusDetails(name: name, group: resource.type.group, kind: resource.type.plural))
    }

    /// Gives the change the next resourceVersion, writes it to SQLite, then updates the cache, the history
    /// and the watchers. Returns the stored object (for a delete, its last state).
    private func commit(
        _ state: inout State, _ resource: String, _ key: ObjectKey, _ change: Change, dryRun: Bool
    ) throws(Status) -> StoredObject {
        let rv = state.resourceVersion + 1
        let previous = state.objects[resource]?[key]
        let write: SQLiteStorage.Write
        let event: StoreEvent
        switch change {
        case .put(let object):
            let stored = try StoredObject.make(object, resourceVersion: rv)
            write = .put(resource: resource, key: key.description, resourceVersion: rv, data: stored.data)
            event = StoreEvent(
                resourceVersion: rv, resource: resource, type: previous == nil ? .added : .modified, object: stored,
                previous: previous)
        case .delete:
            guard let previous else { throw Status.failure(.internalError, "no object to delete") }
            let stored = try StoredObject.make(previous.object, resourceVersion: rv)
            write = .delete(resource: resource, key: key.description)
            event = StoreEvent(resourceVersion: rv, resource: resource, type: .deleted, object: stored, previous: previous)
        case .keep:
            throw Status.failure(.internalError, "no change to commit")
        }
        if dryRun {
            // Answer as if stored, with the current resourceVersion for a new object: nothing changes.
            guard event.type != .deleted else { return event.object }
            return (try? StoredObject.make(event.object.object, resourceVersion: previous?.resourceVersion ?? 0))
                ?? event.object
        }
        do {
            try storage.commit(write, resourceVersion: rv)
        } catch {
            logger.error("SQLite commit failed", metadata: ["error": "\(error)"])
            throw Status.failure(.internalError, "storage error: \(error)")
        }
        state.resourceVersion = rv
        switch event.type {
        case .deleted: state.objects[resource]?.removeValue(forKey: event.object.key)
        default: state.objects[resource, default: [:]][event.object.key] = event.object
        }
        if resource == Self.webhookConfigurations { refreshWebhooks(from: state.objects[resource]) }
        state.history.append(event)
        let closed = state.hub.publish(event)
        if closed > 0 { logger.warning("closed slow watchers", metadata: ["count": "\(closed)"]) }
        for observer in state.observers { observer.yield(event) }
        return event.object
    }

    // MARK: Observers

    /// Every stored object (by storage key) and, from that point on, every committed event: what an
    /// in-process controller needs to start from the stored state and follow it without polling.
    /// The stream is unbounded: controllers keep up with the store or fall behind, never miss an event.
    func observe() -> (objects: [(resource: String, object: StoredObject)], events: AsyncStream<StoreEvent>) {
        let (stream, continuation) = AsyncStream<StoreEvent>.makeStream(bufferingPolicy: .unbounded)
        let objects = state.withLock { state -> [(resource: String, object: StoredObject)] in
            state.observers.append(continuation)
            return state.objects.flatMap { resource, objects in objects.values.map { (resource, $0) } }
        }
        return (objects, stream)
    }

    // MARK: Watch

    struct Subscription: Sendable {
        var id: Int
        var initial: [WatchItem]
        var live: WatchQueue
    }

    /// Starts a watch. Without a resourceVersion (or "0") the current objects come first as ADDED events;
    /// with one, the events after it are replayed from the history (410 Gone when it is too old).
    func watch(_ resource: ResourceInfo, filter: ObjectFilter, after resourceVersion: Int64?) throws(Status)
        -> Subscription
    {
        try state.withLock { state throws(Status) -> Subscription in
            var initial: [WatchItem] = []
            if let resourceVersion, resourceVersion > 0 {
                guard let events = state.history.events(after: resourceVersion) else {
                    throw Status.failure(
                        .gone, "too old resource version: \(resourceVersion) (\(state.history.floor))")
                }
                for event in events where event.resource == resource.storageKey {
                    if let item = resource.served(event).projected(through: filter) { initial.append(item) }
                }
            } else {
                let objects = (state.objects[resource.storageKey] ?? [:]).values.sorted {
                    $0.resourceVersion < $1.resourceVersion
                }.map { resource.served($0) }
                for object in objects where filter.matches(object.object) { initial.append(.event(.added, object)) }
            }
            let (id, live) = state.hub.add(resource: resource.storageKey, filter: filter, conversion: resource.conversion)
            return Subscription(id: id, initial: initial, live: live)
        }
    }

    /// Queues a BOOKMARK at the current resourceVersion behind the events already sent to the watcher.
    func bookmark(_ id: Int) {
        state.withLock { $0.hub.send(.bookmark($0.resourceVersion), to: id) }
    }

    func endWatch(_ id: Int) {
        state.withLock { $0.hub.remove(id) }
    }

    func disconnectWatchers() {
        state.withLock { $0.hub.removeAll() }
    }

    var watcherCount: Int { state.withLock { $0.hub.count } }
}
