import Foundation
import KubeModel
import SteadTestSupport
import Testing

@testable import KubeClient

@Suite("Informer against the embedded API server", .serialized)
struct InformerIntegrationTests {
    enum Event: Sendable, Hashable {
        case add(String)
        case update(String, sameVersion: Bool)
        case delete(String)
    }

    static func recordingHandler(_ recorder: Recorder<Event>, gate: Gate? = nil) -> EventHandler<ConfigMap> {
        EventHandler(
            onAdd: {
                await gate?.pass()
                await recorder.append(.add($0.name))
            },
            onUpdate: { old, new in
                await recorder.append(.update(new.name, sameVersion: old.metadata.resourceVersion == new.metadata.resourceVersion))
            },
            onDelete: { await recorder.append(.delete($0.name)) })
    }

    /// Compares the cache with a fresh list from the server: same keys, same resourceVersions.
    static func cacheMatchesServer(_ informer: Informer<ConfigMap>, _ client: KubeClient, namespace: String) async throws -> Bool {
        let server = try await client.listAll(ConfigMap.self, namespace: namespace)
        let cached = await informer.store.list()
        let serverState = Dictionary(uniqueKeysWithValues: server.items.map { ($0.key, $0.metadata.resourceVersion ?? "") })
        let cacheState = Dictionary(uniqueKeysWithValues: cached.map { ($0.key, $0.metadata.resourceVersion ?? "") })
        return serverState == cacheState
    }

    @Test func cacheEqualsServerAfterBurstOf1000Writes() async throws {
        try await withAPIServer { env in
            let client = env.client
            try await env.makeNamespace("burst")
            for index in 0..<50 { _ = try await client.create(configMap("seed-\(index)", namespace: "burst", labels: ["group": "\(index % 3)"])) }

            let informer = Informer<ConfigMap>(client: client, namespace: "burst", pageSize: 20)
            await informer.addIndex("group") { [$0.metadata.labels?["group"] ?? ""] }
            let queue = WorkQueue<String>()
            informer.addEventHandler(.enqueueKeys(into: queue))
            let running = Task { await informer.run() }
            defer { running.cancel() }
            try await withTimeout(.seconds(10), "sync") { try await informer.waitForSync() }
            #expect(await informer.hasSynced)
            #expect(await informer.store.count == 50)
            #expect(await queue.len == 50)

            // 1000 writes from 8 concurrent writers, 125 each: 60 creates, 40 updates, 25 deletes.
            try await withThrowingTaskGroup(of: Void.self) { group in
                for writer in 0..<8 {
                    group.addTask {
                        for index in 0..<60 {
                            _ = try await client.create(
                                configMap("obj-\(writer)-\(index)", namespace: "burst", labels: ["group": "\(index % 3)"]))
                            if index >= 20 {
                                // Update an earlier object of this writer (never one being deleted below).
                                var object = try await client.get(ConfigMap.self, name: "obj-\(writer)-\((index - 20) / 2 * 2)", namespace: "burst")
                                object.data = ["step": "\(index)"]
                                _ = try await client.update(object)
                            }
                            if index >= 10 && index % 2 == 0 && index < 60 {
                                try await client.delete(ConfigMap.self, name: "obj-\(writer)-\(index - 9)", namespace: "burst")
                            }
                        }
                    }
                }
                try await group.waitForAll()
            }

            try await eventually(timeout: .seconds(20), "cache to match the server") {
                try await Self.cacheMatchesServer(informer, client, namespace: "burst")
            }
            let count = await informer.store.count
            #expect(count == 50 + 480 - 200)
            // Indexes follow the writes.
            #expect(await informer.store.byNamespace("burst").count == count)
            let groups = await informer.store.byIndex("group", "0").count + informer.store.byIndex("group", "1").count
                + informer.store.byIndex("group", "2").count
            #expect(groups == count)
            #expect(informer.listCount == 1)
        }
    }

    @Test func informerResumesAfterDisconnectWithoutRelisting() async throws {
        try await withAPIServer { env in
            let client = env.client
            for index in 0..<3 { _ = try await client.create(configMap("r-\(index)")) }
            let informer = Informer<ConfigMap>(client: client, namespace: "default")
            let recorder = Recorder<Event>()
            informer.addEventHandler(Self.recordingHandler(recorder))
            let running = Task { await informer.run() }
            defer { running.cancel() }
            try await withTimeout(.seconds(10), "sync") { try await informer.waitForSync() }

            for round in 0..<3 {
                await env.server.disconnectWatchers()
                _ = try await client.create(configMap("after-\(round)"))
            }
            try await client.delete(ConfigMap.self, name: "r-0", namespace: "default")
            try await eventually(timeout: .seconds(10), "cache to match") {
                try await Self.cacheMatchesServer(informer, client, namespace: "default")
            }
            let events = await recorder.items
            #expect(events.filter { if case .add = $0 { true } else { false } }.count == 6)
            #expect(events.contains(.delete("r-0")))
            #expect(!events.contains { if case .update = $0 { true } else { false } })
            #expect(informer.listCount == 1)
        }
    }

