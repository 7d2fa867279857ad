/// The `Status` object every Kubernetes error comes back as.
public struct Status: Codable, Sendable, Hashable, Error {
    public var apiVersion: String? = "v1"
    public var kind: String? = "Status"
    public var metadata: ListMeta? = ListMeta()
    public var status: String?
    public var message: String?
    public var reason: String?
    public var details: StatusDetails?
    public var code: Int?

    public init(
        code: Int, reason: StatusReason, message: String, details: StatusDetails? = nil
    ) {
        self.status = "Failure"
        self.code = code
        self.reason = reason.rawValue
        self.message = message
        self.details = details
    }

    public static func success(details: StatusDetails? = nil) -> Status {
        var status = Status(code: 200, reason: .unknown, message: "")
        status.status = "Success"
        status.reason = nil
        status.message = nil
        status.details = details
        return status
    }

    public var statusReason: StatusReason { StatusReason(rawValue: reason ?? "") ?? .unknown }
}

public struct StatusDetails: Codable, Sendable, Hashable {
    public var name: String?
    public var group: String?
    public var kind: String?
    public var uid: String?
    public var causes: [StatusCause]?
    public var retryAfterSeconds: Int?

    public init(
        name: String? = nil, group: String? = nil, kind: String? = nil, uid: String? = nil,
        causes: [StatusCause]? = nil
    ) {
        self.name = name
        self.group = group
        self.kind = kind
        self.uid = uid
        self.causes = causes
    }
}

public struct StatusCause: Codable, Sendable, Hashable {
    public var reason: String?
    public var message: String?
    public var field: String?

    public init(reason: String? = nil, message: String? = nil, field: String? = nil) {
        self.reason = reason
        self.message = message
        self.field = field
    }
}

/// The reasons the API server gives, with the HTTP code each goes with.
public enum StatusReason: String, Sendable, Hashable, CaseIterable {
    case unknown = ""
    case badRequest = "BadRequest"
    case unauthorized = "Unauthorized"
    case forbidden = "Forbidden"
    case notFound = "NotFound"
    case methodNotAllowed = "MethodNotAllowed"
    case notAcceptable = "NotAcceptable"
    case alreadyExists = "AlreadyExists"
    case conflict = "Conflict"
    case gone = "Gone"
    case expired = "Expired"
    case requestEntityTooLarge = "RequestEntityTooLarge"
    case unsupportedMediaType = "UnsupportedMediaType"
    case invalid = "Invalid"
    case tooManyRequests = "TooManyRequests"
    case internalError = "InternalError"
    case serviceUnavailable = "ServiceUnavailable"
    case timeout = "Timeout"

    public var code: Int {
        switch self {
        case .unknown: 500
        case .badRequest: 400
        case .unauthorized: 401
        case .forbidden: 403
        case .notFound: 404
        case .methodNotAllowed: 405
        case .notAcceptable: 406
        case .alreadyExists, .conflict: 409
        case .gone, .expired: 410
        case .requestEntityTooLarge: 413
        case .unsupportedMediaType: 415
        case .invalid: 422
        case .tooManyRequests: 429
        case .internalError: 500
        case .serviceUnavailable: 503
        case .timeout: 504
        }
    }
}

extension Status {
    /// A failure Status with the code that goes with `reason`.
    public static func failure(_ reason: StatusReason, _ message: String, details: StatusDetails? = nil) -> Status {
        Status(code: reason.code, reason: reason, message: message, details: details)
    }
}
