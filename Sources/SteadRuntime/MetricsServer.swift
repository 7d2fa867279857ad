import ControlPlane
import Hummingbird
import Logging
import Prometheus
import ServiceLifecycle
import SteadLifecycle
import Synchronization

/// Plain HTTP for operators and probes: `/metrics` (Prometheus text), `/healthz` (the process serves),
/// `/readyz` (every required ``Readiness`` check passed; 503 with the pending ones otherwise).
///
/// ``start()`` returns once the socket listens; as a `Service` it runs until graceful shutdown.
package final class MetricsServer: StartStopService, Sendable {
    package let address: ListenAddress
    private let registry: PrometheusCollectorRegistry
    private let readiness: Readiness
    private let logger: Logger
    private let runtime = Mutex<Runtime>(Runtime())

    private let starting = Once()

    private struct Runtime {
        var listener: BackgroundListener?
    }

    package init(address: ListenAddress, registry: PrometheusCollectorRegistry, readiness: Readiness, logger: Logger) {
        self.address = address
        self.registry = registry
        self.readiness = readiness
        self.logger = logger
    }

    /// `http://host:port` with the port actually bound.
    package var baseURL: String {
        let port = runtime.withLock { $0.listener?.port } ?? address.port
        return "http://\(ListenAddress(host: address.host, port: port))"
    }

    package func start() async throws {
        guard starting.claim() else { return }
        let listener = try await address.serve(
            makeRouter(), name: "metrics server", serverName: "stead-metrics", logger: logger)
        runtime.withLock { $0.listener = listener }
        logger.info("metrics listening", metadata: ["address": "\(baseURL)"])
    }

    package func stop() async {
        await runtime.withLock { $0.listener }?.stop()
    }

    private func makeRouter() -> Router<BasicRequestContext> {
        let router = Router()
        let registry = self.registry
        let readiness = self.readiness
        router.get("metrics") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                body: ResponseBody(byteBuffer: ByteBuffer(bytes: registry.emitToBuffer())))
        }
        router.get("healthz") { _, _ in Self.text(.ok, "ok") }
        router.get("readyz") { _, _ in
            let pending = readiness.pending
            return pending.isEmpty
                ? Self.text(.ok, "ok") : Self.text(.serviceUnavailable, "not ready: " + pending.joined(separator: ", "))
        }
        return router
    }

    private static func text(_ status: HTTPResponse.Status, _ body: String) -> Response {
        Response(
            status: status, headers: [.contentType: "text/plain; charset=utf-8"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: body + "\n")))
    }
}
