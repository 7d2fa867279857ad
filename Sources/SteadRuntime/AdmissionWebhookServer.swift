import ControlPlane
import Foundation
import Hummingbird
import KubeClient
import HummingbirdTLS
import KubeModel
import Logging
import Metrics
import SteadController
import SteadLifecycle
import Synchronization

/// Stead's validating admission webhook over HTTPS: `POST /validate-statefulpodsets` takes an
/// AdmissionReview and answers it with ``StatefulPodSetAdmission``. Served by every replica, not only
/// the leader: the API server calls whichever one its Service picks.
package final class AdmissionWebhookServer: StartStopService, Sendable {
    package let address: ListenAddress
    package let certificates: ServingCertificates
    private let logger: Logger
    private let listener = Mutex<BackgroundListener?>(nil)
    private let starting = Once()

    /// Larger than any AdmissionReview of a set the API server accepts (3 MiB bodies, old and new object).
    static let maxBodyBytes = 8 << 20

    package init(address: ListenAddress, certificates: ServingCertificates, logger: Logger) {
        self.address = address
        self.certificates = certificates
        self.logger = logger
    }

    /// The port actually bound (the requested one before ``start()``).
    package var port: Int { listener.withLock { $0?.port } ?? address.port }

    /// `https://host:port/validate-statefulpodsets` with the port actually bound.
    package var url: String {
        "https://\(ListenAddress(host: address.host, port: port))\(StatefulPodSetAdmission.path)"
    }

    package func start() async throws {
        guard starting.claim() else { return }
        let started = try await address.serve(
            Self.router(logger: logger), tls: try certificates.serverTLSConfiguration(), name: "admission webhook",
            serverName: "stead-webhook", logger: logger)
        listener.withLock { $0 = started }
        logger.info("admission webhook listening", metadata: ["url": "\(url)"])
    }

    package func stop() async {
        await listener.withLock { $0 }?.stop()
    }

    private static func router(logger: Logger) -> Router<BasicRequestContext> {
        let router = Router()
        router.post(RouterPath(StatefulPodSetAdmission.path)) { request, context in
            let body = try await request.body.collect(upTo: maxBodyBytes)
            guard let review = try? KubeJSON.decode(AdmissionReview.self, from: Data(buffer: body)),
                let admission = review.request
            else {
                return Response(
                    status: .badRequest, headers: [.contentType: "text/plain; charset=utf-8"],
                    body: ResponseBody(byteBuffer: ByteBuffer(string: "expected an admission.k8s.io/v1 AdmissionReview with a request\n")))
            }
            let answer = StatefulPodSetAdmission.review(admission)
            record(answer, for: admission, logger: logger)
            let data = try KubeJSON.encode(AdmissionReview(response: answer))
            return Response(
                status: .ok, headers: [.contentType: "application/json"],
                body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
        }
        router.get("healthz") { _, _ in "ok\n" }
        return router
    }

    private static func record(_ answer: AdmissionResponse, for request: AdmissionRequest, logger: Logger) {
        Counter(
            label: "stead_admission_webhook_requests_total",
            dimensions: [("operation", request.operation.rawValue), ("allowed", "\(answer.allowed)")]
        ).increment()
        guard !answer.allowed else { return }
        logger.info(
            "refused an invalid StatefulPodSet",
            metadata: [
                "statefulpodset": "\(ObjectKey(namespace: request.namespace, name: request.name ?? ""))",
                "operation": "\(request.operation.rawValue)", "reason": "\(answer.status?.message ?? "")",
            ])
    }
}

extension AdmissionWebhookServer {
    /// What `stead run --webhook-address` starts: the certificate from its Secret (made by the first
    /// replica, for the Service's DNS names or the listening host), the HTTPS listener, and where the API
    /// server is to call it (through `service`, port 443, else the listener's URL). Every replica serves;
    /// the leader registers.
    package static func start(
        address: ListenAddress, service: ObjectKey?, secret: ObjectKey, using client: KubeClient, logger: Logger
    ) async throws -> (server: AdmissionWebhookServer, registration: WebhookRegistration) {
        let names = service.map(serviceNames) ?? [address.host]
        let certificates = try await WebhookCertificates.loadOrCreate(secret: secret, names: names, using: client)
        let server = AdmissionWebhookServer(address: address, certificates: certificates, logger: logger)
        try await server.start()
        let endpoint: WebhookEndpoint =
            service.map { .service(namespace: $0.namespace ?? "default", name: $0.name, port: 443) } ?? .url(server.url)
        return (server, WebhookRegistration(endpoint: endpoint, caCertificatePEM: certificates.caCertificatePEM))
    }

    /// The DNS names a Service answers to inside the cluster.
    static func serviceNames(_ service: ObjectKey) -> [String] {
        let namespace = service.namespace ?? "default"
        return [service.name, "\(service.name).\(namespace)", "\(service.name).\(namespace).svc",
                "\(service.name).\(namespace).svc.cluster.local"]
    }
}

