import KubeClient
import KubeModel
import NodeSim

/// What a benchmark watches: every object of a collection, as it is now and as it changes, untyped
/// (decoding into models would measure the benchmark more than the system).
struct BenchWatch: Sendable {
    let client: KubeClient
    let resource: ResourceType
    let namespace: String?
    let labelSelector: String?

    /// The collection's current resourceVersion: start ``follow(from:_:)`` here to see only later changes.
    func currentVersion() async throws -> String? {
        try await client.list(resource, namespace: namespace, options: ListOptions(labelSelector: labelSelector, limit: 1))
            .metadata.resourceVersion
    }

    /// Calls `handle` with each changed object after `version` until it returns true or the task is
    /// cancelled. A watch that ends is resumed from the last version seen; after 410 Gone the collection is
    /// listed again and every object handed over (so `handle` must be idempotent).
    func follow(from version: String?, _ handle: @Sendable (JSONValue) -> Bool) async {
        var version = version
        while !Task.isCancelled {
            do {
                let options = WatchOptions(labelSelector: labelSelector, resourceVersion: version, timeoutSeconds: 3600)
                for try await event in client.watch(resource, namespace: namespace, options: options) {
                    if let seen = event.object[path: ["metadata", "resourceVersion"]]?.stringValue { version = seen }
                    if event.type != .bookmark, event.type != .deleted, handle(event.object) { return }
                }
            } catch let error as KubeAPIError where error.isGone {
                guard let listed = try? await relist(handle) else { continue }
                if listed.done { return }
                version = listed.version
            } catch {
                if Task.isCancelled { return }
                try? await Task.sleep(for: .milliseconds(100))
            }
        }
    }

    private func relist(_ handle: @Sendable (JSONValue) -> Bool) async throws -> (done: Bool, version: String?) {
        let list = try await client.list(resource, namespace: namespace, options: ListOptions(labelSelector: labelSelector))
        for item in list.items where handle(item) { return (true, list.metadata.resourceVersion) }
        return (false, list.metadata.resourceVersion)
    }
}
