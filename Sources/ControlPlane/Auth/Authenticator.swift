import Foundation
import HTTPTypes
import Hummingbird
import KubeModel

/// Who a request is from: the admin bearer token, or a ServiceAccount token that TokenRequest issued
/// (its account still there, with the same uid). A user allowed to `impersonate` may act as another
/// (`Impersonate-User`, `Impersonate-Group`), as `kubectl --as` asks.
struct Authenticator: Sendable {
    let adminToken: String
    let tokens: ServiceAccountTokens
    let store: ObjectStore

    /// nil when the request carries no token the server knows (401).
    func user(of request: Request, now: Date = Date()) -> UserInfo? {
        guard let header = request.headers[.authorization] else { return nil }
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { return nil }
        let token = String(parts[1]).trimmingSpaces()
        if Self.constantTimeEquals(token, adminToken) { return .admin }
        return tokens.user(of: token, store: store, now: now)
    }

    /// The user named by the impersonation headers, when the authenticated user may impersonate them
    /// (403 otherwise); `user` itself without them.
    func impersonated(_ user: UserInfo, request: Request, authorizer: RBACAuthorizer) throws(Status) -> UserInfo {
        guard let name = Self.header(request, "Impersonate-User") else { return user }
        let groups = request.headers[values: HTTPField.Name("Impersonate-Group")!]
        var checks = [("users", name)] + groups.map { ("groups", $0) }
        if let account = UserInfo(name: name, groups: []).serviceAccount {
            checks = [("serviceaccounts", account.name)] + groups.map { ("groups", $0) }
            let attributes = RequestAttributes(
                verb: "impersonate",
                resource: .init(group: "", resource: "serviceaccounts", subresource: "", namespace: account.namespace, name: account.name),
                path: request.uri.path)
            guard authorizer.authorize(user, attributes).allowed else { throw RBACAuthorizer.forbidden(user, attributes) }
            checks.removeFirst()
        }
        for (resource, value) in checks {
            let attributes = RequestAttributes(
                verb: "impersonate", resource: .init(group: "", resource: resource, subresource: "", namespace: "", name: value),
                path: request.uri.path)
            guard authorizer.authorize(user, attributes).allowed else { throw RBACAuthorizer.forbidden(user, attributes) }
        }
        var impersonated = UserInfo(name: name, groups: groups)
        if let account = impersonated.serviceAccount {
            impersonated = .serviceAccount(namespace: account.namespace, name: account.name, uid: "")
            impersonated.groups += groups.filter { !impersonated.groups.contains($0) }
        } else if !impersonated.groups.contains(UserInfo.authenticated) {
            impersonated.groups.append(UserInfo.authenticated)
        }
        return impersonated
    }

    private static func header(_ request: Request, _ name: String) -> String? {
        guard let field = HTTPField.Name(name), let value = request.headers[field], !value.isEmpty else { return nil }
        return value
    }

    private static func constantTimeEquals(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8)
        let y = Array(b.utf8)
        guard x.count == y.count else { return false }
        var difference: UInt8 = 0
        for index in x.indices { difference |= x[index] ^ y[index] }
        return difference == 0
    }
}
