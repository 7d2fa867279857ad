import Foundation
import KubeModel
import Logging
import MetricsTestKit
import SteadTestSupport
import Testing

@testable import KubeClient

@Suite("Client against the embedded API server", .serialized)
struct ClientIntegrationTests {
    @Test func createGetUpdateDelete() async throws {
        try await withAPIServer { env in
            let client = env.client
            let created = try await client.create(configMap("crud", labels: ["app": "web"], data: ["k": "v1"]))
            #expect(created.metadata.uid != nil)
            #expect(created.metadata.resourceVersion != nil)
            #expect(created.kind == "ConfigMap")

            var fetched = try await client.get(ConfigMap.self, name: "crud", namespace: "default")
            #expect(fetched.data == ["k": "v1"])
            #expect(fetched.metadata.uid == created.metadata.uid)

            fetched.data = ["k": "v2"]
            let updated = try await client.update(fetched)
            #expect(updated.data == ["k": "v2"])
            #expect(updated.metadata.resourceVersion != created.metadata.resourceVersion)

            // Untyped access to the same object.
            let raw = try await client.get(ConfigMap.resourceType, name: "crud", namespace: "default")
            #expect(raw["data"]?["k"] == "v2")

            let duplicate = await #expect(throws: KubeAPIError.self) {
                _ = try await client.create(configMap("crud"))
            }
            #expect(duplicate?.isAlreadyExists == true)
            #expect(duplicate?.httpCode == 409)

            try await client.delete(ConfigMap.self, name: "crud", namespace: "default")
            let missing = await #expect(throws: KubeAPIError.self) {
                _ = try await client.get(ConfigMap.self, name: "crud", namespace: "default")
            }
            #expect(missing?.isNotFound == true)
            #expect(missing?.httpCode == 404)
        }
    }

    @Test func staleUpdateIsConflict() async throws {
        try await withAPIServer { env in
            let client = env.client
            let original = try await client.create(configMap("stale", data: ["n": "0"]))
            var first = original
            first.data = ["n": "1"]
            _ = try await client.update(first)
            var stale = original
            stale.data = ["n": "2"]
            let error = await #expect(throws: KubeAPIError.self) { _ = try await client.update(stale) }
            #expect(error?.isConflict == true)
            #expect(error?.reason == .conflict)
            #expect(try await client.get(ConfigMap.self, name: "stale", namespace: "default").data == ["n": "1"])

            // A delete with a stale resourceVersion precondition is refused too.
            let deleteError = await #expect(throws: KubeAPIError.self) {
                try await client.delete(
                    ConfigMap.self, name: "stale", namespace: "default",
                    options: DeleteOptions(preconditionResourceVersion: original.metadata.resourceVersion))
            }
            #expect(deleteError?.isConflict == true)
        }
    }

    @Test func listPaginatesAcrossPages() async throws {
        try await withAPIServer { env in
            let client = env.client
            try await env.makeNamespace("paging")
            for index in 0..<25 {
                _ = try await client.create(configMap(String(format: "cm-%02d", index), namespace: "paging"))
            }
            var names: [String] = []
            var options = ListOptions(limit: 10)
            var pages = 0
            repeat {
                let page = try await client.list(ConfigMap.self, namespace: "paging", options: options)
                pages += 1
                #expect(page.items.count <= 10)
                #expect(page.metadata.resourceVersion != nil)
                names += page.items.map(\.name)
                options.continue = page.metadata.continue
            } while !(options.continue ?? "").isEmpty
            #expect(pages == 3)
            #expect(names.count == 25)
            #expect(Set(names).count == 25)

            let all = try await client.listAll(ConfigMap.self, namespace: "paging", pageSize: 7)
            #expect(all.items.count == 25)
            let untyped = try await client.list(ConfigMap.resourceType, namespace: "paging", options: ListOptions(limit: 5))
            #expect(untyped.items.count == 5)
            #expect(untyped.items.first?["kind"] == "ConfigMap")
            #expect(!(untyped.metadata.continue ?? "").isEmpty)
        }
    }

    @Test func labelAndFieldSelectors() async throws {
        try await withAPIServer { env in
            let client = env.client
            _ = try await client.create(configMap("web-1", labels: ["app": "web", "tier": "front"]))
            _ = try await client.create(configMap("web-2", labels: ["app": "web", "tier": "back"]))
            _ = try await client.create(configMap("db-1", labels: ["app": "db"]))
            _ = try await client.create(configMap("plain"))

            func names(_ options: ListOptions) async throws -> [String] {
                try await client.list(ConfigMap.self, namespace: "default", options: options).items.map(\.name).sorted()
            }
            #expect(try await names(ListOptions(labelSelector: "app=web")) == ["web-1", "web-2"])
            #expect(try await names(ListOptions(labelSelector: "app in (web,db),tier!=back")) == ["db-1", "web-1"])
            #expect(try await names(ListOptions(labelSelector: "!app")) == ["plain"])
            #expect(try await names(ListOptions(fieldSelector: "metadata.name=db-1")) == ["db-1"])
            #expect(
                try await names(ListOptions(labelSelector: "app=web", fieldSelector: "metadata.name!=web-1")) == ["web-2"])
        }
    }

    @Test func patchesSetTheirContentType() async throws {
        try await withAPIServer { env in
            let client = env.client
            _ = try await client.create(configMap("patched", labels: ["a": "1"], data: ["x": "1"]))
            let merged = try await client.patch(
                ConfigMap.self, name: "patched", namespace: "default",
                patch: .merge(["data": ["y": "2"], "metadata": ["labels": ["a": nil, "b": "2"]]]))
            #expect(merged.data == ["x": "1", "y": "2"])
            #expect(merged.metadata.labels == ["b": "2"])

            let jsonPatched = try await client.patch(
                ConfigMap.self, name: "patched", namespace: "default",
                patch: .json([["op": "replace", "path": "/data/x", "value": "10"], ["op": "remove", "path": "/data/y"]]))
            #expect(jsonPatched.data == ["x": "10"])

            let strategic = try await client.patch(
                ConfigMap.self, name: "patched", namespace: "default", patch: .strategic(["data": ["z": "3"]]))
            #expect(strategic.data == ["x": "10", "z": "3"])

            // Server-side apply: the content type and the field manager reach the server.
            let applied = try await client.patch(
                ConfigMap.self, name: "patched", namespace: "default",
                patch: .apply(yaml: "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: patched\ndata:\n  a: b\n"),
                fieldManager: "test")
            #expect(applied.data == ["x": "10", "z": "3", "a": "b"])
            let raw = try await client.get(ConfigMap.resourceType, name: "patched", namespace: "default")
            let managers = raw[path: ["metadata", "managedFields"]]?.arrayValue ?? []
            #expect(managers.contains { $0["manager"] == "test" && $0["operation"] == "Apply" })

            let invalid = await #expect(throws: KubeAPIError.self) {
                _ = try await client.patch(
                    ConfigMap.self, name: "patched", namespace: "default",
                    patch: .json([["op": "remove", "path": "/data/nothing-here"]]))
            }
            #expect(invalid != nil)
        }
    }

    @Test func podStatusAndBindingSubresources() async throws {
        try await withAPIServer { env in
            let client = env.client
            let pod = Pod(
                metadata: ObjectMeta(name: "p1", namespace: "default"),
                spec: PodSpec(containers: [Container(name: "c", image: "busybox")]))
            let created = try await client.create(pod)
            #expect(created.spec?.nodeName == nil)

            _ = try await client.create(
                Pod.resourceType,
                ["apiVersion": "v1", "kind": "Binding", "metadata": ["name": "p1"], "target": ["kind": "Node", "name": "node-a"]],
                namespace: "default", subresource: "binding")
            let bound = try await client.get(Pod.self, name: "p1", namespace: "default")
            #expect(bound.spec?.nodeName == "node-a")

            var withStatus = bound
            withStatus.status = PodStatus(phase: "Running")
            let statusUpdated = try await client.update(withStatus, subresource: "status")
            #expect(statusUpdated.status?.phase == "Running")

            let statusPatched = try await client.patch(
                Pod.self, name: "p1", namespace: "default", patch: .merge(["status": ["phase": "Succeeded"]]),
                subresource: "status")
            #expect(statusPatched.status?.phase == "Succeeded")
            let viaGet = try await client.get(Pod.resourceType, name: "p1", namespace: "default", subresource: "status")
            #expect(viaGet["status"]?["phase"] == "Succeeded")
        }
    }

    @Test func badTokenIsUnauthorized() async throws {
        try await withAPIServer { env in
            var configuration = env.client.configuration
            configuration.bearerToken = "wrong"
            let client = try KubeClient(configuration: configuration)
            let error = await #expect(throws: KubeAPIError.self) {
                _ = try await client.list(ConfigMap.self, namespace: "default")
            }
            #expect(error?.isUnauthorized == true)
            try await client.shutdown()
        }
    }

    @Test func transportErrorIsDistinct() async throws {
        let configuration = ClientConfiguration(server: URL(string: "http://127.0.0.1:1")!, qps: 0, requestTimeout: .seconds(1))
        let client = try KubeClient(configuration: configuration)
        let error = await #expect(throws: KubeClientError.self) {
            _ = try await client.get(ConfigMap.self, name: "x", namespace: "default")
        }
        if case .transport = error {} else { Issue.record("expected a transport error, got \(String(describing: error))") }
        try await client.shutdown()
    }

    @Test func clientSideRateLimitHolds() async throws {
        try await withAPIServer { env in
            // burst 100 default: lower it to see the limit.
            var configuration = env.client.configuration
            configuration.qps = 20
            configuration.burst = 2
            let client = try KubeClient(configuration: configuration)
            let clock = ContinuousClock()
            let elapsed = try await clock.measure {
                for _ in 0..<8 { _ = try await client.list(ConfigMap.resourceType, namespace: "default") }
            }
            // 2 free, then 6 at 50 ms.
            #expect(elapsed >= .milliseconds(280))
            try await client.shutdown()
        }
    }
}

