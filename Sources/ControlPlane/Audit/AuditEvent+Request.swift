import Foundation
import Hummingbird

extension AuditEvent {
    /// The event for a request answered with `response`. A watch is logged at stage ResponseStarted: its
    /// response is a stream that is still open when this is called, so there is no completion to wait for.
    init(request: Request, response: Response, user: AuditUser, received: Date) {
        let path = RequestPath(request.uri.path)
        let query = QueryParameters(request.uri.query)
        let verb = Self.verb(request.method, path: path, query: query)
        self.init(
            stage: verb == "watch" ? "ResponseStarted" : "ResponseComplete", requestURI: request.uri.description,
            verb: verb, user: user, userAgent: request.headers[.userAgent],
            objectRef: Self.objectReference(path), responseStatus: AuditResponseStatus(code: response.status.code),
            requestReceivedTimestamp: received, stageTimestamp: Date())
    }

    /// kube-apiserver's RequestInfo verbs: a GET on a collection is list (watch with `watch=true`), a
    /// DELETE on one is deletecollection; non-resource paths keep the HTTP method.
    static func verb(_ method: HTTPRequest.Method, path: RequestPath, query: QueryParameters) -> String {
        guard case .resource(let resource) = path else { return method.rawValue.lowercased() }
        let collection = resource.name == nil
        switch method {
        case .get, .head:
            if query.flag("watch") { return "watch" }
            return collection ? "list" : "get"
        case .post: return "create"
        case .put: return "update"
        case .patch: return "patch"
        case .delete: return collection ? "deletecollection" : "delete"
        default: return method.rawValue.lowercased()
        }
    }

    /// As kube-apiserver fills it, a namespace's own path names the namespace too.
    static func objectReference(_ path: RequestPath) -> AuditObjectReference? {
        guard case .resource(let resource) = path else { return nil }
        let namespace = resource.group.isEmpty && resource.plural == "namespaces" ? resource.name : resource.namespace
        return AuditObjectReference(
            resource: resource.plural, namespace: namespace, name: resource.name, apiGroup: resource.group,
            apiVersion: resource.version, subresource: resource.subresource)
    }
}
