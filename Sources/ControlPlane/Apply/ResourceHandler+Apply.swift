import Hummingbird
import KubeModel

extension ResourceHandler {
    /// The manager a write is recorded under: `?fieldManager=`, else its User-Agent's product.
    func fieldManager(_ request: Request, _ query: QueryParameters) -> String {
        ManagedFields.manager(fieldManager: query["fieldManager"], userAgent: request.headers[.userAgent])
    }

    static func managedScope(_ resource: ResourceInfo, _ subresource: String?) -> FieldSet.Scope {
        subresource.map(FieldSet.Scope.subresource) ?? .main(statusIsSeparate: resource.hasStatus)
    }

    /// What an update, patch or subresource write does to `managedFields`, as a function of the new and
    /// the stored object.
    func managerRecorder(_ resource: ResourceInfo, path: ResourcePath, request: Request, query: QueryParameters)
        -> @Sendable (JSONValue, JSONValue) -> JSONValue
    {
        let manager = fieldManager(request, query)
        let scope = Self.managedScope(resource, path.subresource)
        let apiVersion = resource.type.apiVersion
        let lists = ListPosition.root(of: resource)
        return { new, old in
            var object = new
            ManagedFields.recordUpdate(
                &object, old: old, manager: manager, apiVersion: apiVersion, scope: scope, lists: lists, now: .now())
            return object
        }
    }

    /// `PATCH` with `application/apply-patch+yaml`: server-side apply of the body onto the object (or its
    /// `status`), which is created when it does not exist yet.
    func apply(
        _ resource: ResourceInfo, path: ResourcePath, name: String, request: Request, query: QueryParameters, user: UserInfo
    ) async throws(Status) -> Response {
        guard let manager = query["fieldManager"], !manager.isEmpty else {
            throw Status.failure(
                .invalid, "PatchOptions.meta.k8s.io \"\" is invalid: fieldManager: Required value: is required for apply patch")
        }
        try query.checkFieldValidation()
        let dryRun = try query.dryRun()
        let data = try await RequestBodyReader.read(request, options: options)
        let config = try RequestBodyReader.parseYAML(data)
        guard config.objectValue != nil else { throw Status.failure(.badRequest, "an apply patch must be an object") }
        let key = try key(resource, path, name)
        let status = path.subresource == "status"
        let applier = ServerSideApply(
            manager: manager, force: query.flag("force"), apiVersion: resource.type.apiVersion,
            scope: Self.managedScope(resource, path.subresource), lists: .root(of: resource), now: .now())
        do {
            let result = try await modifyAdmitted(resource, key, subresource: path.subresource, dryRun: dryRun, user: user) {
                current throws(Status) in
                let applied = try applier.apply(config, to: current.object, kind: resource.type.kind, name: name)
                if status {
                    return .put(
                        try customResources.admit(
                            try ObjectRules.prepareStatusUpdate(applied, old: current.object, resource: resource, name: name),
                            old: current.object, resource: resource, fieldValidation: query["fieldValidation"]))
                }
                let updated = try customResources.admit(
                    try ObjectRules.prepareForUpdate(
                        applied, old: current.object, resource: resource, namespace: key.namespace, name: name),
                    old: current.object, resource: resource, fieldValidation: query["fieldValidation"])
                return try .update(updated, old: current.object)
            }
            customResources.committed(resource, result.object.object, deleted: result.deleted, dryRun: dryRun)
            log("apply", resource, key, code: 200)
            return Responses.object(result.object)
        } catch where error.statusReason == .notFound && path.subresource == nil && store.get(resource, key) == nil {
            var object = try applier.apply(config, to: nil, kind: resource.type.kind, name: name)
            if object[path: ["metadata", "name"]]?.stringValue == nil {
                var metadata = object["metadata"]?.objectValue ?? [:]
                metadata["name"] = .string(name)
                object["metadata"] = .object(metadata)
            }
            guard object[path: ["metadata", "name"]]?.stringValue == name else {
                throw Status.failure(
                    .badRequest,
                    "the name of the object (\(object[path: ["metadata", "name"]]?.stringValue ?? "")) does not match the name on the URL (\(name))")
            }
            let stored = try await insert(
                object, resource, path: path, query: query, user: user, dryRun: dryRun, generated: false, record: { _ in })
            return Responses.object(stored, status: 201)
        }
    }
}
