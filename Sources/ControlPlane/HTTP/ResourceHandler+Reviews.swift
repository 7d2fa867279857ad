import Foundation
import Hummingbird
import KubeModel

/// The resources that are questions, not objects (create only, nothing stored): access reviews, the
/// rules review `kubectl auth can-i --list` asks, who-am-I, token reviews; and a ServiceAccount's
/// `token` subresource (TokenRequest).
extension ResourceHandler {
    func review(_ resource: ResourceInfo, path: ResourcePath, request: Request, user: UserInfo) async throws(Status)
        -> Response
    {
        guard request.method == .post, path.name == nil else {
            throw Status.failure(
                .methodNotAllowed, "the server does not allow this method on the requested resource (\(request.method.rawValue))")
        }
        var review = try await body(request)
        review["apiVersion"] = .string(resource.type.apiVersion)
        review["kind"] = .string(resource.type.kind)
        let spec = review["spec"] ?? [:]
        let authorizer = RBACAuthorizer(store: store)
        switch resource.type.plural {
        case "selfsubjectaccessreviews":
            review["status"] = Reviews.accessStatus(authorizer.authorize(user, try Reviews.attributes(spec)))
        case "subjectaccessreviews", "localsubjectaccessreviews":
            var subject = UserInfo(
                name: spec["user"]?.stringValue ?? "", uid: spec["uid"]?.stringValue ?? "",
                groups: (spec["groups"]?.arrayValue ?? []).compactMap(\.stringValue))
            if let account = subject.serviceAccount, subject.groups.isEmpty {
                subject = .serviceAccount(namespace: account.namespace, name: account.name, uid: subject.uid)
            }
            var attributes = try Reviews.attributes(spec)
            if resource.type.plural == "localsubjectaccessreviews" { attributes.resource?.namespace = path.namespace ?? "" }
            review["status"] = Reviews.accessStatus(authorizer.authorize(subject, attributes))
        case "selfsubjectrulesreviews":
            let namespace = spec["namespace"]?.stringValue ?? ""
            review["status"] = Reviews.rulesStatus(user.isMaster ? [Reviews.everything] : authorizer.rules(for: user, namespace: namespace).map(\.rule))
        case "selfsubjectreviews":
            review["status"] = ["userInfo": Reviews.userInfo(user)]
        case "tokenreviews":
            if let reviewed = tokens.user(of: spec["token"]?.stringValue ?? "", store: store, now: Date()) {
                review["status"] = ["authenticated": true, "user": Reviews.userInfo(reviewed), "audiences": [.string(ServiceAccountTokens.issuer)]]
            } else {
                review["status"] = ["authenticated": false, "error": "invalid bearer token"]
            }
        default:
            throw Status.failure(.notFound, "the server could not find the requested resource")
        }
        return Responses.json(review, status: 201)
    }

    /// `POST serviceaccounts/{name}/token`: a token for the account, for the audiences asked (the API
    /// server's by default), for `expirationSeconds` (an hour by default, ten minutes at least).
    func tokenRequest(
        _ resource: ResourceInfo, path: ResourcePath, name: String, request: Request
    ) async throws(Status) -> Response {
        guard request.method == .post else {
            throw Status.failure(.methodNotAllowed, "the server does not allow this method on the requested resource")
        }
        var tokenRequest = try await body(request)
        let account = try stored(resource, path, name)
        var spec = tokenRequest["spec"]?.objectValue ?? [:]
        let audiences = (spec["audiences"]?.arrayValue ?? []).compactMap(\.stringValue)
        let expiration = spec["expirationSeconds"]?.intValue ?? ServiceAccountTokens.defaultExpiration
        guard expiration >= ServiceAccountTokens.minimumExpiration else {
            throw [FieldError.invalid("spec.expirationSeconds", .int(expiration), "may not specify a duration less than 10 minutes")]
                .invalidStatus(kind: "TokenRequest", group: "authentication.k8s.io", name: name)
        }
        let issued = tokens.issue(
            namespace: path.namespace ?? "", name: name, uid: account.object.metadataUID,
            audiences: audiences.isEmpty ? [ServiceAccountTokens.issuer] : audiences, expiresIn: expiration, now: Date())
        spec["audiences"] = .array((audiences.isEmpty ? [ServiceAccountTokens.issuer] : audiences).map(JSONValue.string))
        spec["expirationSeconds"] = .int(expiration)
        tokenRequest["apiVersion"] = "authentication.k8s.io/v1"
        tokenRequest["kind"] = "TokenRequest"
        var metadata = tokenRequest["metadata"]?.objectValue ?? [:]
        metadata["name"] = .string(name)
        metadata["namespace"] = .string(path.namespace ?? "")
        metadata["creationTimestamp"] = .null
        tokenRequest["metadata"] = .object(metadata)
        tokenRequest["spec"] = .object(spec)
        tokenRequest["status"] = [
            "token": .string(issued.token), "expirationTimestamp": .string(KubeTime(issued.expires).description),
        ]
        return Responses.json(tokenRequest, status: 201)
    }
}

