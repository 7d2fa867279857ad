/// How to run the embedded API server.
public struct APIServerOptions: Sendable {
    /// The SQLite file lives here (the directory is created if missing).
    public var dataDirectory: String
    public var host: String = "127.0.0.1"
    /// 0 picks a free port.
    public var port: Int = 6443
    /// nil: read `dataDirectory/token`, or generate a random one and persist it there.
    public var token: String? = nil
    /// Events kept in memory for watch resume; an older resourceVersion gets 410 Gone.
    public var watchHistoryLimit: Int = 10_000
    public var maxRequestBodyBytes: Int = 3 * 1024 * 1024
    /// Seconds a client has to send a whole request body (however slowly it trickles); later, the
    /// request gets 408 and the connection is closed.
    public var requestBodyTimeout: Double = 60
    /// Seconds a connection may stay silent (nothing sent before or between requests, a stalled body)
    /// before it is closed. Requests being answered, watches included, are never cut.
    public var idleTimeout: Double = 90
    /// Events buffered per watcher before a slow watcher is closed (its client resumes).
    public var watchBufferSize: Int = 10_000
    /// Seconds between BOOKMARK events for watches with `allowWatchBookmarks=true`.
    public var watchBookmarkInterval: Double = 30
    /// Seconds a watch lasts without `timeoutSeconds`.
    public var defaultWatchTimeout: Double = 1800

    /// Serve HTTPS with a CA and serving certificate made on first start and kept in the data folder
    /// (the kubeconfig carries the CA). Plain HTTP only for tests of the REST layer itself: kubectl
    /// never sends a bearer token to an `http://` server.
    public var tls: Bool = true

    /// Also serve plain HTTP on this Unix socket (created with mode 0600) for clients in this process or
    /// on this machine, the same token required: no TLS and no TCP on the way. ``EmbeddedAPIServer/localKubeconfig()``
    /// reaches it; kubectl keeps the HTTPS address. An absolute path of at most ``maxLocalSocketPathLength`` bytes.
    public var localSocketPath: String? = nil

    /// The kernel's limit for a socket path (108 bytes with the terminating zero on Linux, 104 on macOS).
    public static let maxLocalSocketPathLength = 103

    /// Whether `path` can be `localSocketPath`: absolute and within the kernel's limit.
    public static func isUsableLocalSocketPath(_ path: String) -> Bool {
        path.hasPrefix("/") && path.utf8.count <= maxLocalSocketPathLength
    }

    /// Append an `audit.k8s.io/v1` Event per request (level Metadata) to this file; nil: no audit log.
    /// A path that cannot be written fails start-up.
    public var auditLogPath: String? = nil

    public init(dataDirectory: String) {
        self.dataDirectory = dataDirectory
    }
}
