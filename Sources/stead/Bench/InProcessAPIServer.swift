import ControlPlane
import Foundation
import KubeClient
import Logging

/// An embedded API server on a free port in a temporary folder, and an unthrottled client for it:
/// the cluster every benchmark runs against.
struct InProcessAPIServer {
    let server: EmbeddedAPIServer
    let client: KubeClient
    let directory: String

    static func start(
        watchHistoryLimit: Int = 10_000, watchBufferSize: Int = 10_000, label: String
    ) async throws -> InProcessAPIServer {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("stead-bench-\(UUID())").path
        var options = APIServerOptions(dataDirectory: directory)
        options.port = 0
        options.watchHistoryLimit = watchHistoryLimit
        options.watchBufferSize = watchBufferSize
        let server = try EmbeddedAPIServer(options: options, logger: Logger(label: label))
        try await server.start()
        var configuration = try ClientConfiguration.fromKubeconfig(server.kubeconfig())
        configuration.qps = 0
        return InProcessAPIServer(server: server, client: try KubeClient(configuration: configuration), directory: directory)
    }

    /// Another unthrottled client of the same server, with its own connections and request count.
    func makeClient() throws -> KubeClient {
        var configuration = try ClientConfiguration.fromKubeconfig(server.kubeconfig())
        configuration.qps = 0
        return try KubeClient(configuration: configuration)
    }

    func stop() async {
        try? await client.shutdown()
        await server.stop()
        try? FileManager.default.removeItem(atPath: directory)
    }
}