/// Events written off the caller's path, through a request budget of their own.
@Suite("Event recorder")
struct EventRecorderTests {
    static let pod = ObjectReference(apiVersion: "v1", kind: "Pod", namespace: "default", name: "web-0", uid: "u1")

    /// The recorder's warnings shown: a lost Event says why.
    static func loud(_ env: TestAPIServer) -> Logger {
        var logger = env.client.logger
        logger.logLevel = .warning
        return logger
    }

    @Test func queuedEventsAreWrittenAndStopWritesWhatIsQueued() async throws {
        try await withAPIServer { env in
            let metrics = TestMetrics()
            let client = try KubeClient(configuration: env.client.configuration, metricsFactory: metrics)
            let recorder = EventRecorder(client: client.withOwnRateLimit(), component: "test-scheduler", logger: Self.loud(env))
            recorder.start()
            // Fewer than the 10 similar Events that the correlator combines.
            for index in 0..<9 {
                recorder.record(Self.pod, type: "Normal", reason: "Scheduled", message: "assigned \(index)", action: "Scheduling")
            }
            await recorder.stop()
            let events = try await env.client.list(Event.self, namespace: "default").items
            #expect(events.count == 9)
            #expect(Set(events.compactMap(\.message)).count == 9)
            for event in events {
                #expect(event.involvedObject == Self.pod && event.reason == "Scheduled" && event.type == "Normal")
                #expect(event.source?.component == "test-scheduler" && event.reportingComponent == "test-scheduler")
                #expect(event.count == 1 && event.firstTimestamp != nil && event.action == "Scheduling")
                #expect(event.name.hasPrefix("web-0."))
            }
            #expect(metrics.counterTotal(label: EventRecorder.droppedLabel) == 0)
            try await client.shutdown()
        }
    }

