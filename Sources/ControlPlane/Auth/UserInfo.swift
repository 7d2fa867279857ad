import KubeModel

/// Who made a request, as Kubernetes' authenticators name users: the admin token's user is in
/// `system:masters` (which RBAC never limits); a ServiceAccount's token makes
/// `system:serviceaccount:<namespace>:<name>` in the service account groups.
public struct UserInfo: Sendable, Hashable {
    public var name: String
    public var uid: String
    public var groups: [String]

    public init(name: String, uid: String = "", groups: [String]) {
        self.name = name
        self.uid = uid
        self.groups = groups
    }

    public static let masters = "system:masters"
    public static let authenticated = "system:authenticated"

    /// The user of the server's admin bearer token, named as in the kubeconfig the server writes.
    public static let admin = UserInfo(name: "stead", groups: [masters, authenticated])
    public static let anonymous = UserInfo(name: "system:anonymous", groups: ["system:unauthenticated"])

    public static func serviceAccount(namespace: String, name: String, uid: String) -> UserInfo {
        UserInfo(
            name: "system:serviceaccount:\(namespace):\(name)", uid: uid,
            groups: ["system:serviceaccounts", "system:serviceaccounts:\(namespace)", authenticated])
    }

    var isMaster: Bool { groups.contains(Self.masters) }

    /// The namespace and name of a service account user.
    var serviceAccount: (namespace: String, name: String)? {
        let parts = name.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 4, parts[0] == "system", parts[1] == "serviceaccount" else { return nil }
        return (String(parts[2]), String(parts[3]))
    }
}

/// What a request asks to do, in the terms RBAC rules use (kube-apiserver's RequestInfo).
struct RequestAttributes: Sendable, Hashable {
    var verb: String
    /// Set for requests to the resource API; nil for paths like `/version` or `/api`.
    var resource: ResourceAttributes?
    var path: String

    struct ResourceAttributes: Sendable, Hashable {
        var group: String
        var resource: String
        var subresource: String
        var namespace: String
        var name: String
    }

    /// The verb of an HTTP request on a resource path: get/list/watch, create, update, patch, delete,
    /// deletecollection.
    static func verb(method: String, hasName: Bool, watch: Bool) -> String {
        switch method {
        case "GET", "HEAD": return hasName ? "get" : (watch ? "watch" : "list")
        case "POST": return "create"
        case "PUT": return "update"
        case "PATCH": return "patch"
        case "DELETE": return hasName ? "delete" : "deletecollection"
        default: return method.lowercased()
        }
    }
}
