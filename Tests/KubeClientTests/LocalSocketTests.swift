import ControlPlane
import Foundation
import KubeModel
import Logging
import Testing

@testable import KubeClient

@Suite("The API server's local Unix socket")
struct LocalSocketTests {
    /// A server's options in a new temporary folder, on any free port, with its socket at `socket` inside.
    static func options(folder prefix: String, socket: String) -> APIServerOptions {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString.prefix(8))").path
        var options = APIServerOptions(dataDirectory: directory)
        options.port = 0
        options.localSocketPath = directory + "/" + socket
        return options
    }

    static func withServer<R>(_ body: (EmbeddedAPIServer, _ socket: String) async throws -> R) async throws -> R {
        // A space and a non-ASCII letter: the socket's path travels percent-encoded in the URL's host.
        let options = Self.options(folder: "sock é", socket: "apiserver.sock")
        let directory = options.dataDirectory
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var logger = Logger(label: "test.apiserver")
        logger.logLevel = .warning
        let server = try EmbeddedAPIServer(options: options, logger: logger)
        try await server.start()
        do {
            let result = try await body(server, directory + "/apiserver.sock")
            await server.stop()
            return result
        } catch {
            await server.stop()
            throw error
        }
    }

    static func client(_ kubeconfig: Kubeconfig?, change: (inout ClientConfiguration) -> Void = { _ in }) throws -> KubeClient {
        var configuration = try ClientConfiguration.fromKubeconfig(try #require(kubeconfig))
        configuration.qps = 0
        change(&configuration)
        return try KubeClient(configuration: configuration)
    }

    @Test func aClientOnTheSocketSeesWhatHTTPSClientsSee() async throws {
        try await Self.withServer { server, socket in
            let attributes = try FileManager.default.attributesOfItem(atPath: socket)
            #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
            #expect(server.localKubeconfig()?.clusters.first?.cluster.server.hasPrefix("http+unix://%2F") == true)

            let local = try Self.client(server.localKubeconfig())
            let remote = try Self.client(server.kubeconfig())
            let created = try await local.create(configMap("over-socket", data: ["a": "1"]))
            #expect(try await remote.get(ConfigMap.self, name: "over-socket", namespace: "default").data == ["a": "1"])

            let events = local.watch(
                ConfigMap.self, namespace: "default",
                options: WatchOptions(resourceVersion: created.metadata.resourceVersion, timeoutSeconds: 10))
            var changed = created
            changed.data = ["a": "2"]
            _ = try await remote.update(changed)
            var seen: [String: String]?
            for try await event in events where event.type == .modified {
                seen = event.object.data
                break
            }
            #expect(seen == ["a": "2"])
            try await local.shutdown()
            try await remote.shutdown()
        }
    }

    @Test func theSocketWantsTheTokenToo() async throws {
        try await Self.withServer { server, _ in
            let anonymous = try Self.client(server.localKubeconfig()) { $0.bearerToken = nil }
            await #expect { _ = try await anonymous.get(ConfigMap.self, name: "any", namespace: "default") } throws: {
                ($0 as? KubeAPIError)?.isUnauthorized == true
            }
            try await anonymous.shutdown()
        }
    }

    @Test func aRelativeOrOverlongSocketPathIsRefused() {
        for path in ["relative.sock", "/" + String(repeating: "x", count: APIServerOptions.maxLocalSocketPathLength)] {
            var options = APIServerOptions(dataDirectory: FileManager.default.temporaryDirectory.path + "/unused")
            options.localSocketPath = path
            #expect(throws: InvalidLocalSocketPath.self) { _ = try EmbeddedAPIServer(options: options, logger: Logger(label: "test")) }
        }
    }
}

@Suite("A start that fails")
struct FailedStartTests {
    @Test func aSocketThatCannotBeBoundLeavesNothingRunning() async throws {
        var options = LocalSocketTests.options(folder: "failed-start", socket: "no-such-folder/apiserver.sock")
        let directory = options.dataDirectory
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let logger = Logger(label: "test.apiserver")
        let server = try EmbeddedAPIServer(options: options, logger: logger)
        await #expect(throws: (any Error).self) { try await server.start() }

        // The HTTPS listener it had started is closed...
        let client = try LocalSocketTests.client(server.kubeconfig()) { $0.requestTimeout = .seconds(1) }
        await #expect(throws: (any Error).self) { _ = try await client.get(Namespace.self, name: "default") }
        try await client.shutdown()
        // ...and the data directory is free for the next server.
        options.localSocketPath = nil
        let next = try EmbeddedAPIServer(options: options, logger: logger)
        try await next.start()
        let nextClient = try LocalSocketTests.client(next.kubeconfig())
        #expect(try await nextClient.get(Namespace.self, name: "default").name == "default")
        try await nextClient.shutdown()
        await next.stop()
    }
}
