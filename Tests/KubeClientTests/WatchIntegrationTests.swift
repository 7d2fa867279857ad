import Foundation
import KubeModel
import SteadTestSupport
import Testing

@testable import KubeClient

@Suite("Watch against the embedded API server", .serialized)
struct WatchIntegrationTests {
    @Test func watchResumesAfterDisconnectWithoutGapsOrDuplicates() async throws {
        try await withAPIServer { env in
            let client = env.client
            try await env.makeNamespace("w")
            let start = try await client.list(ConfigMap.self, namespace: "w")
            var resourceVersion = start.metadata.resourceVersion
            var seen: [String] = []

            let first = client.watch(ConfigMap.self, namespace: "w", options: WatchOptions(resourceVersion: resourceVersion))
            var iterator = first.makeAsyncIterator()
            for index in 0..<5 { _ = try await client.create(configMap("w-\(index)", namespace: "w")) }
            for _ in 0..<5 {
                guard let event = try await iterator.next() else { break }
                #expect(event.type == .added)
                seen.append(event.object.name)
                resourceVersion = event.object.metadata.resourceVersion
            }
            #expect(seen.count == 5)

            await env.server.disconnectWatchers()
            // Writes while nobody watches.
            for index in 5..<10 { _ = try await client.create(configMap("w-\(index)", namespace: "w")) }
            var w3 = try await client.get(ConfigMap.self, name: "w-3", namespace: "w")
            w3.data = ["changed": "yes"]
            _ = try await client.update(w3)
            try await client.delete(ConfigMap.self, name: "w-0", namespace: "w")

            // The first stream ends (whatever it still had buffered counts too).
            while let event = try await iterator.next() {
                seen.append(event.object.name)
                resourceVersion = event.object.metadata.resourceVersion
            }

            let resumed = client.watch(ConfigMap.self, namespace: "w", options: WatchOptions(resourceVersion: resourceVersion))
            var types: [WatchEventType] = []
            var second = resumed.makeAsyncIterator()
            while seen.count < 12 {
                guard let event = try await second.next() else { break }
                seen.append(event.object.name)
                types.append(event.type)
            }
            #expect(seen == (0..<10).map { "w-\($0)" } + ["w-3", "w-0"])
            #expect(types.suffix(2) == [.modified, .deleted])
        }
    }

    @Test func watchFromTooOldResourceVersionIsGone() async throws {
        try await withAPIServer(configure: { $0.watchHistoryLimit = 5 }) { env in
            let client = env.client
            let old = try await client.list(ConfigMap.self, namespace: "default").metadata.resourceVersion
            for index in 0..<20 { _ = try await client.create(configMap("old-\(index)")) }
            let error = await #expect(throws: KubeAPIError.self) {
                for try await _ in client.watch(ConfigMap.self, namespace: "default", options: WatchOptions(resourceVersion: old)) {}
            }
            #expect(error?.isGone == true)
        }
    }

    @Test func untypedWatchWithLabelSelectorAndTimeout() async throws {
        try await withAPIServer { env in
            let client = env.client
            let rv = try await client.list(ConfigMap.resourceType, namespace: "default").metadata.resourceVersion
            _ = try await client.create(configMap("a", labels: ["pick": "yes"]))
            _ = try await client.create(configMap("b", labels: ["pick": "no"]))
            _ = try await client.create(configMap("c", labels: ["pick": "yes"]))
            let names = try await withTimeout(.seconds(10), "watch to time out") {
                var names: [String] = []
                let options = WatchOptions(labelSelector: "pick=yes", resourceVersion: rv, timeoutSeconds: 1)
                for try await event in client.watch(ConfigMap.resourceType, namespace: "default", options: options) {
                    names.append(event.object["metadata"]?["name"]?.stringValue ?? "?")
                }
                return names
            }
            #expect(names == ["a", "c"])
        }
    }
}