    /// As client-go's correlator: a repeat counts on the first Event; the 10th similar one and later
    /// ones are one combined Event, counted; after 25 writes about one object the rest are dropped.
    @Test func repeatsAreCountedSimilarOnesCombinedAndFloodsDropped() async throws {
        try await withAPIServer { env in
            let metrics = TestMetrics()
            let client = try KubeClient(configuration: env.client.configuration, metricsFactory: metrics)
            let recorder = EventRecorder(client: client, component: "test-controller", logger: Self.loud(env))
            recorder.start()
            for _ in 0..<3 { recorder.record(Self.pod, type: "Normal", reason: "Pulled", message: "same image") }
            for index in 0..<40 { recorder.record(Self.pod, type: "Normal", reason: "Updated", message: "pod \(index)") }
            await recorder.stop()
            let events = try await env.client.list(Event.self, namespace: "default").items
            let pulled = events.filter { $0.reason == "Pulled" }
            #expect(pulled.count == 1 && pulled.first?.count == 3)
            let updated = events.filter { $0.reason == "Updated" }
            // 3 writes for "Pulled", then 22 of the 25: 9 Events of their own and 13 writes of the combined one.
            #expect(updated.count == 10)
            let combined = try #require(updated.first { $0.message?.hasPrefix("(combined from similar events): ") == true })
            #expect(combined.count == 13)
            #expect(combined.message == "(combined from similar events): pod 21")
            let spam = [("component", "test-controller"), ("cause", "spam_filter")]
            #expect(try metrics.expectCounter(EventRecorder.droppedLabel, spam).totalValue == 18)
            try await client.shutdown()
        }
    }