/// How the review resources read their questions and word their answers.
enum Reviews {
    /// A rule granting everything: what `system:masters` may do.
    static let everything: JSONValue = ["verbs": ["*"], "apiGroups": ["*"], "resources": ["*"], "nonResourceURLs": ["*"]]

    static func attributes(_ spec: JSONValue) throws(Status) -> RequestAttributes {
        if let resource = spec["resourceAttributes"], resource != .null {
            return RequestAttributes(
                verb: resource["verb"]?.stringValue ?? "",
                resource: .init(
                    group: resource["group"]?.stringValue ?? "", resource: resource["resource"]?.stringValue ?? "",
                    subresource: resource["subresource"]?.stringValue ?? "",
                    namespace: resource["namespace"]?.stringValue ?? "", name: resource["name"]?.stringValue ?? ""),
                path: "")
        }
        if let nonResource = spec["nonResourceAttributes"], nonResource != .null {
            return RequestAttributes(
                verb: nonResource["verb"]?.stringValue ?? "", resource: nil, path: nonResource["path"]?.stringValue ?? "")
        }
        throw [FieldError.required("spec.resourceAttributes", "exactly one of nonResourceAttributes or resourceAttributes must be specified")]
            .invalidStatus(kind: "SelfSubjectAccessReview", group: "authorization.k8s.io", name: "")
    }

    static func accessStatus(_ decision: RBACAuthorizer.Decision) -> JSONValue {
        var status: JSONObject = ["allowed": .bool(decision.allowed)]
        if !decision.reason.isEmpty { status["reason"] = .string(decision.reason) }
        return .object(status)
    }

    /// The rules split as SelfSubjectRulesReview answers them: resource rules and non-resource rules.
    static func rulesStatus(_ rules: [JSONValue]) -> JSONValue {
        var resourceRules: [JSONValue] = []
        var nonResourceRules: [JSONValue] = []
        for rule in rules {
            let verbs = rule["verbs"] ?? []
            if let urls = rule["nonResourceURLs"], !(urls.arrayValue ?? []).isEmpty {
                nonResourceRules.append(["verbs": verbs, "nonResourceURLs": urls])
            }
            if let resources = rule["resources"], !(resources.arrayValue ?? []).isEmpty {
                var resourceRule: JSONObject = ["verbs": verbs, "apiGroups": rule["apiGroups"] ?? [], "resources": resources]
                if let names = rule["resourceNames"], !(names.arrayValue ?? []).isEmpty { resourceRule["resourceNames"] = names }
                resourceRules.append(.object(resourceRule))
            }
        }
        return ["resourceRules": .array(resourceRules), "nonResourceRules": .array(nonResourceRules), "incomplete": false]
    }

    static func userInfo(_ user: UserInfo) -> JSONValue {
        var info: JSONObject = ["username": .string(user.name), "groups": .array(user.groups.map(JSONValue.string))]
        if !user.uid.isEmpty { info["uid"] = .string(user.uid) }
        return .object(info)
    }
}
