import Foundation
import KubeModel
import Yams

extension ClientConfiguration {
    /// Builds a configuration from a parsed kubeconfig.
    ///
    /// - Parameters:
    ///   - context: the context to use; the file's `current-context` when nil.
    ///   - baseDirectory: the kubeconfig's folder; relative file paths (`certificate-authority`,
    ///     `client-certificate`, `client-key`, `tokenFile`) are resolved against it.
    ///   - source: how to name the kubeconfig in error messages (usually its path).
    public static func fromKubeconfig(
        _ config: Kubeconfig, context: String? = nil, baseDirectory: String? = nil, source: String = "kubeconfig"
    ) throws -> ClientConfiguration {
        guard let contextName = context ?? config.currentContext, !contextName.isEmpty else {
            throw ConfigurationError(
                .contextNotFound, "\(source) has no current-context and no context was given", source: source)
        }
        guard let named = config.contexts.first(where: { $0.name == contextName }) else {
            throw ConfigurationError(
                .contextNotFound,
                "context \"\(contextName)\" not found in \(source) (contexts: \(config.contexts.map(\.name)))",
                source: source)
        }
        let where_ = "context \"\(contextName)\" of \(source)"
        guard let cluster = config.clusters.first(where: { $0.name == named.context.cluster })?.cluster else {
            throw ConfigurationError(
                .clusterNotFound, "cluster \"\(named.context.cluster)\" of \(where_) not found", source: source)
        }
        let user: Kubeconfig.AuthInfo
        if named.context.user.isEmpty {
            user = Kubeconfig.AuthInfo()
        } else if let found = config.users.first(where: { $0.name == named.context.user })?.user {
            user = found
        } else {
            throw ConfigurationError(
                .userNotFound, "user \"\(named.context.user)\" of \(where_) not found", source: source)
        }
        var server = cluster.server
        while server.hasSuffix("/") { server.removeLast() }
        guard let url = URL(string: server), let scheme = url.scheme, ["https", "http", "http+unix"].contains(scheme),
            url.host != nil
        else {
            throw ConfigurationError(
                .invalidServer, "cluster server \"\(cluster.server)\" of \(where_) is not an http(s) or http+unix URL",
                source: source)
        }

        func resolve(_ path: String) -> String {
            guard let baseDirectory, !path.hasPrefix("/") else { return path }
            return URL(fileURLWithPath: baseDirectory).appendingPathComponent(path).path
        }
        func pem(data: String?, path: String?, field: String) throws -> PEMSource? {
            if let data, !data.isEmpty {
                let compact = data.filter { !$0.isWhitespace }
                guard let decoded = Data(base64Encoded: compact) else {
                    throw ConfigurationError(
                        .invalidBase64, "\(field)-data of \(where_) is not valid base64", source: source)
                }
                return .data(decoded)
            }
            if let path, !path.isEmpty { return .file(resolve(path)) }
            return nil
        }

        var configuration = ClientConfiguration(server: url)
        configuration.certificateAuthority = try pem(
            data: cluster.certificateAuthorityData, path: cluster.certificateAuthority,
            field: "certificate-authority")
        configuration.insecureSkipTLSVerify = cluster.insecureSkipTLSVerify ?? false
        configuration.tlsServerName = cluster.tlsServerName
        configuration.clientCertificate = try pem(
            data: user.clientCertificateData, path: user.clientCertificate, field: "client-certificate")
        configuration.clientKey = try pem(data: user.clientKeyData, path: user.clientKey, field: "client-key")
        if (configuration.clientCertificate == nil) != (configuration.clientKey == nil) {
            throw ConfigurationError(
                .invalidCredentials,
                "user \"\(named.context.user)\" of \(where_) has a client certificate without a key or a key "
                    + "without a certificate", source: source)
        }
        if let token = user.token, !token.isEmpty {
            configuration.bearerToken = token
        } else if let tokenFile = user.tokenFile, !tokenFile.isEmpty {
            configuration.bearerTokenFile = resolve(tokenFile)
        }
        if let namespace = named.context.namespace, !namespace.isEmpty { configuration.namespace = namespace }
        return configuration
    }

    /// Reads a kubeconfig file (YAML or JSON) and builds a configuration from it.
    public static func fromKubeconfigFile(path: String, context: String? = nil) throws -> ClientConfiguration {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConfigurationError(.unreadableFile, "cannot read kubeconfig file \(path)", source: path)
        }
        let config: Kubeconfig
        do {
            config = try parseKubeconfig(data)
        } catch {
            throw ConfigurationError(
                .invalidKubeconfig, "kubeconfig file \(path) is not valid: \(error)", source: path)
        }
        let base = URL(fileURLWithPath: path).deletingLastPathComponent().path
        return try fromKubeconfig(config, context: context, baseDirectory: base, source: path)
    }

    /// Parses kubeconfig text (YAML; JSON is YAML too).
    public static func parseKubeconfig(_ data: Data) throws -> Kubeconfig {
        guard let text = String(data: data, encoding: .utf8) else {
            throw ConfigurationError(.invalidKubeconfig, "kubeconfig is not UTF-8 text")
        }
        return try YAMLDecoder().decode(Kubeconfig.self, from: text)
    }
}