    /// As client-go's broadcaster: a write that cannot reach the server is tried again (`tries` in all),
    /// one the server refuses is not.
    @Test func unreachableWritesAreTriedAgainAndRefusedOnesAreNot() async throws {
        try await withAPIServer { env in
            var nowhere = env.client.configuration
            nowhere.server = URL(string: "https://127.0.0.1:1")!
            nowhere.requestTimeout = .milliseconds(200)
            let metrics = TestMetrics()
            let unreachable = try KubeClient(configuration: nowhere, metricsFactory: metrics)
            let (messages, logged) = AsyncStream.makeStream(of: String.self)
            let logger = Logger(label: "test.events") { _ in StreamingLogHandler(logged) }
            let lost = EventRecorder(client: unreachable, component: "test", logger: logger, retryInterval: .milliseconds(10))
            lost.start()
            lost.record(Self.pod, type: "Normal", reason: "R", message: "into the void")
            // The warning comes after the last try: stopping earlier would cut the retries short.
            for await message in messages where message == "cannot record event" { break }
            await lost.stop()
            let failed = [("verb", "CREATE"), ("resource", "events"), ("code", "error")]
            #expect(try metrics.expectCounter("kubeclient_requests_total", failed).totalValue == Int64(EventRecorder.tries))
            try await unreachable.shutdown()

            let refusedMetrics = TestMetrics()
            let client = try KubeClient(configuration: env.client.configuration, metricsFactory: refusedMetrics)
            let refused = EventRecorder(client: client, component: "test", logger: env.client.logger, retryInterval: .milliseconds(10))
            refused.start()
            let elsewhere = ObjectReference(apiVersion: "v1", kind: "Pod", namespace: "no-such-namespace", name: "p", uid: "u2")
            refused.record(elsewhere, type: "Normal", reason: "R", message: "refused")
            await refused.stop()
            let notFound = [("verb", "CREATE"), ("resource", "events"), ("code", "404")]
            #expect(try refusedMetrics.expectCounter("kubeclient_requests_total", notFound).totalValue == 1)
            try await client.shutdown()
        }
    }

    @Test func aFullQueueDropsAndCountsWithoutWaiting() async throws {
        try await withAPIServer { env in
            // Not started: nothing drains the queue of 3.
            let metrics = TestMetrics()
            let client = try KubeClient(configuration: env.client.configuration, metricsFactory: metrics)
            let recorder = EventRecorder(client: client, component: "test", logger: Self.loud(env), capacity: 3)
            for index in 0..<10 { recorder.record(Self.pod, type: "Normal", reason: "R", message: "\(index)") }
            let full = [("component", "test"), ("cause", "queue_full")]
            #expect(try metrics.expectCounter(EventRecorder.droppedLabel, full).totalValue == 7)
            recorder.start()
            await recorder.stop()
            let messages = try await env.client.list(Event.self, namespace: "default").items.compactMap(\.message)
            #expect(messages.sorted() == ["0", "1", "2"])
            try await client.shutdown()
        }
    }

    @Test func aClientWithItsOwnBudgetSharesTheRest() async throws {
        try await withAPIServer { env in
            let own = env.client.withRateLimit(qps: 5, burst: 1)
            #expect(own.limiter != nil && own.limiter !== env.client.limiter)
            #expect(env.client.withRateLimit(qps: 0, burst: 1).limiter == nil)
            #expect(own.http === env.client.http)
            // Requests through a view count in the client's metrics (benchmarks count every component's).
            let metrics = TestMetrics()
            let counted = try KubeClient(configuration: env.client.configuration, metricsFactory: metrics)
            _ = try await counted.withRateLimit(qps: 5, burst: 1).list(Event.self, namespace: "default")
            #expect(metrics.counterTotal(label: ClientMetrics.requestsLabel) == 1)
            try await counted.shutdown()
            // Shutting a view down leaves the connections of the client it shares.
            try await own.shutdown()
            #expect(try await env.client.list(Event.self, namespace: "default").items.isEmpty)
        }
    }
}

/// Hands every message logged to a stream, for a test that waits for one.
private struct StreamingLogHandler: LogHandler {
    let messages: AsyncStream<String>.Continuation
    var logLevel: Logger.Level = .trace
    var metadata: Logger.Metadata = [:]

    init(_ messages: AsyncStream<String>.Continuation) { self.messages = messages }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        messages.yield(event.message.description)
    }
}
