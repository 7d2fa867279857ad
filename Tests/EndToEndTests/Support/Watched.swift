import Foundation
import KubeClient
import KubeModel

/// Objects of one kind followed through list + watch: the current state of each, and every state the
/// watch delivered, in order. A test waits on it for a state to be reached and reads the history for a
/// state that lasted only a moment: nothing is polled, so nothing is missed.
actor Watched<T: KubeResource> {
    private let client: KubeClient
    private let namespace: String?
    private let labelSelector: String?
    private(set) var current: [String: T] = [:]
    /// Every state seen after the first list, as the watch delivered it (a deleted object last as it was).
    private(set) var history: [(type: WatchEventType, object: T)] = []
    private var listeners: [Int: AsyncStream<Void>.Continuation] = [:]
    private var nextListener = 0
    private var task: Task<Void, Never>?

    private init(client: KubeClient, namespace: String?, labelSelector: String?) {
        self.client = client
        self.namespace = namespace
        self.labelSelector = labelSelector
    }

    /// Lists the objects, then follows them until ``stop()``.
    static func start(client: KubeClient, namespace: String?, labelSelector: String? = nil) async throws -> Watched {
        let watched = Watched(client: client, namespace: namespace, labelSelector: labelSelector)
        let version = try await watched.relist()
        await watched.follow(from: version)
        return watched
    }

    func stop() {
        task?.cancel()
        for listener in listeners.values { listener.finish() }
        listeners.removeAll()
    }

    var objects: [T] { current.values.sorted { $0.name < $1.name } }

    /// Returns the objects once `condition` holds for them; throws after `timeout` with what was seen.
    @discardableResult
    func waitUntil(
        _ what: String, timeout: Duration = .seconds(60), _ condition: @escaping @Sendable ([T]) -> Bool
    ) async throws -> [T] {
        if condition(objects) { return objects }
        let id = nextListener
        nextListener += 1
        let (changes, continuation) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
        listeners[id] = continuation
        defer { listeners.removeValue(forKey: id)?.finish() }
        let reached: [T]? = try await withThrowingTaskGroup(of: [T]?.self) { group in
            group.addTask {
                for await _ in changes {
                    let objects = await self.objects
                    if condition(objects) { return objects }
                }
                return nil
            }
            group.addTask {
                try await Task.sleep(for: timeout)
                return nil
            }
            defer { group.cancelAll() }
            return try await group.next() ?? nil
        }
        guard let reached else {
            throw E2EError("timed out after \(timeout) waiting for \(what); last seen: \(describe(objects))")
        }
        return reached
    }

    private func describe(_ objects: [T]) -> String {
        objects.map { object in
            let text = (try? KubeJSON.encodeToValue(object)).map { "\($0)" } ?? object.name
            return String(text.prefix(600))
        }.joined(separator: "\n")
    }

    private func follow(from version: String) {
        task = Task { await self.watchLoop(from: version) }
    }

    private func watchLoop(from start: String) async {
        var version: String? = start
        while !Task.isCancelled {
            do {
                if version == nil { version = try await relist() }
                let options = WatchOptions(labelSelector: labelSelector, resourceVersion: version, timeoutSeconds: 300)
                for try await event in client.watch(T.self, namespace: namespace, options: options) {
                    apply(event)
                    version = event.object.metadata.resourceVersion ?? version
                }
            } catch let error as KubeAPIError where error.isGone {
                version = nil
            } catch {
                if Task.isCancelled { return }
                try? await Task.sleep(for: .milliseconds(200))
            }
        }
    }

    private func apply(_ event: WatchEvent<T>) {
        switch event.type {
        case .added, .modified: current[event.object.name] = event.object
        case .deleted: current[event.object.name] = nil
        case .bookmark, .error: return
        }
        history.append((event.type, event.object))
        notify()
    }

    private func relist() async throws -> String {
        let list = try await client.listAll(
            T.self, namespace: namespace, options: ListOptions(labelSelector: labelSelector))
        current = Dictionary(list.items.map { ($0.name, $0) }, uniquingKeysWith: { $1 })
        notify()
        return list.metadata.resourceVersion ?? ""
    }

    private func notify() {
        for listener in listeners.values { listener.yield() }
    }
}