    @Test func informerRelistsAfterGoneAndDeliversDiffs() async throws {
        try await withAPIServer(configure: { $0.watchHistoryLimit = 10 }) { env in
            let client = env.client
            for index in 0..<4 { _ = try await client.create(configMap("g-\(index)")) }
            let informer = Informer<ConfigMap>(client: client, namespace: "default")
            let recorder = Recorder<Event>()
            let gate = Gate()
            informer.addEventHandler(Self.recordingHandler(recorder, gate: gate))
            let running = Task { await informer.run() }
            defer { running.cancel() }
            try await withTimeout(.seconds(10), "sync") { try await informer.waitForSync() }
            #expect(informer.listCount == 1)

            // Hold the informer inside a handler, cut its watch, and write more than the history keeps.
            await gate.close()
            _ = try await client.create(configMap("trigger"))
            try await eventually(timeout: .seconds(5), "informer to be held") { await informer.store.get("default/trigger") != nil }
            await env.server.disconnectWatchers()
            for index in 0..<20 { _ = try await client.create(configMap("new-\(index)")) }
            try await client.delete(ConfigMap.self, name: "g-0", namespace: "default")
            try await client.delete(ConfigMap.self, name: "g-1", namespace: "default")
            var g2 = try await client.get(ConfigMap.self, name: "g-2", namespace: "default")
            g2.data = ["v": "2"]
            _ = try await client.update(g2)
            await gate.openGate()

            try await eventually(timeout: .seconds(15), "cache to match after relist") {
                try await Self.cacheMatchesServer(informer, client, namespace: "default")
            }
            #expect(informer.listCount == 2)
            let events = await recorder.items
            #expect(events.contains(.delete("g-0")))
            #expect(events.contains(.delete("g-1")))
            #expect(events.contains(.update("g-2", sameVersion: false)))
            #expect(!events.contains(.delete("g-3")))
            for index in 0..<20 { #expect(events.contains(.add("new-\(index)"))) }
            #expect(events.filter { $0 == .add("g-3") }.count == 1)
        }
    }

    @Test func periodicResyncRedeliversCachedObjects() async throws {
        try await withAPIServer { env in
            let client = env.client
            _ = try await client.create(configMap("s-1"))
            _ = try await client.create(configMap("s-2"))
            let informer = Informer<ConfigMap>(client: client, namespace: "default", resyncPeriod: .milliseconds(150))
            let recorder = Recorder<Event>()
            informer.addEventHandler(Self.recordingHandler(recorder))
            let running = Task { await informer.run() }
            try await withTimeout(.seconds(10), "sync") { try await informer.waitForSync() }
            try await eventually(timeout: .seconds(5), "two resyncs") {
                await recorder.items.filter { $0 == .update("s-1", sameVersion: true) }.count >= 2
            }
            running.cancel()
            await running.value
        }
    }
}

/// A kind no server here serves.
private struct Widget: KubeResource {
    static let resourceType = ResourceType(
        group: "example.com", version: "v1", kind: "Widget", plural: "widgets", namespaced: false)
    var apiVersion: String?
    var kind: String?
    var metadata = ObjectMeta()
    var unknownFields: UnknownFields?
}

/// Informers a component waits for, when the server cannot or will not answer.
@Suite("Informer sync, unserved resources and cancellation")
struct InformerSyncTests {
    @Test func anOptionalInformerOfAnUnservedResourceCountsAsSyncedAndEmpty() async throws {
        try await withAPIServer { env in
            // The embedded server serves no Widgets (404); it does serve ConfigMaps.
            let absent = OptionalInformer(Informer<Widget>(client: env.client))
            _ = try await env.client.create(configMap("present", namespace: "default"))
            let present = OptionalInformer(Informer<ConfigMap>(client: env.client, namespace: "default"))
            let group = InformerGroup([absent, present])
            try await withTimeout(.seconds(10), "sync") { try await group.start() }
            #expect(!absent.isServed)
            #expect(await absent.informer.store.count == 0)
            #expect(present.isServed)
            #expect(await present.informer.store.get(ObjectKey(namespace: "default", name: "present")) != nil)
            await group.stop()
        }
    }

    /// A server that never answers a list must not hold up whoever waits for the sync once it gives up.
    @Test func waitingForASyncThatCannotComeEndsWhenCancelled() async throws {
        let configuration = ClientConfiguration(server: URL(string: "http://127.0.0.1:1")!, qps: 0)
        let client = try KubeClient(configuration: configuration)
        let group = InformerGroup([Informer<ConfigMap>(client: client)])
        let start = Task { try await group.start() }
        try await Task.sleep(for: .milliseconds(300))
        start.cancel()
        let outcome = await start.result
        #expect(throws: CancellationError.self) { try outcome.get() }
        try await client.shutdown()
    }
}
