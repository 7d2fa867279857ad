import KubeClient
import KubeModel
import SteadAPI
import SteadController

/// Every watch event of one set's pods, in the server's order, to check what happened before what.
actor PodTimeline {
    struct Entry: Sendable {
        var type: WatchEventType
        var ordinal: Int
        var ready: Bool
        var terminating: Bool
    }

    private(set) var entries: [Entry] = []
    private var task: Task<Void, Never>?

    /// Starts recording the pods of `set` from now on.
    static func record(_ set: String, in env: ControllerEnvironment) async throws -> PodTimeline {
        let selector = "\(SteadKeys.set)=\(set)"
        let list = try await env.client.list(
            Pod.self, namespace: ControllerEnvironment.namespace, options: ListOptions(labelSelector: selector))
        let timeline = PodTimeline()
        let stream = env.client.watch(
            Pod.self, namespace: ControllerEnvironment.namespace,
            options: WatchOptions(labelSelector: selector, resourceVersion: list.metadata.resourceVersion))
        await timeline.consume(stream)
        return timeline
    }

    private func consume(_ stream: AsyncThrowingStream<WatchEvent<Pod>, any Error>) {
        task = Task {
            do {
                for try await event in stream { self.append(event) }
            } catch {}
        }
    }

    private func append(_ event: WatchEvent<Pod>) {
        guard let ordinal = Int(event.object.metadata.labels?[SteadKeys.podIndex] ?? "") else { return }
        entries.append(
            Entry(
                type: event.type, ordinal: ordinal, ready: event.object.isRunningAndReady,
                terminating: event.object.isTerminating))
    }

    func stop() { task?.cancel() }

    /// Position of the first entry matching `predicate`, or nil.
    func first(_ predicate: (Entry) -> Bool) -> Int? { entries.firstIndex(where: predicate) }
}
