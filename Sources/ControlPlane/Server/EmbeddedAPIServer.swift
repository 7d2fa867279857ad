import Foundation
import Hummingbird
import KubeModel
import Logging
import ServiceLifecycle
import SteadLifecycle
import Synchronization
import Yams

/// A Kubernetes-compatible API server inside the process: HTTP (Hummingbird) in front of a SQLite store.
///
/// `start()` returns once the socket listens; `stop()` closes the watches, the listener and the store.
/// As a `Service` it runs until cancelled or shut down gracefully.
public final class EmbeddedAPIServer: StartStopService, Sendable {
    public let options: APIServerOptions
    public let token: String
    let serviceAccountTokens: ServiceAccountTokens
    /// The CA and serving certificate when `options.tls` is on.
    public let certificates: ServingCertificates?
    let store: ObjectStore
    let registry: ResourceRegistry
    /// Garbage collection and namespace deletion.
    let lifecycle: LifecycleControllers
    /// Open while the server runs when `options.auditLogPath` is set.
    let audit: AuditLog?
    private let logger: Logger
    private let runtime = Mutex<Runtime>(Runtime())
    private let starting = Once()
    private let stopping = Once()

    private struct Runtime {
        var listener: BackgroundListener?
        /// On `options.localSocketPath`.
        var localListener: BackgroundListener?
    }

    public init(options: APIServerOptions, logger: Logger) throws {
        if let path = options.localSocketPath, !APIServerOptions.isUsableLocalSocketPath(path) {
            throw InvalidLocalSocketPath(path: path)
        }
        self.options = options
        self.logger = logger
        self.token = try TokenFile.resolve(given: options.token, directory: options.dataDirectory)
        self.serviceAccountTokens = try ServiceAccountTokens(directory: options.dataDirectory)
        self.certificates = options.tls
            ? try ServingCertificates.loadOrCreate(in: options.dataDirectory, host: options.host) : nil
        self.audit = try options.auditLogPath.map { path throws(AuditLogError) in try AuditLog(path: path, logger: logger) }
        self.registry = ResourceRegistry()
        self.store = try ObjectStore(
            directory: options.dataDirectory, historyLimit: options.watchHistoryLimit,
            watchBufferSize: options.watchBufferSize, logger: logger)
        self.lifecycle = LifecycleControllers(store: store, registry: registry, logger: logger)
        try createInitialObjects()
        CustomResources(store: store, registry: registry, logger: logger).restore()
    }

    /// What a new cluster has (namespaces, the system priority classes, a default StorageClass), made again
    /// when missing, as kube-apiserver and a distribution's add-ons ensure them on every start.
    private func createInitialObjects() throws {
        for (resource, body) in BuiltinResources.initialObjects {
            let name = body[path: ["metadata", "name"]]?.stringValue ?? ""
            guard !store.exists(resource, ObjectKey(namespace: nil, name: name)) else { continue }
            let object = try ObjectRules.prepareForCreate(body, resource: resource, namespace: nil, generatedSuffix: "")
            _ = try store.create(resource, object)
        }
    }

    /// Starts listening; returns once the sockets are bound. If one cannot be, what was started is
    /// stopped again (listeners, controllers, the store's hold on the data directory) before the error.
    public func start() async throws {
        guard starting.claim() else { return }
        lifecycle.start()
        let responder = APIResponder(
            authenticator: Authenticator(adminToken: token, tokens: serviceAccountTokens, store: store),
            authorizer: RBACAuthorizer(store: store),
            resources: ResourceHandler(
                store: store, registry: registry, options: options, tokens: serviceAccountTokens, logger: logger),
            discovery: Discovery(registry: registry), audit: audit, logger: logger)
        do {
            try await startListening(responder)
        } catch {
            await stop()
            throw error
        }
    }

