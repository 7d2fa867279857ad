import AsyncHTTPClient
import CoreMetrics
import Foundation
import KubeModel
import Logging
import NIOCore
import NIOHTTP1
import Synchronization

/// A client for the Kubernetes API: untyped access to any resource by ``ResourceType`` and typed
/// access to ``KubeModel/KubeResource`` models. All requests but watches go through a client-side
/// token-bucket rate limit (``ClientConfiguration/qps`` / ``ClientConfiguration/burst``).
public final class KubeClient: Sendable {
    public let configuration: ClientConfiguration
    let http: HTTPClient
    let logger: Logger
    let limiter: TokenBucket?
    let tokens: TokenSource
    let metrics: ClientMetrics
    /// Scheme, host, port and any path prefix, as requests are sent.
    let base: String
    /// Consulted before every mutating request; nil for an unfenced client. See ``fenced(by:)``.
    let writeFence: (any WriteFence)?
    /// False for a fenced view of another client: that one owns the connections.
    private let ownsTransport: Bool
    static let emptyDeleteOptions = Array(#"{"apiVersion":"v1","kind":"DeleteOptions"}"#.utf8)

    /// Largest response body accepted for a non-watch request.
    static let maxBodySize = 512 * 1024 * 1024

    /// - Parameters:
    ///   - metricsFactory: where request metrics go; nil uses the global `MetricsSystem`.
    /// - Throws: ``ConfigurationError`` or ``KubeClientError/tls(_:)`` when TLS material cannot be loaded.
    public init(
        configuration: ClientConfiguration, logger: Logger = Logger(label: "stead.kubeclient"),
        metricsFactory: (any MetricsFactory)? = nil
    ) throws {
        self.configuration = configuration
        self.metrics = ClientMetrics(factory: metricsFactory)
        self.logger = logger
        self.tokens = TokenSource(token: configuration.bearerToken, path: configuration.bearerTokenFile)
        self.limiter = configuration.qps > 0 ? TokenBucket(qps: configuration.qps, burst: configuration.burst) : nil

        let (http, base) = try Self.transport(for: configuration)
        self.base = base
        self.http = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: http)
        self.writeFence = nil
        self.ownsTransport = true
    }

    /// A view of `other`: its connections, credentials and metrics, with `fence` and `limiter` of its own.
    init(sharing other: KubeClient, fence: (any WriteFence)?, limiter: TokenBucket?) {
        configuration = other.configuration
        http = other.http
        logger = other.logger
        self.limiter = limiter
        tokens = other.tokens
        metrics = other.metrics
        base = other.base
        writeFence = fence
        ownsTransport = false
    }

    /// A client sharing this one's connections, credentials and write fence, with a request budget of its
    /// own (`qps` 0: none), as each component of kube-controller-manager gets its own client: one busy
    /// writer (Events, say) then never takes another's turn. Shutting it down does nothing.
    public func withRateLimit(qps: Double, burst: Int) -> KubeClient {
        KubeClient(sharing: self, fence: writeFence, limiter: qps > 0 ? TokenBucket(qps: qps, burst: burst) : nil)
    }

    /// ``withRateLimit(qps:burst:)`` with this client's configured `qps` and `burst`: the same budget again.
    public func withOwnRateLimit() -> KubeClient {
        withRateLimit(qps: configuration.qps, burst: configuration.burst)
    }

    /// The HTTP client settings and the URL prefix requests are sent to.
    static func transport(for configuration: ClientConfiguration) throws -> (HTTPClient.Configuration, base: String) {
        var http = HTTPClient.Configuration()
        http.tlsConfiguration = try configuration.makeTLSConfiguration()
        http.redirectConfiguration = .disallow
        // No read timeout: watches are silent for long stretches. Plain requests carry a deadline instead.
        http.timeout = .init(connect: .seconds(10), read: nil)
        http.connectionPool = .init(idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: 100)
        // No spans: the process installs no tracer, and the no-op one still cost a few percent of a request.
        http.tracing.tracer = nil

        var components = URLComponents(url: configuration.server, resolvingAgainstBaseURL: false)
        if let serverName = configuration.tlsServerName, !serverName.isEmpty,
            let host = components?.host, host != serverName
        {
            // Connect to the real host but send SNI and verify the certificate for `tlsServerName`.
            http.dnsOverride = [serverName: host]
            components?.host = serverName
        }
        var base = components?.string ?? configuration.server.absoluteString
        while base.hasSuffix("/") { base.removeLast() }
        return (http, base)
    }

    /// Closes connections. Call once, when the client is no longer used.
    public func shutdown() async throws {
        guard ownsTransport else { return }
        try await http.shutdown()
    }

    /// The namespace for a call: the explicit one, else the object's, else the configured default;
    /// nil for cluster-scoped resources.
    func namespace(for resource: ResourceType, explicit: String?, object: JSONValue? = nil) -> String? {
        guard resource.namespaced else { return nil }
        if let explicit, !explicit.isEmpty { return explicit }
        if let fromObject = object?["metadata"]?["namespace"]?.stringValue, !fromObject.isEmpty { return fromObject }
        return configuration.namespace
    }

