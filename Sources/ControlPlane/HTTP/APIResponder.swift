import Foundation
import Hummingbird
import KubeModel
import KubeProtobuf
import Logging

/// Answers every request: health checks, authentication, discovery, OpenAPI, and the resources.
/// Every error becomes a `Status` response; nothing a client sends can stop the server.
struct APIResponder: HTTPResponder {
    typealias Context = BasicRequestContext

    let authenticator: Authenticator
    let authorizer: RBACAuthorizer
    let resources: ResourceHandler
    let discovery: Discovery
    /// nil: no audit log.
    let audit: AuditLog?
    let logger: Logger

    func respond(to request: Request, context: Context) async throws -> Response {
        let received = Date()
        let user = authenticator.user(of: request)
        let response = await answer(request, user: user)
        audit?.record(
            AuditEvent(
                request: request, response: response, user: AuditUser(username: (user ?? .anonymous).name), received: received))
        return response
    }

    private func answer(_ request: Request, user: UserInfo?) async -> Response {
        let path = RequestPath(request.uri.path)
        if case .health = path {
            return Responses.text("ok")
        }
        // A client that accepts only protobuf gets its errors in protobuf too.
        let protobufOnly = ResponseEncoding.protobufOnly(accept: request.headers[.accept])
        guard let user else {
            logger.info("unauthorized request", metadata: ["path": "\(request.uri.path)", "code": "401"])
            return ResponseEncoding.$protobufOnly.withValue(protobufOnly) { Responses.status(.failure(.unauthorized, "Unauthorized")) }
        }
        do throws(Status) {
            let acting = try authenticator.impersonated(user, request: request, authorizer: authorizer)
            let query = QueryParameters(request.uri.query)
            let attributes = Self.attributes(request, path: path, query: query)
            guard authorizer.authorize(acting, attributes).allowed else {
                throw RBACAuthorizer.forbidden(acting, attributes)
            }
            if protobufOnly && query.flag("watch") {
                throw Status.failure(.notAcceptable, "watches are served as JSON only: accept application/json")
            }
            let answer: Result<Response, Status> = await ResponseEncoding.$protobufOnly.withValue(protobufOnly) {
                do throws(Status) {
                    return .success(try await route(request, path: path, query: query, user: acting))
                } catch {
                    return .failure(error)
                }
            }
            return try answer.get()
        } catch {
            logger.debug(
                "request failed",
                metadata: [
                    "verb": "\(request.method.rawValue)", "path": "\(request.uri.path)", "code": "\(error.code ?? 500)",
                    "reason": "\(error.reason ?? "")",
                ])
            return ResponseEncoding.$protobufOnly.withValue(protobufOnly) { Responses.status(error) }
        }
    }

    /// What RBAC is asked about a request: the verb and resource of a resource path (a namespace's own
    /// path counts as in that namespace), or the verb and the path.
    static func attributes(_ request: Request, path: RequestPath, query: QueryParameters) -> RequestAttributes {
        let method = request.method.rawValue
        guard case .resource(let resource) = path else {
            return RequestAttributes(verb: method == "HEAD" ? "get" : method.lowercased(), resource: nil, path: request.uri.path)
        }
        let watch = query.flag("watch")
        var namespace = resource.namespace ?? ""
        if resource.group.isEmpty && resource.plural == "namespaces", let name = resource.name { namespace = name }
        return RequestAttributes(
            verb: RequestAttributes.verb(method: method, hasName: resource.name != nil, watch: watch),
            resource: .init(
                group: resource.group, resource: resource.plural, subresource: resource.subresource ?? "",
                namespace: namespace, name: resource.name ?? ""),
            path: request.uri.path)
    }

    private func route(
        _ request: Request, path: RequestPath, query: QueryParameters, user: UserInfo
    ) async throws(Status) -> Response {
        if case .resource(let resourcePath) = path {
            return try await resources.handle(request, path: resourcePath, query: query, user: user)
        }
        guard request.method == .get else {
            if path == .unknown { throw notFound(request) }
            throw Status.failure(.methodNotAllowed, "the server does not allow this method on the requested resource")
        }
        switch path {
        case .version: return Responses.json(discovery.version())
        case .apiVersions, .apiGroups:
            if let version = Discovery.aggregatedVersion(request.headers[.accept]) {
                var response = Responses.json(discovery.aggregated(core: path == .apiVersions, version: version))
                response.headers[.contentType] = Discovery.aggregatedContentType(version)
                return response
            }
            return Responses.json(path == .apiVersions ? discovery.apiVersions() : discovery.apiGroupList())
        case .apiGroup(let group):
            guard let value = discovery.apiGroup(group) else { throw notFound(request) }
            return Responses.json(value)
        case .groupVersion(let group, let version):
            guard let value = discovery.resourceList(group: group, version: version) else { throw notFound(request) }
            return Responses.json(value)
        case .openAPIV2:
            let protobuf = OpenAPIV2Protobuf.isAccepted(by: request.headers[.accept])
            var response = Responses.json(discovery.openAPIV2(protobuf: protobuf))
            if protobuf { response.headers[.contentType] = OpenAPIV2Protobuf.contentType }
            return response
        case .openAPIV3Root:
            return Responses.json(discovery.openAPIV3Root())
        case .openAPIV3(let group, let version):
            guard let value = discovery.openAPIV3(group: group, version: version) else { throw notFound(request) }
            return Responses.json(value)
        case .health, .resource, .unknown:
            throw notFound(request)
        }
    }

    private func notFound(_ request: Request) -> Status {
        .failure(.notFound, "the server could not find the requested resource (\(request.uri.path))")
    }
}
