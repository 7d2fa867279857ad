import Foundation
import Hummingbird
import KubeModel
import Logging

/// Answers every request: health checks, authentication, discovery, OpenAPI, and the resources.
/// Every error becomes a `Status` response; nothing a client sends can stop the server.
struct APIResponder: HTTPResponder {
    typealias Context = BasicRequestContext

    let token: String
    let resources: ResourceHandler
    let discovery: Discovery
    /// nil: no audit log.
    let audit: AuditLog?
    let logger: Logger

    func respond(to request: Request, context: Context) async throws -> Response {
        let received = Date()
        let authenticated = authorized(request)
        let response = await answer(request, authenticated: authenticated)
        audit?.record(
            AuditEvent(request: request, response: response, user: authenticated ? .tokenUser : .anonymous, received: received))
        return response
    }

    private func answer(_ request: Request, authenticated: Bool) async -> Response {
        let path = RequestPath(request.uri.path)
        if case .health = path {
            return Responses.text("ok")
        }
        guard authenticated else {
            logger.info("unauthorized request", metadata: ["path": "\(request.uri.path)", "code": "401"])
            return Responses.status(.failure(.unauthorized, "Unauthorized"))
        }
        do {
            return try await route(request, path: path)
        } catch {
            logger.debug(
                "request failed",
                metadata: [
                    "verb": "\(request.method.rawValue)", "path": "\(request.uri.path)", "code": "\(error.code ?? 500)",
                    "reason": "\(error.reason ?? "")",
                ])
            return Responses.status(error)
        }
    }

    private func authorized(_ request: Request) -> Bool {
        guard let header = request.headers[.authorization] else { return false }
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { return false }
        return constantTimeEquals(String(parts[1]).trimmingSpaces(), token)
    }

    private func constantTimeEquals(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8)
        let y = Array(b.utf8)
        guard x.count == y.count else { return false }
        var difference: UInt8 = 0
        for index in x.indices { difference |= x[index] ^ y[index] }
        return difference == 0
    }

    private func route(_ request: Request, path: RequestPath) async throws(Status) -> Response {
        let query = QueryParameters(request.uri.query)
        if case .resource(let resourcePath) = path {
            return try await resources.handle(request, path: resourcePath, query: query)
        }
        guard request.method == .get else {
            if path == .unknown { throw notFound(request) }
            throw Status.failure(.methodNotAllowed, "the server does not allow this method on the requested resource")
        }
        switch path {
        case .version: return Responses.json(discovery.version())
        case .apiVersions: return Responses.json(discovery.apiVersions())
        case .apiGroups: return Responses.json(discovery.apiGroupList())
        case .apiGroup(let group):
            guard let value = discovery.apiGroup(group) else { throw notFound(request) }
            return Responses.json(value)
        case .groupVersion(let group, let version):
            guard let value = discovery.resourceList(group: group, version: version) else { throw notFound(request) }
            return Responses.json(value)
        case .openAPIV2:
            throw Status.failure(.notFound, "OpenAPI v2 is not served; use /openapi/v3")
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
