import Foundation
import NIOSSL
import Testing

@testable import KubeClient

/// A throwaway self-signed P-256 certificate and key made for these tests only.
enum TestPEM {
    static let certificate = """
-----BEGIN CERTIFICATE-----
MIIBgTCCASegAwIBAgIUPUNsbxUrmxsJnSUkJntnKWocYXkwCgYIKoZIzj0EAwIw
FTETMBEGA1UEAwwKc3RlYWQtdGVzdDAgFw0yNjExMjcwODU5NTlaGA8yMTI2MTEw
MzA4NTk1OVowFTETMBEGA1UEAwwKc3RlYWQtdGVzdDBZMBMGByqGSM49AgEGCCqG
SM49AwEHA0IABPhyY61EfgFkz3qkjF8BOM1wNKVprln9t0At9mtH15TBpghSgj9D
eSgjfKfAFYxcuyCyobKlZ3GhPkttRlSroG+jUzBRMB0GA1UdDgQWBBQug8iVvu7L
+Bqz5LG9tv6KwSvYbDAfBgNVHSMEGDAWgBQug8iVvu7L+Bqz5LG9tv6KwSvYbDAP
BgNVHRMBAf8EBTADAQH/MAoGCCqGSM49BAMCA0gAMEUCIDYYT83rfMIDOdcDDUXE
iKF00EwpNt3ZLvsnOqFEl9EEAiEAmST0HQrRwsbcESQ1cZFE8Y4uH26HAqvm2EIx
HAXEZIQ=
-----END CERTIFICATE-----
"""
    static let key = """
-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgzEDaGFLRt4XUTYQ4
obRTchNnCyqc2xYt6JLcMNDEJoehRANCAAT4cmOtRH4BZM96pIxfATjNcDSlaa5Z
/bdALfZrR9eUwaYIUoI/Q3koI3ynwBWMXLsgsqGypWdxoT5LbUZUq6Bv
-----END PRIVATE KEY-----
"""
}

@Suite("TLS configuration")
struct TLSConfigurationTests {
    let https = URL(string: "https://10.0.0.1:6443")!

    @Test func plainHTTPHasNoTLS() throws {
        #expect(try ClientConfiguration(server: URL(string: "http://127.0.0.1:8080")!).makeTLSConfiguration() == nil)
    }

    @Test func certificateAuthorityAndClientCertificateFromData() throws {
        let configuration = ClientConfiguration(
            server: https, clientCertificate: .data(Data(TestPEM.certificate.utf8)), clientKey: .data(Data(TestPEM.key.utf8)),
            certificateAuthority: .data(Data(TestPEM.certificate.utf8)))
        let tls = try #require(try configuration.makeTLSConfiguration())
        #expect(tls.certificateChain.count == 1)
        #expect(tls.privateKey != nil)
        if case .certificates(let roots) = tls.trustRoots { #expect(roots.count == 1) } else { Issue.record("expected custom roots") }
        #expect(tls.certificateVerification == .fullVerification)
    }

    @Test func materialFromFilesAndInsecureSkipVerify() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tls-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data(TestPEM.certificate.utf8).write(to: dir.appendingPathComponent("ca.crt"))
        var configuration = ClientConfiguration(server: https, certificateAuthority: .file(dir.appendingPathComponent("ca.crt").path))
        #expect(try configuration.makeTLSConfiguration() != nil)
        configuration.insecureSkipTLSVerify = true
        #expect(try configuration.makeTLSConfiguration()?.certificateVerification == CertificateVerification.none)

        configuration = ClientConfiguration(server: https, certificateAuthority: .file(dir.appendingPathComponent("missing.crt").path))
        let missing = #expect(throws: ConfigurationError.self) { _ = try configuration.makeTLSConfiguration() }
        #expect(missing?.message.contains("missing.crt") == true)
    }

    @Test func garbagePEMIsATLSError() throws {
        let configuration = ClientConfiguration(server: https, certificateAuthority: .data(Data("not a certificate".utf8)))
        #expect(throws: KubeClientError.self) { _ = try configuration.makeTLSConfiguration() }
        #expect(throws: KubeClientError.self) { _ = try KubeClient(configuration: configuration) }
    }

    @Test func tlsServerNameOverridesTheRequestHost() throws {
        var configuration = ClientConfiguration(server: https, insecureSkipTLSVerify: true, qps: 0)
        configuration.tlsServerName = "kubernetes.default.svc"
        let (http, base) = try KubeClient.transport(for: configuration)
        #expect(base == "https://kubernetes.default.svc:6443")
        #expect(http.dnsOverride == ["kubernetes.default.svc": "10.0.0.1"])
    }
}
