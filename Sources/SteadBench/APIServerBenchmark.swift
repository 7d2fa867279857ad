import Foundation
import KubeClient
import KubeModel
import NodeSim
import SteadRuntime

/// Drives the API server through KubeClient over HTTP, as any controller would.
struct APIServerBenchmark {
    let client: KubeClient
    let objects: Int
    let concurrency: Int
    let watchers: Int
    let watchedChanges: Int

    struct Result: Encodable {
        var objects: Int
        var createsPerSecond: Double
        var updatesPerSecond: Double
        var fullListP50Milliseconds: Double
        var fullListP99Milliseconds: Double
        var pagedListMilliseconds: Double
        var watchers: Int
        var watchedChanges: Int
        var watchDeliveryP50Milliseconds: Double
        var watchDeliveryP99Milliseconds: Double
        var eventsDelivered: Int
        var peakMemoryMiB: Double?

        func table() -> String {
            var table = TextTable("measure", "value")
            table.add("objects", "\(objects)")
            table.add("creates", String(format: "%.0f/s", createsPerSecond))
            table.add("updates", String(format: "%.0f/s", updatesPerSecond))
            table.add("list all \(objects) (p50 / p99)",
                      String(format: "%.1f ms / %.1f ms", fullListP50Milliseconds, fullListP99Milliseconds))
            table.add("list all in pages of 500", String(format: "%.1f ms", pagedListMilliseconds))
            table.add("watch delivery, \(watchers) watchers (p50 / p99)",
                      String(format: "%.2f ms / %.2f ms", watchDeliveryP50Milliseconds, watchDeliveryP99Milliseconds))
            table.add("events delivered", "\(eventsDelivered) of \(watchers * watchedChanges)")
            table.add("peak memory (server + client)", peakMemoryMiB.map { String(format: "%.0f MiB", $0) } ?? "n/a")
            return table.render()
        }
    }

    func run() async throws -> Result {
        try await createNamespace("bench")
        try await createNamespace("bench-watch")

        let created = Shared<[String: String]>([:])
        let createTime = try await timed(label: "creating \(objects) configmaps") { index in
            let object = try await client.create(ConfigMap(
                metadata: ObjectMeta(name: "cm-\(index)", namespace: "bench"), data: ["value": "\(index)"]))
            created.withLock { $0[object.name] = object.metadata.resourceVersion }
        }
        let versions = created.value
        let updateTime = try await timed(label: "updating \(objects) configmaps") { index in
            var object = ConfigMap(metadata: ObjectMeta(name: "cm-\(index)", namespace: "bench"), data: ["value": "updated-\(index)"])
            object.metadata.resourceVersion = versions["cm-\(index)"]
            _ = try await client.update(object)
        }

        var fullLists = LatencySamples()
        for _ in 0..<10 {
            let start = ContinuousClock.now
            let list = try await client.list(ConfigMap.self, namespace: "bench")
            precondition(list.items.count == objects, "list returned \(list.items.count) of \(objects)")
            fullLists.add((ContinuousClock.now - start).inSeconds)
        }
        let pagedStart = ContinuousClock.now
        _ = try await client.listAll(ConfigMap.self, namespace: "bench", pageSize: 500)
        let pagedTime = (ContinuousClock.now - pagedStart).inSeconds

        let delivery = try await measureWatchDelivery()
        return Result(
            objects: objects,
            createsPerSecond: Double(objects) / createTime,
            updatesPerSecond: Double(objects) / updateTime,
            fullListP50Milliseconds: fullLists.percentile(50) * 1000,
            fullListP99Milliseconds: fullLists.percentile(99) * 1000,
            pagedListMilliseconds: pagedTime * 1000,
            watchers: watchers,
            watchedChanges: watchedChanges,
            watchDeliveryP50Milliseconds: delivery.percentile(50) * 1000,
            watchDeliveryP99Milliseconds: delivery.percentile(99) * 1000,
            eventsDelivered: delivery.count,
            peakMemoryMiB: ProcessMemory.peakResidentMiB())
    }

    private func createNamespace(_ name: String) async throws {
        _ = try await client.create(Namespace(metadata: ObjectMeta(name: name)))
    }

    /// Runs `work(0..<objects)` on `concurrency` tasks; returns the wall time in seconds.
    private func timed(label: String, _ work: @escaping @Sendable (Int) async throws -> Void) async throws -> Double {
        let start = ContinuousClock.now
        try await concurrentlyForEach(objects, concurrency: concurrency, label: label, work)
        return (ContinuousClock.now - start).inSeconds
    }

    /// Each watcher records when every ADDED event arrives; latency is measured from just before the
    /// create request was sent. A watcher that misses events would wait forever: after a minute the
    /// watches are closed and what arrived is reported.
    private func measureWatchDelivery() async throws -> LatencySamples {
        let startVersion = try await client.list(ConfigMap.self, namespace: "bench-watch").metadata.resourceVersion
        let sentAt = Shared<[String: ContinuousClock.Instant]>([:])
        let watching = Shared(0)
        let collector = Task { [client, watchers, watchedChanges] in
            try await withThrowingTaskGroup(of: LatencySamples.self) { group in
                for _ in 0..<watchers {
                    group.addTask {
                        var options = WatchOptions()
                        options.resourceVersion = startVersion
                        let stream = client.watch(ConfigMap.self, namespace: "bench-watch", options: options)
                        watching.add(1)
                        var local = LatencySamples()
                        for try await event in stream where event.type == .added {
                            let arrived = ContinuousClock.now
                            if let sent = sentAt.withLock({ $0[event.object.name] }) { local.add((arrived - sent).inSeconds) }
                            if local.count == watchedChanges { break }
                        }
                        return local
                    }
                }
                var all = LatencySamples()
                while let result = try await group.next() { all.add(contentsOf: result) }
                return all
            }
        }
        while watching.value < watchers { try await Task.sleep(for: .milliseconds(10)) }
        try await Task.sleep(for: .milliseconds(200))
        var progress = Progress("changes under \(watchers) watchers", total: watchedChanges)
        for index in 0..<watchedChanges {
            let name = "w-\(index)"
            sentAt.withLock { $0[name] = ContinuousClock.now }
            _ = try await client.create(ConfigMap(metadata: ObjectMeta(name: name, namespace: "bench-watch")))
            progress.update(index + 1)
        }
        let timeout = Task {
            try await Task.sleep(for: .seconds(60))
            collector.cancel()
        }
        defer { timeout.cancel() }
        return try await collector.value
    }
}
