import Foundation

/// PEM material given inline or as a file that is read when the client is built.
public enum PEMSource: Sendable, Hashable {
    case data(Data)
    case file(String)

    /// The PEM bytes; reading a file fails with a ``ConfigurationError`` naming the file.
    public func load(what: String) throws -> Data {
        switch self {
        case .data(let data):
            return data
        case .file(let path):
            guard let data = FileManager.default.contents(atPath: path) else {
                throw ConfigurationError(.unreadableFile, "cannot read \(what) file \(path)", source: path)
            }
            return data
        }
    }
}

/// Everything a ``KubeClient`` needs to reach and authenticate to an API server.
public struct ClientConfiguration: Sendable, Hashable {
    /// `https://host:port` (or `http://` for a local test server), without a trailing path.
    public var server: URL
    /// A static bearer token. Takes precedence over ``bearerTokenFile``.
    public var bearerToken: String?
    /// A file holding the bearer token; re-read whenever its modification time changes (projected
    /// service-account tokens rotate).
    public var bearerTokenFile: String?
    public var clientCertificate: PEMSource?
    public var clientKey: PEMSource?
    /// Trusted roots for the server's certificate; the system roots when nil.
    public var certificateAuthority: PEMSource?
    public var insecureSkipTLSVerify: Bool
    /// The name to send in SNI and to verify the server certificate against, when not the URL's host.
    public var tlsServerName: String?
    /// The namespace used when a call on a namespaced resource gives none and the object has none.
    public var namespace: String
    /// Client-side rate limit: sustained requests per second (0 or less disables the limit).
    public var qps: Double
    /// Client-side rate limit: the largest burst of requests.
    public var burst: Int
    public var userAgent: String
    /// Deadline for one non-watch request, body included.
    public var requestTimeout: Duration

    public init(
        server: URL,
        bearerToken: String? = nil,
        bearerTokenFile: String? = nil,
        clientCertificate: PEMSource? = nil,
        clientKey: PEMSource? = nil,
        certificateAuthority: PEMSource? = nil,
        insecureSkipTLSVerify: Bool = false,
        tlsServerName: String? = nil,
        namespace: String = "default",
        qps: Double = 50,
        burst: Int = 100,
        userAgent: String = "stead-kubeclient/0.1",
        requestTimeout: Duration = .seconds(30)
    ) {
        self.server = server
        self.bearerToken = bearerToken
        self.bearerTokenFile = bearerTokenFile
        self.clientCertificate = clientCertificate
        self.clientKey = clientKey
        self.certificateAuthority = certificateAuthority
        self.insecureSkipTLSVerify = insecureSkipTLSVerify
        self.tlsServerName = tlsServerName
        self.namespace = namespace
        self.qps = qps
        self.burst = burst
        self.userAgent = userAgent
        self.requestTimeout = requestTimeout
    }
}