    private func startListening(_ responder: APIResponder) async throws {
        let listener = try await listen(
            responder, at: .hostname(options.host, port: options.port), named: "\(hostInAddress):\(options.port)",
            certificates: certificates)
        runtime.withLock { $0.listener = listener }
        logger.info("API server listening", metadata: ["address": "\(options.host):\(listener.port)"])
        if let path = options.localSocketPath {
            let local = try await listen(responder, at: .unixDomainSocket(path: path), named: path, certificates: nil)
            runtime.withLock { $0.localListener = local }
            guard chmod(path, 0o600) == 0 else {
                throw Status.failure(.internalError, "cannot make the local socket \(path) private: errno \(errno)")
            }
            logger.info("API server listening", metadata: ["socket": "\(path)"])
        }
    }

    private func listen(
        _ responder: APIResponder, at address: BindAddress, named name: String, certificates: ServingCertificates?
    ) async throws -> BackgroundListener {
        do {
            return try await BackgroundListener.start(address: name, logger: logger) { [options, logger] listening in
                try Listener.makeApplication(
                    responder: responder, address: address, certificates: certificates,
                    idleTimeout: options.idleTimeout, bodyTimeout: options.requestBodyTimeout, logger: logger,
                    onRunning: { channel in listening(channel.localAddress?.port ?? 0) })
            }
        } catch is BackgroundListener.NotListening {
            throw Status.failure(.internalError, "the API server stopped before it started listening")
        }
    }

    /// `https://host:port` (`http://` without TLS) with the port actually bound.
    public var baseURL: String {
        let port = runtime.withLock { $0.listener?.port } ?? options.port
        return "\(certificates == nil ? "http" : "https")://\(hostInAddress):\(port)"
    }

    /// The host as it goes before `:port`: an IPv6 address in brackets.
    private var hostInAddress: String { options.host.contains(":") ? "[\(options.host)]" : options.host }

    public func kubeconfig() -> Kubeconfig {
        .single(name: "stead", server: baseURL, token: token, certificateAuthorityData: certificates?.caCertificateBase64)
    }

    /// For clients in this process (or on this machine) through `options.localSocketPath`; nil without
    /// one. Not for kubectl, which cannot reach a Unix socket.
    public func localKubeconfig() -> Kubeconfig? {
        guard let path = options.localSocketPath,
            let host = path.addingPercentEncoding(withAllowedCharacters: Self.unreservedInURL)
        else { return nil }
        return .single(name: "stead-local", server: "http+unix://\(host)", token: token, certificateAuthorityData: nil)
    }

    /// RFC 3986's unreserved characters (ASCII only: `alphanumerics` would let other letters through).
    private static let unreservedInURL = CharacterSet(
        charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

    /// Writes `kubeconfig()` as YAML with file mode 0600.
    public func writeKubeconfig(to path: String) throws {
        let yaml = try YAMLEncoder().encode(kubeconfig())
        let url = URL(fileURLWithPath: path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        // Written to a private temporary file first, so the token is never readable by others.
        let temporary = path + ".tmp-\(UUID().uuidString)"
        guard FileManager.default.createFile(atPath: temporary, contents: Data(yaml.utf8), attributes: [.posixPermissions: 0o600])
        else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
        }
        if rename(temporary, path) != 0 {
            try? FileManager.default.removeItem(atPath: temporary)
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
        }
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
    }

    /// Ends every open watch stream; clients see the stream end and watch again.
    public func disconnectWatchers() async {
        store.disconnectWatchers()
    }

    /// Closes the watches, shuts the listeners down gracefully (cancelling each after 5 s), closes the store.
    public func stop() async {
        guard stopping.claim() else { return }
        let listeners = runtime.withLock { [$0.listener, $0.localListener].compactMap { $0 } }
        store.disconnectWatchers()
        for listener in listeners { await listener.stop(cancellingAfter: .seconds(5)) }
        await lifecycle.stop()
        store.close()
        audit?.close()
        logger.info("API server stopped")
    }
}

/// `APIServerOptions.localSocketPath` is relative or longer than a socket path may be.
public struct InvalidLocalSocketPath: Error, CustomStringConvertible, LocalizedError {
    public let path: String

    public var description: String {
        "local socket path \(path) must be absolute and at most \(APIServerOptions.maxLocalSocketPathLength) bytes"
    }
    public var errorDescription: String? { description }
}
