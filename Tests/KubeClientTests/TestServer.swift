import ControlPlane
import Foundation
import KubeModel
import Logging
import SteadTestSupport

@testable import KubeClient

/// A real embedded API server on a free port with a client configured from its kubeconfig.
struct TestServer {
    let server: EmbeddedAPIServer
    let client: KubeClient
    let directory: String

    static func start(
        watchHistoryLimit: Int? = nil, watchBufferSize: Int? = nil, qps: Double = 0
    ) async throws -> TestServer {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("kubeclient-it-\(UUID().uuidString)").path
        var options = APIServerOptions(dataDirectory: directory)
        options.port = 0
        if let watchHistoryLimit { options.watchHistoryLimit = watchHistoryLimit }
        if let watchBufferSize { options.watchBufferSize = watchBufferSize }
        var serverLogger = Logger(label: "test.apiserver")
        serverLogger.logLevel = .warning
        let server = try EmbeddedAPIServer(options: options, logger: serverLogger)
        try await server.start()
        var configuration = try ClientConfiguration.fromKubeconfig(server.kubeconfig())
        configuration.qps = qps
        var logger = Logger(label: "test.kubeclient")
        logger.logLevel = .warning
        let client = try KubeClient(configuration: configuration, logger: logger)
        return TestServer(server: server, client: client, directory: directory)
    }

    func stop() async {
        try? await client.shutdown()
        await server.stop()
        try? FileManager.default.removeItem(atPath: directory)
    }

    /// Runs `body` with a fresh server, stopping it afterwards whatever happens.
    static func with<R>(
        watchHistoryLimit: Int? = nil, watchBufferSize: Int? = nil, qps: Double = 0,
        _ body: (TestServer) async throws -> R
    ) async throws -> R {
        let env = try await start(watchHistoryLimit: watchHistoryLimit, watchBufferSize: watchBufferSize, qps: qps)
        do {
            let result = try await body(env)
            await env.stop()
            return result
        } catch {
            await env.stop()
            throw error
        }
    }

    func makeNamespace(_ name: String) async throws {
        _ = try await client.create(Namespace.resourceType, ["apiVersion": "v1", "kind": "Namespace", "metadata": ["name": .string(name)]])
    }
}

func configMap(_ name: String, namespace: String = "default", labels: [String: String]? = nil, data: [String: String]? = nil)
    -> ConfigMap
{
    ConfigMap(metadata: ObjectMeta(name: name, namespace: namespace, labels: labels), data: data)
}
