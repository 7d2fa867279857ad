import NIOSSL

extension ClientConfiguration {
    /// The TLS settings for an `https` server; nil for `http`.
    func makeTLSConfiguration() throws -> TLSConfiguration? {
        guard server.scheme == "https" else { return nil }
        var tls = TLSConfiguration.makeClientConfiguration()
        if insecureSkipTLSVerify {
            tls.certificateVerification = .none
        }
        do {
            if let certificateAuthority, !insecureSkipTLSVerify {
                let pem = try certificateAuthority.load(what: "certificate authority")
                tls.trustRoots = .certificates(try NIOSSLCertificate.fromPEMBytes(Array(pem)))
            }
            if let clientCertificate, let clientKey {
                let certificatePEM = try clientCertificate.load(what: "client certificate")
                let keyPEM = try clientKey.load(what: "client key")
                tls.certificateChain = try NIOSSLCertificate.fromPEMBytes(Array(certificatePEM))
                    .map { .certificate($0) }
                tls.privateKey = .privateKey(try NIOSSLPrivateKey(bytes: Array(keyPEM), format: .pem))
            }
        } catch let error as ConfigurationError {
            throw error
        } catch {
            throw KubeClientError.tls("\(error)")
        }
        return tls
    }
}
