import KubeClient
import KubeModel
import Logging

/// Persists placement records, coalescing: while one ConfigMap's write is in flight, and for
/// `interval` after it, the records for it that arrive wait and go out together in the next merge
/// patch. Each patch sets only its own keys. A ConfigMap that neither this writer has written nor the
/// scheduler's cache holds is created straight away; a patch that finds it gone (404) creates it, and a
/// create that finds it made by another writer first (409 AlreadyExists) becomes a patch.
///
/// The interval matters at high throughput: every patch makes the server rewrite, and every watcher
/// receive, the whole ConfigMap (one entry per pod of the owner).
actor PlacementWriter {
    private let client: KubeClient
    private let logger: Logger
    private let interval: Duration
    private var pending: [PlacementConfigMap.Target: [String: String]] = [:]
    private var writing: Set<PlacementConfigMap.Target> = []
    private var writers: [PlacementConfigMap.Target: Task<Void, Never>] = [:]
    /// ConfigMaps this writer created or patched: the next write to one of them is a patch.
    private var written: Set<PlacementConfigMap.Target> = []
    private let exists: @Sendable (PlacementConfigMap.Target) async -> Bool
    /// Batches of records written (each one patch or create, whatever it took), for tests of the coalescing.
    private(set) var patchCount = 0
    /// HTTP requests sent, 404s and 409s included.
    private(set) var requestCount = 0

    /// - Parameter exists: whether the ConfigMap is known to exist (the scheduler's cache of them).
    init(
        client: KubeClient, interval: Duration, logger: Logger,
        exists: @escaping @Sendable (PlacementConfigMap.Target) async -> Bool
    ) {
        self.client = client
        self.interval = interval
        self.logger = logger
        self.exists = exists
    }

    /// Queues `record` of `pod` for its owner's ConfigMap; pods without a controller owner have none.
    func record(_ record: PlacementRecord, of pod: Pod) {
        guard let target = PlacementConfigMap.target(for: pod), let json = try? record.jsonString() else { return }
        pending[target, default: [:]][pod.name] = json
        guard !writing.contains(target) else { return }
        writing.insert(target)
        writers[target] = Task { await self.drain(target) }
    }

    /// Waits for every queued record to be written (or given up).
    func flush() async {
        while let task = writers.values.first {
            await task.value
        }
    }

    private func drain(_ target: PlacementConfigMap.Target) async {
        while let entries = pending.removeValue(forKey: target), !entries.isEmpty, !Task.isCancelled {
            patchCount += 1
            await write(entries, to: target)
            if interval > .zero, pending[target] != nil { try? await Task.sleep(for: interval) }
        }
        writing.remove(target)
        writers[target] = nil
    }

    private func write(_ entries: [String: String], to target: PlacementConfigMap.Target) async {
        var create = !written.contains(target)
        if create { create = !(await exists(target)) }
        for attempt in 1...5 {
            do {
                requestCount += 1
                if create {
                    _ = try await client.create(PlacementConfigMap.make(target, entries: entries), namespace: target.namespace)
                } else {
                    // Untyped: the answer (the whole ConfigMap, one entry per pod) is not needed, and decoding
                    // it into a typed model on every patch cost a fifth of the process's CPU at 5000 nodes.
                    _ = try await client.patch(
                        ConfigMap.resourceType, name: target.name, namespace: target.namespace,
                        patch: .merge(PlacementConfigMap.mergePatch(entries: entries)))
                }
                written.insert(target)
                return
            } catch let error as KubeAPIError where create && (error.isAlreadyExists || error.isConflict) {
                create = false
                continue
            } catch let error as KubeAPIError where !create && error.isNotFound {
                create = true
                continue
            } catch {
                logFailure(error, target: target, attempt: attempt)
            }
            if Task.isCancelled { return }
            try? await Task.sleep(for: .milliseconds(50 * attempt))
        }
        logger.error(
            "giving up writing placement records",
            metadata: ["configMap": "\(target.namespace)/\(target.name)", "entries": "\(entries.count)"])
    }

    private func logFailure(_ error: any Error, target: PlacementConfigMap.Target, attempt: Int) {
        logger.warning(
            "cannot write placement records",
            metadata: ["configMap": "\(target.namespace)/\(target.name)", "attempt": "\(attempt)", "error": "\(error)"])
    }
}
