import Hummingbird
import HummingbirdCore
import HummingbirdTLS
import Logging
import NIOCore
import NIOSSL

/// Builds the HTTP application: the one place the listener is configured.
enum Listener {
    static func makeApplication(
        responder: APIResponder, address: BindAddress, certificates: ServingCertificates?,
        idleTimeout: Double, bodyTimeout: Double, logger: Logger,
        onRunning: @escaping @Sendable (any Channel) async -> Void
    ) throws -> Application<APIResponder> {
        Application(
            responder: responder,
            server: try serverBuilder(certificates, idleTimeout: idleTimeout, bodyTimeout: bodyTimeout),
            configuration: ApplicationConfiguration(address: address, serverName: "stead-apiserver"),
            onServerRunning: onRunning,
            logger: logger)
    }

    /// Hummingbird closes a connection that sends nothing for `idleTimeout` (a client that connects and
    /// stays silent, or stalls inside a request); it leaves alone a connection whose request is answered.
    /// A body that trickles too slowly gets 408 from the resource handler, then the connection closes;
    /// one still trickling `bodyTimeout` after any other early answer is cut too.
    private static func serverBuilder(_ certificates: ServingCertificates?, idleTimeout: Double, bodyTimeout: Double)
        throws -> HTTPServerBuilder
    {
        let http1 = HTTP1Channel.Configuration(
            additionalChannelHandlers: [SlowBodyCloser(drainTimeout: .milliseconds(Int64(bodyTimeout * 1000)))],
            idleTimeout: .milliseconds(Int64(idleTimeout * 1000)))
        guard let certificates else { return .http1(configuration: http1) }
        return try .tls(.http1(configuration: http1), tlsConfiguration: certificates.serverTLSConfiguration())
    }
}

extension ServingCertificates {
    /// The TLS side of a server presenting this certificate.
    public func serverTLSConfiguration() throws -> TLSConfiguration {
        let chain = try NIOSSLCertificate.fromPEMBytes(Array(certificatePEM.utf8))
        let key = try NIOSSLPrivateKey(bytes: Array(privateKeyPEM.utf8), format: .pem)
        return TLSConfiguration.makeServerConfiguration(
            certificateChain: chain.map { .certificate($0) }, privateKey: .privateKey(key))
    }
}
