import Hummingbird
import HummingbirdCore
import HummingbirdTLS
import Logging
import NIOCore
import NIOSSL

/// Builds the HTTP application: the one place the listener is configured.
enum Listener {
    static func makeApplication(
        responder: APIResponder, host: String, port: Int, certificates: ServingCertificates?, logger: Logger,
        onRunning: @escaping @Sendable (any Channel) async -> Void
    ) throws -> Application<APIResponder> {
        Application(
            responder: responder,
            server: try serverBuilder(certificates),
            configuration: ApplicationConfiguration(address: .hostname(host, port: port), serverName: "stead-apiserver"),
            onServerRunning: onRunning,
            logger: logger)
    }

    private static func serverBuilder(_ certificates: ServingCertificates?) throws -> HTTPServerBuilder {
        guard let certificates else { return .http1() }
        let chain = try NIOSSLCertificate.fromPEMBytes(Array(certificates.certificatePEM.utf8))
        let key = try NIOSSLPrivateKey(bytes: Array(certificates.privateKeyPEM.utf8), format: .pem)
        let configuration = TLSConfiguration.makeServerConfiguration(
            certificateChain: chain.map { .certificate($0) }, privateKey: .privateKey(key))
        return try .tls(.http1(), tlsConfiguration: configuration)
    }
}
