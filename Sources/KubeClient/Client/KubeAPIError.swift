import KubeModel

/// The API server answered with an error: its `Status` and the HTTP code.
public struct KubeAPIError: Error, Sendable, Hashable, CustomStringConvertible {
    public var status: Status
    public var httpCode: Int

    public init(status: Status, httpCode: Int) {
        self.status = status
        self.httpCode = httpCode
    }

    /// A synthetic error for a response that carried no `Status` body.
    public init(httpCode: Int, message: String) {
        let reason: StatusReason =
            switch httpCode {
            case 409: .conflict
            case 410: .gone
            case 500: .internalError
            default: StatusReason.allCases.first { $0 != .unknown && $0.code == httpCode } ?? .unknown
            }
        self.status = Status(code: httpCode, reason: reason, message: message)
        self.httpCode = httpCode
    }

    public var reason: StatusReason { status.statusReason }
    public var message: String { status.message ?? "" }
    var code: Int { status.code ?? httpCode }

    public var isNotFound: Bool { reason == .notFound || (reason == .unknown && code == 404) }
    public var isAlreadyExists: Bool { reason == .alreadyExists }
    public var isConflict: Bool { reason == .conflict || (reason == .unknown && code == 409) }
    public var isGone: Bool { reason == .gone || reason == .expired || code == 410 }
    public var isInvalid: Bool { reason == .invalid || (reason == .unknown && code == 422) }
    public var isBadRequest: Bool { reason == .badRequest || (reason == .unknown && code == 400) }
    public var isUnauthorized: Bool { reason == .unauthorized || code == 401 }
    public var isForbidden: Bool { reason == .forbidden || code == 403 }
    public var isTooManyRequests: Bool { reason == .tooManyRequests || code == 429 }
    public var isServerError: Bool { code >= 500 }

    public var description: String {
        "Kubernetes API error \(httpCode) \(status.reason ?? ""): \(status.message ?? "")"
    }
}

/// Failures that are not an answer from the API server.
public enum KubeClientError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The request could not be sent or the response not read (connection refused, reset, timeout...).
    case transport(method: String, path: String, message: String)
    /// The server answered 2xx but the body is not what was expected.
    case decoding(path: String, message: String)
    /// The call cannot be turned into a request (e.g. an object without a name).
    case invalidRequest(String)
    /// TLS material could not be loaded.
    case tls(String)
    /// A ``WriteFence`` refused a mutating request; nothing was sent. Worth retrying: the fence may open again.
    case fenced(method: String, path: String, reason: String)

    public var description: String {
        switch self {
        case .transport(let method, let path, let message): "\(method) \(path) failed: \(message)"
        case .decoding(let path, let message): "cannot decode response of \(path): \(message)"
        case .invalidRequest(let message): "invalid request: \(message)"
        case .tls(let message): "TLS configuration: \(message)"
        case .fenced(let method, let path, let reason): "\(method) \(path) not sent: \(reason)"
        }
    }
}
