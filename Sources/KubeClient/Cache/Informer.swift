import Foundation
import KubeModel
import Logging
import Synchronization

/// Keeps a ``Store`` in step with the server and tells handlers what changed.
///
/// ``run()`` lists (page by page) and watches from the list's resourceVersion; when the watch ends or
/// the connection drops it watches again from the last resourceVersion seen; on 410 Gone it lists
/// again, replaces the store and delivers the differences (add / update / delete). With a resync
/// period it also re-delivers every cached object as an update (old == new) at that interval.
/// It runs until its task is cancelled.
public final class Informer<T: KubeResource>: Sendable {
    public let store: Store<T>
    public let namespace: String?
    public let labelSelector: String?
    public let fieldSelector: String?
    public let resyncPeriod: Duration?
    public let pageSize: Int

    let client: KubeClient
    let logger: Logger
    private let handlers = Mutex<[EventHandler<T>]>([])
    private let synced = SyncSignal()
    private let lastResourceVersion = Mutex<String?>(nil)
    private let lists = Mutex(0)
    private let started = Mutex(false)

    /// - Parameters:
    ///   - namespace: nil watches all namespaces.
    ///   - resyncPeriod: nil disables periodic resync.
    ///   - pageSize: `limit` of each list page.
    public init(
        client: KubeClient, namespace: String? = nil, labelSelector: String? = nil, fieldSelector: String? = nil,
        resyncPeriod: Duration? = nil, pageSize: Int = 500, logger: Logger? = nil
    ) {
        self.client = client
        self.namespace = namespace
        self.labelSelector = labelSelector
        self.fieldSelector = fieldSelector
        self.resyncPeriod = resyncPeriod
        self.pageSize = pageSize
        self.store = Store<T>()
        var logger = logger ?? client.logger
        logger[metadataKey: "resource"] = "\(T.resourceType)"
        self.logger = logger
    }

    /// Adds a handler. Handlers added after the first list only see later events.
    public func addEventHandler(_ handler: EventHandler<T>) {
        handlers.withLock { $0.append(handler) }
    }

    /// Registers a named index on the store (e.g. pods by `spec.nodeName`).
    public func addIndex(_ name: String, _ function: @escaping IndexFunction<T>) async {
        await store.addIndex(name, function)
    }

    /// True once the first full list is in the store.
    public var hasSynced: Bool { get async { await synced.isSet } }

    /// Returns once the first full list is in the store; throws `CancellationError` if the waiting
    /// task is cancelled first.
    public func waitForSync() async throws { try await synced.wait() }

    /// The resourceVersion of the last list or event applied.
    public var resourceVersion: String? { lastResourceVersion.withLock { $0 } }

    /// How many full lists this informer has done (1 after the first sync; more after 410 Gone).
    public var listCount: Int { lists.withLock { $0 } }

