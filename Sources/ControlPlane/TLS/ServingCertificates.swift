import Crypto
import Foundation
import SwiftASN1
import X509

/// The CA and serving certificate of the embedded API server, made on first start and kept in the
/// data folder (`ca.crt`, `ca.key`, `apiserver.crt`, `apiserver.key`), so the kubeconfig written once
/// stays valid across restarts. The serving certificate names `localhost`, `127.0.0.1`, `::1` and the
/// listening host.
public struct ServingCertificates: Sendable {
    public let caCertificatePEM: String
    public let certificatePEM: String
    public let privateKeyPEM: String

    public init(caCertificatePEM: String, certificatePEM: String, privateKeyPEM: String) {
        self.caCertificatePEM = caCertificatePEM
        self.certificatePEM = certificatePEM
        self.privateKeyPEM = privateKeyPEM
    }

    static let validity: TimeInterval = 10 * 365 * 24 * 3600

    public static func loadOrCreate(in directory: String, host: String) throws -> ServingCertificates {
        let files = Files(directory: directory)
        if let existing = try? files.load(), try existing.covers(host: host) {
            return existing
        }
        let created = try make(host: host)
        try files.save(created)
        return created
    }

    static func make(host: String) throws -> ServingCertificates {
        try make(subjectNames: subjectNames(host: host), commonName: "stead-apiserver")
    }

    /// A new CA and a serving certificate it signs for `names` (DNS names or IP addresses), such as an
    /// admission webhook's Service names `stead-webhook.stead-system.svc`.
    public static func make(names: [String], commonName: String) throws -> ServingCertificates {
        try make(subjectNames: names.map(generalName), commonName: commonName)
    }

    static func make(subjectNames: [GeneralName], commonName: String) throws -> ServingCertificates {
        let now = Date()
        let caKey = Certificate.PrivateKey(P256.Signing.PrivateKey())
        let caName = try DistinguishedName { CommonName("stead-ca") }
        let ca = try Certificate(
            version: .v3, serialNumber: .init(), publicKey: caKey.publicKey,
            notValidBefore: now.addingTimeInterval(-3600), notValidAfter: now.addingTimeInterval(validity),
            issuer: caName, subject: caName,
            extensions: try Certificate.Extensions {
                Critical(BasicConstraints.isCertificateAuthority(maxPathLength: 0))
                Critical(KeyUsage(digitalSignature: true, keyCertSign: true, cRLSign: true))
            },
            issuerPrivateKey: caKey)

        let serverKey = Certificate.PrivateKey(P256.Signing.PrivateKey())
        let server = try Certificate(
            version: .v3, serialNumber: .init(), publicKey: serverKey.publicKey,
            notValidBefore: now.addingTimeInterval(-3600), notValidAfter: now.addingTimeInterval(validity),
            issuer: caName, subject: try DistinguishedName { CommonName(commonName) },
            extensions: try Certificate.Extensions {
                Critical(BasicConstraints.notCertificateAuthority)
                Critical(KeyUsage(digitalSignature: true, keyEncipherment: true))
                try ExtendedKeyUsage([.serverAuth])
                SubjectAlternativeNames(subjectNames)
            },
            issuerPrivateKey: caKey)
        return ServingCertificates(
            caCertificatePEM: try ca.serializeAsPEM().pemString,
            certificatePEM: try server.serializeAsPEM().pemString,
            privateKeyPEM: try serverKey.serializeAsPEM().pemString)
    }

    static func subjectNames(host: String) -> [GeneralName] {
        var names = ["localhost", "127.0.0.1", "::1"].map(generalName)
        if !host.isEmpty, !names.contains(generalName(host)) { names.append(generalName(host)) }
        return names
    }

    static func generalName(_ name: String) -> GeneralName {
        IPAddressBytes.parse(name).map { .ipAddress(ASN1OctetString(contentBytes: ArraySlice($0))) } ?? .dnsName(name)
    }

    /// Whether the serving certificate already names `host` (a new `--host` needs a new certificate).
    func covers(host: String) throws -> Bool {
        try covers(Self.subjectNames(host: host))
    }

    /// Whether the serving certificate names each of `names` and stays valid for at least another day.
    public func covers(names: [String]) throws -> Bool {
        try covers(names.map(Self.generalName))
    }

    private func covers(_ wanted: [GeneralName]) throws -> Bool {
        let certificate = try Certificate(pemEncoded: certificatePEM)
        guard certificate.notValidAfter > Date().addingTimeInterval(24 * 3600),
            let names = try certificate.extensions.subjectAlternativeNames
        else { return false }
        return wanted.allSatisfy { names.contains($0) }
    }

    /// The CA certificate, base64, as a kubeconfig's `certificate-authority-data`.
    public var caCertificateBase64: String { Data(caCertificatePEM.utf8).base64EncodedString() }

    private struct Files {
        let directory: String
        var ca: String { directory + "/ca.crt" }
        var certificate: String { directory + "/apiserver.crt" }
        var key: String { directory + "/apiserver.key" }

        func load() throws -> ServingCertificates {
            ServingCertificates(
                caCertificatePEM: try String(contentsOfFile: ca, encoding: .utf8),
                certificatePEM: try String(contentsOfFile: certificate, encoding: .utf8),
                privateKeyPEM: try String(contentsOfFile: key, encoding: .utf8))
        }

        func save(_ certificates: ServingCertificates) throws {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            try write(certificates.caCertificatePEM, to: ca, mode: 0o644)
            try write(certificates.certificatePEM, to: certificate, mode: 0o644)
            try write(certificates.privateKeyPEM, to: key, mode: 0o600)
        }

        private func write(_ text: String, to path: String, mode: Int) throws {
            // Created with its mode: a private key is never readable by others, not even for a moment.
            guard FileManager.default.createFile(atPath: path, contents: Data(text.utf8), attributes: [.posixPermissions: mode])
            else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path]) }
            try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: path)
        }
    }
}

/// Parses dotted IPv4 and simple IPv6 text into address bytes.
enum IPAddressBytes {
    static func parse(_ text: String) -> [UInt8]? {
        var v4 = in_addr()
        if inet_pton(AF_INET, text, &v4) == 1 {
            return withUnsafeBytes(of: &v4) { Array($0) }
        }
        var v6 = in6_addr()
        if inet_pton(AF_INET6, text, &v6) == 1 {
            return withUnsafeBytes(of: &v6) { Array($0) }
        }
        return nil
    }
}
