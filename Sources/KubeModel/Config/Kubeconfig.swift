/// The kubeconfig file format (`clientcmd/v1` Config), the subset Stead reads and writes.
/// Field names are those of the file; kubeconfigs are YAML, which the client and server read with Yams.
public struct Kubeconfig: Codable, Sendable, Hashable {
    public var apiVersion: String? = "v1"
    public var kind: String? = "Config"
    public var currentContext: String?
    public var clusters: [NamedCluster]
    public var users: [NamedUser]
    public var contexts: [NamedContext]

    enum CodingKeys: String, CodingKey {
        case apiVersion, kind, clusters, users, contexts
        case currentContext = "current-context"
    }

    public init(
        currentContext: String?, clusters: [NamedCluster], users: [NamedUser], contexts: [NamedContext]
    ) {
        self.currentContext = currentContext
        self.clusters = clusters
        self.users = users
        self.contexts = contexts
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        apiVersion = try container.decodeIfPresent(String.self, forKey: .apiVersion)
        kind = try container.decodeIfPresent(String.self, forKey: .kind)
        currentContext = try container.decodeIfPresent(String.self, forKey: .currentContext)
        clusters = try container.decodeIfPresent([NamedCluster].self, forKey: .clusters) ?? []
        users = try container.decodeIfPresent([NamedUser].self, forKey: .users) ?? []
        contexts = try container.decodeIfPresent([NamedContext].self, forKey: .contexts) ?? []
    }

    /// A kubeconfig with one cluster, one user and one context, all named `name`.
    public static func single(
        name: String, server: String, token: String, certificateAuthorityData: String? = nil,
        insecureSkipTLSVerify: Bool? = nil
    ) -> Kubeconfig {
        Kubeconfig(
            currentContext: name,
            clusters: [
                NamedCluster(
                    name: name,
                    cluster: Cluster(
                        server: server, certificateAuthorityData: certificateAuthorityData,
                        insecureSkipTLSVerify: insecureSkipTLSVerify))
            ],
            users: [NamedUser(name: name, user: AuthInfo(token: token))],
            contexts: [NamedContext(name: name, context: Context(cluster: name, user: name, namespace: nil))])
    }

    public struct NamedCluster: Codable, Sendable, Hashable {
        public var name: String
        public var cluster: Cluster
        public init(name: String, cluster: Cluster) {
            self.name = name
            self.cluster = cluster
        }
    }

    public struct Cluster: Codable, Sendable, Hashable {
        public var server: String
        public var certificateAuthority: String?
        public var certificateAuthorityData: String?
        public var insecureSkipTLSVerify: Bool?
        public var tlsServerName: String?

        enum CodingKeys: String, CodingKey {
            case server
            case certificateAuthority = "certificate-authority"
            case certificateAuthorityData = "certificate-authority-data"
            case insecureSkipTLSVerify = "insecure-skip-tls-verify"
            case tlsServerName = "tls-server-name"
        }

        public init(
            server: String, certificateAuthority: String? = nil, certificateAuthorityData: String? = nil,
            insecureSkipTLSVerify: Bool? = nil
        ) {
            self.server = server
            self.certificateAuthority = certificateAuthority
            self.certificateAuthorityData = certificateAuthorityData
            self.insecureSkipTLSVerify = insecureSkipTLSVerify
        }
    }

    public struct NamedUser: Codable, Sendable, Hashable {
        public var name: String
        public var user: AuthInfo
        public init(name: String, user: AuthInfo) {
            self.name = name
            self.user = user
        }
    }

    public struct AuthInfo: Codable, Sendable, Hashable {
        public var token: String?
        public var tokenFile: String?
        public var clientCertificate: String?
        public var clientCertificateData: String?
        public var clientKey: String?
        public var clientKeyData: String?

        enum CodingKeys: String, CodingKey {
            case token, tokenFile
            case clientCertificate = "client-certificate"
            case clientCertificateData = "client-certificate-data"
            case clientKey = "client-key"
            case clientKeyData = "client-key-data"
        }

        public init(
            token: String? = nil, tokenFile: String? = nil, clientCertificate: String? = nil,
            clientCertificateData: String? = nil, clientKey: String? = nil, clientKeyData: String? = nil
        ) {
            self.token = token
            self.tokenFile = tokenFile
            self.clientCertificate = clientCertificate
            self.clientCertificateData = clientCertificateData
            self.clientKey = clientKey
            self.clientKeyData = clientKeyData
        }
    }

    public struct NamedContext: Codable, Sendable, Hashable {
        public var name: String
        public var context: Context
        public init(name: String, context: Context) {
            self.name = name
            self.context = context
        }
    }

    public struct Context: Codable, Sendable, Hashable {
        public var cluster: String
        public var user: String
        public var namespace: String?
        public init(cluster: String, user: String, namespace: String?) {
            self.cluster = cluster
            self.user = user
            self.namespace = namespace
        }
    }
}