    func makeRequest(
        method: HTTPMethod, path: String, query: [(String, String)], body: [UInt8]?, contentType: String?,
        accept: String = "application/json"
    ) -> HTTPClientRequest {
        var request = HTTPClientRequest(url: base + path + Self.encodeQuery(query))
        request.method = method
        request.headers.add(name: "Accept", value: accept)
        request.headers.add(name: "User-Agent", value: configuration.userAgent)
        if let token = tokens.token(), !token.isEmpty {
            request.headers.add(name: "Authorization", value: "Bearer \(token)")
        }
        if let body {
            request.headers.add(name: "Content-Type", value: contentType ?? "application/json")
            request.body = .bytes(ByteBuffer(bytes: body))
            if method != .GET, writeFence != nil {
                let check: @Sendable () throws -> Void = { [self] in try checkFence(method.rawValue, path) }
                request.body = .stream(FencedBody(bytes: ByteBuffer(bytes: body), check: check), length: .known(Int64(body.count)))
            }
        }
        return request
    }

    private static let unreserved = CharacterSet(
        charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

    static func encodeQuery(_ items: [(String, String)]) -> String {
        guard !items.isEmpty else { return "" }
        let pairs = items.map { name, value in
            "\(percentEncoded(name, allowing: unreserved))=\(percentEncoded(value, allowing: unreserved))"
        }
        return "?" + pairs.joined(separator: "&")
    }

    /// `text` with every character outside `allowed` percent-encoded. Names and most values are all
    /// unreserved characters (RFC 3986), which every caller allows: those skip Foundation's character sets.
    static func percentEncoded(_ text: String, allowing allowed: CharacterSet) -> String {
        if text.utf8.allSatisfy(isUnreserved) { return text }
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }

    private static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
            UInt8(ascii: "~"):
            true
        default: false
        }
    }

    /// Sends one rate-limited request and returns the body of a 2xx answer; anything else becomes a
    /// ``KubeAPIError`` (server answer), ``KubeClientError/transport(method:path:message:)`` or
    /// ``KubeClientError/fenced(method:path:reason:)``.
    func send(
        _ method: HTTPMethod, _ path: String, verb: String, query: [(String, String)] = [], body: [UInt8]? = nil,
        contentType: String? = nil, accept: String = "application/json"
    ) async throws -> Data {
        if let limiter { try await limiter.wait() }
        // After the rate limit's wait, as close to sending as the client gets.
        try checkFence(method.rawValue, path)
        // A fenced delete carries a body too, so that the fence is checked again as it goes out.
        let body = body ?? (method == .DELETE && writeFence != nil ? Self.emptyDeleteOptions : nil)
        let request = makeRequest(
            method: method, path: path, query: query, body: body, contentType: contentType, accept: accept)
        let start = ContinuousClock.now
        let deadline = NIODeadline.now() + .nanoseconds(Int64(configuration.requestTimeout.inSeconds * 1e9))
        let status: HTTPResponseStatus
        let bytes: ByteBuffer
        do {
            let response = try await http.execute(request, deadline: deadline, logger: nil)
            status = response.status
            bytes = try await response.body.collect(upTo: Self.maxBodySize)
        } catch {
            metrics.record(verb: verb, path: path, code: "error", duration: ContinuousClock.now - start)
            if case KubeClientError.fenced = error { throw error }
            if Task.isCancelled { throw CancellationError() }
            logger.debug("request failed", metadata: ["verb": "\(verb)", "path": "\(path)", "error": "\(error)"])
            throw KubeClientError.transport(method: method.rawValue, path: path, message: "\(error)")
        }
        metrics.record(verb: verb, path: path, code: String(status.code), duration: ContinuousClock.now - start)
        let data = Data(bytes.readableBytesView)
        guard (200..<300).contains(status.code) else {
            let error = Self.apiError(body: data, httpCode: Int(status.code))
            logger.trace(
                "request rejected",
                metadata: ["verb": "\(verb)", "path": "\(path)", "code": "\(status.code)",
                    "reason": "\(error.status.reason ?? "")"])
            throw error
        }
        return data
    }

    /// The ``KubeAPIError`` for an error answer: its `Status` body, or a synthetic one.
    static func apiError(body: Data, httpCode: Int) -> KubeAPIError {
        if let status = try? KubeJSON.decode(Status.self, from: body), status.kind == "Status" || status.code != nil {
            return KubeAPIError(status: status, httpCode: httpCode)
        }
        let text = String(decoding: body.prefix(512), as: UTF8.self)
        return KubeAPIError(httpCode: httpCode, message: text.isEmpty ? "HTTP \(httpCode)" : text)
    }

    static func decodeValue(_ data: Data, path: String) throws -> JSONValue {
        do {
            return try KubeJSON.parse(data)
        } catch {
            throw KubeClientError.decoding(path: path, message: "\(error)")
        }
    }
}

