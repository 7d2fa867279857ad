import Foundation

/// One line of the audit log: an `audit.k8s.io/v1` Event at level Metadata.
public struct AuditEvent: Codable, Sendable, Equatable {
    public var kind = "Event"
    public var apiVersion = "audit.k8s.io/v1"
    public var level = "Metadata"
    public var auditID: String
    /// `ResponseComplete`, or `ResponseStarted` for a watch (logged when its stream starts).
    public var stage: String
    public var requestURI: String
    /// The Kubernetes verb (get, list, watch, create, update, patch, delete, deletecollection); the
    /// lower-cased HTTP method for non-resource paths such as `/api` or `/healthz`.
    public var verb: String
    public var user: AuditUser
    public var userAgent: String?
    public var objectRef: AuditObjectReference?
    public var responseStatus: AuditResponseStatus?
    public var requestReceivedTimestamp: Date
    public var stageTimestamp: Date

    public init(
        auditID: String = UUID.newUID(), stage: String, requestURI: String, verb: String,
        user: AuditUser, userAgent: String?, objectRef: AuditObjectReference?, responseStatus: AuditResponseStatus?,
        requestReceivedTimestamp: Date, stageTimestamp: Date
    ) {
        self.auditID = auditID
        self.stage = stage
        self.requestURI = requestURI
        self.verb = verb
        self.user = user
        self.userAgent = userAgent
        self.objectRef = objectRef
        self.responseStatus = responseStatus
        self.requestReceivedTimestamp = requestReceivedTimestamp
        self.stageTimestamp = stageTimestamp
    }
}

public struct AuditUser: Codable, Sendable, Equatable {
    public var username: String

    /// The user of the server's one bearer token, named as in the kubeconfig the server writes.
    public static let tokenUser = AuditUser(username: "stead")
    /// A request without the token (only health checks get an answer other than 401).
    public static let anonymous = AuditUser(username: "system:anonymous")

    public init(username: String) {
        self.username = username
    }
}

/// What a resource request addressed; empty keys are left out.
public struct AuditObjectReference: Codable, Sendable, Hashable {
    public var resource: String?
    public var namespace: String?
    public var name: String?
    public var apiGroup: String?
    public var apiVersion: String?
    public var subresource: String?

    public init(
        resource: String?, namespace: String?, name: String?, apiGroup: String?, apiVersion: String?,
        subresource: String?
    ) {
        func nonEmpty(_ text: String?) -> String? { text?.isEmpty == false ? text : nil }
        self.resource = nonEmpty(resource)
        self.namespace = nonEmpty(namespace)
        self.name = nonEmpty(name)
        self.apiGroup = nonEmpty(apiGroup)
        self.apiVersion = nonEmpty(apiVersion)
        self.subresource = nonEmpty(subresource)
    }
}

public struct AuditResponseStatus: Codable, Sendable, Equatable {
    public var code: Int

    public init(code: Int) {
        self.code = code
    }
}
