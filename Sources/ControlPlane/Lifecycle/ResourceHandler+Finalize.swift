import Hummingbird
import KubeModel

extension ResourceHandler {
    /// `PUT /api/v1/namespaces/{name}/finalize`: writes `spec.finalizers` only (the way to release a
    /// namespace held by a finalizer no controller removes); an emptied, Terminating namespace goes.
    func finalize(
        _ resource: ResourceInfo, path: ResourcePath, name: String, request: Request, query: QueryParameters
    ) async throws(Status) -> Response {
        guard DeleteRules.isNamespace(resource) else {
            throw Status.failure(.notFound, "\(resource.type.plural) has no subresource \"finalize\"")
        }
        let dryRun = try query.dryRun()
        let data = try await RequestBodyReader.read(request, options: options)
        let body = try RequestBodyReader.parse(data, contentType: request.headers[.contentType])
        let key = ObjectKey(namespace: nil, name: name)
        let result = try store.modify(resource, key, dryRun: dryRun) { current throws(Status) in
            let checked = try ObjectRules.checkTypeMeta(body, resource: resource)
            try ObjectRules.checkResourceVersion(
                checked["metadata"]?.objectValue ?? [:], old: current.object, resource: resource, name: name)
            var updated = current.object
            var spec = updated["spec"]?.objectValue ?? [:]
            spec["finalizers"] = checked[path: ["spec", "finalizers"]]
            updated["spec"] = .object(spec)
            return try .update(updated, old: current.object)
        }
        return Responses.object(result.object)
    }
}
