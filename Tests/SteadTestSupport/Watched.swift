import Foundation
import KubeClient
import KubeModel

/// Objects of one kind followed by an informer (list + watch): the current state of each, and every
/// state the informer delivered, in order. A test waits on it for a state to be reached and reads the
/// history for a state that lasted only a moment: nothing is polled, so nothing is missed.
public actor Watched<T: KubeResource> {
    private let informer: Informer<T>
    /// Every state delivered, from the first list on (a deleted object last as it was).
    public private(set) var history: [(type: WatchEventType, object: T)] = []
    private var listeners: [Int: AsyncStream<Void>.Continuation] = [:]
    private var nextListener = 0
    private var task: Task<Void, Never>?

    private init(informer: Informer<T>) { self.informer = informer }

    /// Lists the objects, then follows them until ``stop()``.
    public static func start(client: KubeClient, namespace: String?, labelSelector: String? = nil) async throws -> Watched {
        let watched = Watched(informer: Informer(client: client, namespace: namespace, labelSelector: labelSelector))
        try await watched.run()
        return watched
    }

    private func run() async throws {
        informer.addEventHandler(
            EventHandler(
                onAdd: { await self.note(.added, $0) },
                onUpdate: { await self.note(.modified, $1) },
                onDelete: { await self.note(.deleted, $0) }))
        let informer = self.informer
        task = Task { await informer.run() }
        try await informer.waitForSync()
    }

    public func stop() {
        task?.cancel()
        for listener in listeners.values { listener.finish() }
        listeners.removeAll()
    }

    public var objects: [T] { get async { await informer.store.list().sorted { $0.name < $1.name } } }

    /// Returns the objects once `condition` holds for them; throws after `timeout` with what was seen.
    @discardableResult
    public func waitUntil(
        _ what: String, timeout: Duration = .seconds(60), _ condition: @escaping @Sendable ([T]) -> Bool
    ) async throws -> [T] {
        // Listening before the first look: a change while looking still wakes the wait.
        let id = nextListener
        nextListener += 1
        let (changes, continuation) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
        listeners[id] = continuation
        defer { listeners.removeValue(forKey: id)?.finish() }
        continuation.yield()
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
            throw WatchTimeout("timed out after \(timeout) waiting for \(what); last seen: \(describe(await objects))")
        }
        return reached
    }

    private func describe(_ objects: [T]) -> String {
        // The last few: a namespace's Events would fill the screen.
        objects.suffix(5).map { object in
            let text = (try? KubeJSON.encodeToValue(object)).map { "\($0)" } ?? object.name
            return String(text.prefix(600))
        }.joined(separator: "\n")
    }

    private func note(_ type: WatchEventType, _ object: T) {
        history.append((type, object))
        notify()
    }

    private func notify() {
        for listener in listeners.values { listener.yield() }
    }
}

/// A wait on a ``Watched`` that ended without the state it waited for.
public struct WatchTimeout: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
