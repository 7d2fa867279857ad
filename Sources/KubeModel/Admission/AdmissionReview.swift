/// admission.k8s.io/v1 AdmissionReview: what an API server sends an admission webhook (`request`) and
/// what the webhook answers (`response`, with the request's `uid`).
public struct AdmissionReview: Codable, Sendable {
    public static let apiVersion = "admission.k8s.io/v1"

    public var apiVersion: String? = AdmissionReview.apiVersion
    public var kind: String? = "AdmissionReview"
    public var request: AdmissionRequest?
    public var response: AdmissionResponse?

    public init(request: AdmissionRequest? = nil, response: AdmissionResponse? = nil) {
        self.request = request
        self.response = response
    }
}

public struct GroupVersionKind: Codable, Sendable, Hashable {
    public var group: String
    public var version: String
    public var kind: String

    public init(group: String, version: String, kind: String) {
        self.group = group
        self.version = version
        self.kind = kind
    }
}

public struct GroupVersionResource: Codable, Sendable, Hashable {
    public var group: String
    public var version: String
    public var resource: String

    public init(group: String, version: String, resource: String) {
        self.group = group
        self.version = version
        self.resource = resource
    }
}

/// The operations a webhook rule names.
public enum AdmissionOperation: String, Codable, Sendable, CaseIterable {
    case create = "CREATE"
    case update = "UPDATE"
    case delete = "DELETE"
    case connect = "CONNECT"
}

public struct AdmissionUserInfo: Codable, Sendable, Hashable {
    public var username: String?
    public var uid: String?
    public var groups: [String]?

    public init(username: String? = nil, uid: String? = nil, groups: [String]? = nil) {
        self.username = username
        self.uid = uid
        self.groups = groups
    }
}

public struct AdmissionRequest: Codable, Sendable {
    public var uid: String
    public var kind: GroupVersionKind
    public var resource: GroupVersionResource
    public var subResource: String?
    public var requestKind: GroupVersionKind?
    public var requestResource: GroupVersionResource?
    public var requestSubResource: String?
    public var name: String?
    public var namespace: String?
    public var operation: AdmissionOperation
    public var userInfo: AdmissionUserInfo
    /// The object as it would be stored (CREATE, UPDATE); nil for DELETE.
    public var object: JSONValue?
    /// The stored object (UPDATE, DELETE).
    public var oldObject: JSONValue?
    public var dryRun: Bool?
    /// CreateOptions, UpdateOptions or DeleteOptions.
    public var options: JSONValue?

    public init(
        uid: String, kind: GroupVersionKind, resource: GroupVersionResource, subResource: String? = nil,
        name: String?, namespace: String?, operation: AdmissionOperation, userInfo: AdmissionUserInfo,
        object: JSONValue?, oldObject: JSONValue?, dryRun: Bool, options: JSONValue? = nil
    ) {
        self.uid = uid
        self.kind = kind
        self.resource = resource
        self.subResource = subResource
        self.requestKind = kind
        self.requestResource = resource
        self.requestSubResource = subResource
        self.name = name
        self.namespace = namespace
        self.operation = operation
        self.userInfo = userInfo
        self.object = object
        self.oldObject = oldObject
        self.dryRun = dryRun
        self.options = options
    }
}

public struct AdmissionResponse: Codable, Sendable {
    public var uid: String
    public var allowed: Bool
    /// Why a request is refused: its code and message reach the client that sent it.
    public var status: Status?
    public var warnings: [String]?

    public init(uid: String, allowed: Bool, status: Status? = nil, warnings: [String]? = nil) {
        self.uid = uid
        self.allowed = allowed
        self.status = status
        self.warnings = warnings
    }

    public static func allow(_ request: AdmissionRequest) -> AdmissionResponse {
        AdmissionResponse(uid: request.uid, allowed: true)
    }

    public static func deny(_ request: AdmissionRequest, _ status: Status) -> AdmissionResponse {
        AdmissionResponse(uid: request.uid, allowed: false, status: status)
    }
}
