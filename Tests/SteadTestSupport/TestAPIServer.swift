import ControlPlane
import Foundation
import KubeClient
import Logging
import Metrics

/// An embedded API server on a free port in a temporary folder of its own, and an unthrottled client
/// configured from its kubeconfig: the cluster every integration test and benchmark runs against, started
/// one way. ``withAPIServer(label:configure:_:)`` stops it afterwards whatever happens.
public struct TestAPIServer: Sendable {
    public let server: EmbeddedAPIServer
    public let client: KubeClient
    public let directory: String
    let label: String

    /// - Parameters:
    ///   - label: names the folder and the loggers (`<label>.apiserver`, `<label>.client`).
    ///   - directory: an existing data folder to start on (a restart); a fresh one when nil.
    ///   - configure: changes the server's options (port 0 and the folder are set already).
    public static func start(
        label: String = "test", directory: String? = nil, configure: (inout APIServerOptions) -> Void = { _ in }
    ) async throws -> TestAPIServer {
        let directory =
            directory ?? FileManager.default.temporaryDirectory.appendingPathComponent("\(label)-\(UUID().uuidString)").path
        var options = APIServerOptions(dataDirectory: directory)
        options.port = 0
        configure(&options)
        let server = try EmbeddedAPIServer(options: options, logger: quietLogger("\(label).apiserver"))
        try await server.start()
        let client = try makeClient(for: server, logger: quietLogger("\(label).client"))
        return TestAPIServer(server: server, client: client, directory: directory, label: label)
    }

    /// Another client of the same server, with its own connections: over the server's Unix socket when
    /// it has one (as `stead up`'s own components), else HTTPS; counting its requests in `metricsFactory`
    /// (nil: the process's); with `token`, as the user of that token instead of the admin.
    public func makeClient(
        qps: Double = 0, burst: Int? = nil, userAgent: String? = nil, token: String? = nil,
        metricsFactory: (any MetricsFactory)? = nil
    ) throws -> KubeClient {
        try Self.makeClient(
            for: server, qps: qps, burst: burst, userAgent: userAgent, token: token, metricsFactory: metricsFactory,
            logger: quietLogger("\(label).client"))
    }

    private static func makeClient(
        for server: EmbeddedAPIServer, qps: Double = 0, burst: Int? = nil, userAgent: String? = nil,
        token: String? = nil, metricsFactory: (any MetricsFactory)? = nil, logger: Logger
    ) throws -> KubeClient {
        var configuration = try ClientConfiguration.fromKubeconfig(server.localKubeconfig() ?? server.kubeconfig())
        if let token { configuration.bearerToken = token }
        configuration.qps = qps
        if let burst { configuration.burst = burst }
        if let userAgent { configuration.userAgent = userAgent }
        return try KubeClient(configuration: configuration, logger: logger, metricsFactory: metricsFactory)
    }

    /// Stops the client and the server; removes the data folder unless told to keep it for a restart.
    public func stop(removeDirectory: Bool = true) async {
        try? await client.shutdown()
        await server.stop()
        if removeDirectory { try? FileManager.default.removeItem(atPath: directory) }
    }
}

/// Runs `body` against a fresh ``TestAPIServer``, stopped afterwards whatever happens.
public func withAPIServer<R>(
    label: String = "test", configure: (inout APIServerOptions) -> Void = { _ in },
    _ body: (TestAPIServer) async throws -> R
) async throws -> R {
    let api = try await TestAPIServer.start(label: label, configure: configure)
    do {
        let result = try await body(api)
        await api.stop()
        return result
    } catch {
        await api.stop()
        throw error
    }
}

/// A logger for a part under test: errors only, or the level in `STEAD_TEST_LOG` (e.g. `debug`).
public func quietLogger(_ label: String) -> Logger {
    var logger = Logger(label: label)
    logger.logLevel = ProcessInfo.processInfo.environment["STEAD_TEST_LOG"].flatMap(Logger.Level.init(rawValue:)) ?? .error
    return logger
}
