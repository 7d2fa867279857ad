import ControlPlane
import Foundation
import KubeClient
import Logging
import Metrics

/// An embedded API server on a free port in a temporary folder, and an unthrottled client for it:
/// the cluster every benchmark runs against. The client goes over HTTPS on TCP, as an external client
/// would, or with `localSocket` over the server's Unix socket, as `stead up`'s own components do.
struct InProcessAPIServer {
    let server: EmbeddedAPIServer
    let client: KubeClient
    let directory: String

    static func start(
        watchHistoryLimit: Int = 10_000, watchBufferSize: Int = 10_000, localSocket: Bool = false, label: String
    ) async throws -> InProcessAPIServer {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("stead-bench-\(UUID())").path
        var options = APIServerOptions(dataDirectory: directory)
        options.port = 0
        options.watchHistoryLimit = watchHistoryLimit
        options.watchBufferSize = watchBufferSize
        if localSocket { options.localSocketPath = directory + "/apiserver.sock" }
        let server = try EmbeddedAPIServer(options: options, logger: Logger(label: label))
        try await server.start()
        return InProcessAPIServer(server: server, client: try makeClient(for: server), directory: directory)
    }

    /// Another unthrottled client of the same server, with its own connections, counting its requests
    /// in `metricsFactory` (nil: the process's).
    func makeClient(metricsFactory: (any MetricsFactory)? = nil) throws -> KubeClient {
        try Self.makeClient(for: server, metricsFactory: metricsFactory)
    }

    private static func makeClient(for server: EmbeddedAPIServer, metricsFactory: (any MetricsFactory)? = nil) throws
        -> KubeClient
    {
        var configuration = try ClientConfiguration.fromKubeconfig(server.localKubeconfig() ?? server.kubeconfig())
        configuration.qps = 0
        return try KubeClient(configuration: configuration, metricsFactory: metricsFactory)
    }

    func stop() async {
        try? await client.shutdown()
        await server.stop()
        try? FileManager.default.removeItem(atPath: directory)
    }
}