    /// Lists, watches and resyncs until the calling task is cancelled. Call it once; a second call
    /// returns at once.
    public func run() async {
        guard started.withLock({ running in
            defer { running = true }
            return !running
        }) else {
            logger.error("Informer.run() called twice; ignoring the second call")
            return
        }
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await self.reflect() }
            if let resyncPeriod, resyncPeriod > .zero {
                group.addTask { await self.resync(every: resyncPeriod) }
            }
        }
    }

    // MARK: - Reflector

    private func reflect() async {
        var resourceVersion: String? = nil
        var backoff = Backoff()
        while !Task.isCancelled {
            do {
                if resourceVersion == nil {
                    resourceVersion = try await listAndReplace()
                    await synced.set()
                    backoff.reset()
                }
                let started = ContinuousClock.now
                let events = try await watch(from: &resourceVersion)
                if events > 0 || ContinuousClock.now - started > .seconds(1) {
                    backoff.reset()
                } else {
                    try await Task.sleep(for: backoff.next())
                }
            } catch is CancellationError {
                return
            } catch let error as KubeAPIError where error.isGone {
                logger.info(
                    "resourceVersion too old, listing again",
                    metadata: ["resourceVersion": "\(resourceVersion ?? "")"])
                resourceVersion = nil
            } catch {
                if Task.isCancelled { return }
                let delay = backoff.next()
                logger.warning(
                    "list/watch failed, retrying",
                    metadata: ["error": "\(error)", "retryIn": "\(delay)", "resourceVersion": "\(resourceVersion ?? "")"])
                try? await Task.sleep(for: delay)
            }
        }
    }

    /// Lists every page and makes the store equal to the result; returns the list's resourceVersion.
    private func listAndReplace() async throws -> String? {
        var options = ListOptions(labelSelector: labelSelector, fieldSelector: fieldSelector, limit: pageSize)
        var objects: [T] = []
        var resourceVersion: String? = nil
        repeat {
            let page = try await client.list(T.self, namespace: namespace, options: options)
            objects += page.items
            resourceVersion = page.metadata.resourceVersion
            options.continue = page.metadata.continue
        } while !(options.continue ?? "").isEmpty
        let changes = await store.replace(with: objects)
        lists.withLock { $0 += 1 }
        setResourceVersion(resourceVersion)
        logger.debug(
            "listed",
            metadata: ["count": "\(objects.count)", "resourceVersion": "\(resourceVersion ?? "")",
                "added": "\(changes.added.count)", "updated": "\(changes.updated.count)",
                "deleted": "\(changes.deleted.count)"])
        let handlers = self.handlers.withLock { $0 }
        for object in changes.added { for handler in handlers { await handler.onAdd(object) } }
        for (old, new) in changes.updated { for handler in handlers { await handler.onUpdate(old, new) } }
        for object in changes.deleted { for handler in handlers { await handler.onDelete(object) } }
        return resourceVersion ?? ""
    }

    /// Watches from `resourceVersion`, applying events and advancing it, until the stream ends.
    /// Returns the number of events received.
    private func watch(from resourceVersion: inout String?) async throws -> Int {
        let options = WatchOptions(
            labelSelector: labelSelector, fieldSelector: fieldSelector, resourceVersion: resourceVersion,
            allowWatchBookmarks: true, timeoutSeconds: Int.random(in: 300...600))
        var count = 0
        for try await event in client.watch(T.resourceType, namespace: namespace, options: options) {
            count += 1
            if event.type == .bookmark {
                if let version = event.object["metadata"]?["resourceVersion"]?.stringValue {
                    resourceVersion = version
                    setResourceVersion(version)
                }
                continue
            }
            let object: T
            do {
                object = try KubeClient.decode(T.self, event.object)
            } catch {
                logger.error("cannot decode watched object, skipping", metadata: ["error": "\(error)"])
                continue
            }
            let handlers = self.handlers.withLock { $0 }
            switch event.type {
            case .added, .modified:
                if let old = await store.upsert(object) {
                    for handler in handlers { await handler.onUpdate(old, object) }
                } else {
                    for handler in handlers { await handler.onAdd(object) }
                }
            case .deleted:
                let old = await store.remove(key: object.key)
                for handler in handlers { await handler.onDelete(old ?? object) }
            case .bookmark, .error:
                break
            }
            if let version = object.metadata.resourceVersion {
                resourceVersion = version
                setResourceVersion(version)
            }
        }
        return count
    }

    private func setResourceVersion(_ version: String?) {
        lastResourceVersion.withLock { $0 = version }
    }

    // MARK: - Resync

    private func resync(every period: Duration) async {
        while !Task.isCancelled {
            do { try await Task.sleep(for: period) } catch { return }
            guard await synced.isSet else { continue }
            let handlers = self.handlers.withLock { $0 }
            for object in await store.list() {
                for handler in handlers { await handler.onUpdate(object, object) }
            }
        }
    }
}

/// Exponential back-off between failed list/watch attempts: 200 ms doubling to 30 s, with jitter.
struct Backoff {
    var current: Duration = .zero
    let initial: Duration = .milliseconds(200)
    let maximum: Duration = .seconds(30)

    mutating func next() -> Duration {
        current = current == .zero ? initial : min(current * 2, maximum)
        return current * Double.random(in: 0.8...1.2)
    }

    mutating func reset() { current = .zero }
}
