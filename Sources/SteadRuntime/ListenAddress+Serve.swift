import ControlPlane
import Hummingbird
import HummingbirdTLS
import Logging

extension ListenAddress {
    /// Serves `router` on this address in the background, over TLS with `tls`, else plain HTTP; returns
    /// once the socket listens (``BackgroundListener/port`` is the port bound). `name` says in errors
    /// which server it is.
    func serve(
        _ router: Router<BasicRequestContext>, tls: TLSConfiguration? = nil, name: String, serverName: String,
        logger: Logger
    ) async throws -> BackgroundListener {
        let address = self
        do {
            return try await BackgroundListener.start(address: "\(address)", logger: logger) { listening in
                let configuration = ApplicationConfiguration(
                    address: .hostname(address.host, port: address.port), serverName: serverName)
                guard let tls else {
                    return Application(
                        router: router, configuration: configuration,
                        onServerRunning: { channel in listening(channel.localAddress?.port ?? 0) }, logger: logger)
                }
                return Application(
                    router: router, server: try .tls(.http1(), tlsConfiguration: tls), configuration: configuration,
                    onServerRunning: { channel in listening(channel.localAddress?.port ?? 0) }, logger: logger)
            }
        } catch is BackgroundListener.NotListening {
            throw ServerStoppedBeforeListening(name: name, address: address)
        }
    }
}

package struct ServerStoppedBeforeListening: Error, CustomStringConvertible {
    package var name: String
    package var address: ListenAddress
    package var description: String { "the \(name) on \(address) stopped before it listened" }
}
