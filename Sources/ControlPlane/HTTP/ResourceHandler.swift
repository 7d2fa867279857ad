import Foundation
import Hummingbird
import KubeModel
import Logging

/// The verbs on resources: get, list, watch, create, update, patch, delete, and the `status` and
/// `binding` subresources. Every failure is thrown as a `Status`.
struct ResourceHandler: Sendable {
    let store: ObjectStore
    let registry: ResourceRegistry
    let options: APIServerOptions
    let tokens: ServiceAccountTokens
    let logger: Logger

    func handle(_ request: Request, path: ResourcePath, query: QueryParameters, user: UserInfo) async throws(Status)
        -> Response
    {
        guard let resource = registry.lookup(group: path.group, version: path.version, plural: path.plural) else {
            throw Status.failure(
                .notFound, "the server could not find the requested resource (\(path.plural))")
        }
        if path.namespace != nil && !resource.type.namespaced {
            throw Status.failure(.notFound, "\(resource.type.plural) are not namespaced")
        }
        if let sub = path.subresource, !resource.subresources.contains(sub) {
            throw Status.failure(.notFound, "\(resource.type.plural) has no subresource \"\(sub)\"")
        }
        if resource.isReview { return try await review(resource, path: path, request: request, user: user) }
        let method = request.method
        switch (path.name, path.subresource) {
        case (nil, _):
            switch method {
            case .get:
                if query.flag("watch") {
                    return try watch(resource, path: path, query: query, accept: request.headers[.accept])
                }
                return try list(resource, path: path, query: query, accept: request.headers[.accept])
            case .post:
                return try await create(resource, path: path, request: request, query: query, user: user)
            case .delete where resource.supportsDeleteCollection && (path.namespace != nil || !resource.type.namespaced):
                return try await deleteCollection(resource, path: path, request: request, query: query)
            default:
                throw methodNotAllowed(method, path: "collection")
            }
        case (let name?, nil):
            switch method {
            case .get: return try get(resource, path: path, name: name, accept: request.headers[.accept])
            case .put: return try await update(resource, path: path, name: name, request: request, query: query, user: user)
            case .patch: return try await patch(resource, path: path, name: name, request: request, query: query, user: user)
            case .delete: return try await delete(resource, path: path, name: name, request: request, query: query)
            default: throw methodNotAllowed(method, path: "object")
            }
        case (let name?, "status"?):
            switch method {
            case .get: return try get(resource, path: path, name: name, accept: nil)
            case .put: return try await updateStatus(resource, path: path, name: name, request: request, query: query, user: user)
            case .patch:
                return try await patch(resource, path: path, name: name, request: request, query: query, user: user, status: true)
            default: throw methodNotAllowed(method, path: "status")
            }
        case (let name?, "resize"?):
            switch method {
            case .get: return try get(resource, path: path, name: name, accept: nil)
            case .put: return try await updateResize(resource, path: path, name: name, request: request, query: query, user: user)
            case .patch:
                return try await patch(resource, path: path, name: name, request: request, query: query, user: user, resize: true)
            default: throw methodNotAllowed(method, path: "resize")
            }
        case (let name?, "finalize"?):
            guard method == .put else { throw methodNotAllowed(method, path: "finalize") }
            return try await finalize(resource, path: path, name: name, request: request, query: query)
        case (let name?, "scale"?):
            return try await scale(resource, path: path, name: name, request: request, query: query)
        case (let name?, "binding"?):
            guard method == .post else { throw methodNotAllowed(method, path: "binding") }
            return try await bind(resource, path: path, name: name, request: request, query: query)
        case (let name?, "log"?):
            guard method == .get else { throw methodNotAllowed(method, path: "log") }
            return try podLog(resource, path: path, name: name, query: query)
        case (let name?, "eviction"?):
            guard method == .post else { throw methodNotAllowed(method, path: "eviction") }
            return try await evict(resource, path: path, name: name, request: request, query: query)
        case (let name?, "token"?):
            return try await tokenRequest(resource, path: path, name: name, request: request)
        case (let name?, "exec"?):
            return try podExec(resource, path: path, name: name)
        default:
            throw Status.failure(.notFound, "the server could not find the requested resource")
        }
    }

    private func methodNotAllowed(_ method: HTTPRequest.Method, path: String) -> Status {
        .failure(.methodNotAllowed, "the server does not allow this method on the requested resource (\(method.rawValue) on \(path))")
    }

    func key(_ resource: ResourceInfo, _ path: ResourcePath, _ name: String) throws(Status) -> ObjectKey {
        if resource.type.namespaced && (path.namespace ?? "").isEmpty {
            throw Status.failure(.notFound, "\(resource.type.plural) are namespaced: the path needs a namespace")
        }
        return ObjectKey(namespace: resource.type.namespaced ? path.namespace : nil, name: name)
    }

    // MARK: Reads

    private func get(_ resource: ResourceInfo, path: ResourcePath, name: String, accept: String?) throws(Status) -> Response {
        let shape = try ResponseShape.negotiate(accept, list: false)
        let stored = try stored(resource, path, name)
        switch shape {
        case .table:
            return Responses.table(
                TableConverter.table(resource, items: [stored.object], resourceVersion: stored.resourceVersion, continueToken: nil))
        case .metadata(let version):
            return Responses.json(ResponseShape.partial(stored.object, version: version))
        case .object:
            return Responses.object(stored)
        }
    }

    /// The object `path` names, or 404.
    func stored(_ resource: ResourceInfo, _ path: ResourcePath, _ name: String) throws(Status) -> StoredObject {
        guard let stored = store.get(resource, try key(resource, path, name)) else {
            throw ObjectStore.notFound(resource, name)
        }
        return stored
    }

    func filter(_ resource: ResourceInfo, _ path: ResourcePath, _ query: QueryParameters) throws(Status) -> ObjectFilter {
        let fields = try query["fieldSelector"].map { text throws(Status) in try FieldSelectorExpression(parsing: text) }
            ?? .everything
        try FieldLabels.check(fields, for: resource)
        return ObjectFilter(
            namespace: path.namespace,
            labels: try query["labelSelector"].map { text throws(Status) in try LabelSelectorExpression(parsing: text) }
                ?? .everything,
            fields: fields)
    }

    private func list(_ resource: ResourceInfo, path: ResourcePath, query: QueryParameters, accept: String?) throws(Status) -> Response {
        let shape = try ResponseShape.negotiate(accept, list: true)
        let limit = try query.integer("limit")
        let result = try store.list(
            resource, filter: try filter(resource, path, query), limit: limit.map { Int(clamping: $0) },
            continueToken: query["continue"].flatMap { $0.isEmpty ? nil : $0 })
        switch shape {
        case .table:
            return Responses.table(
                TableConverter.table(
                    resource, items: result.items.map(\.object), resourceVersion: result.resourceVersion,
                    continueToken: result.continueToken))
        case .metadata(let version):
            return Responses.json(
                ResponseShape.partialList(
                    result.items.map(\.object), version: version, resourceVersion: result.resourceVersion,
                    continueToken: result.continueToken, remaining: result.remainingItemCount))
        case .object:
            return Responses.list(resource, result)
        }
    }

    private func watch(
        _ resource: ResourceInfo, path: ResourcePath, query: QueryParameters, accept: String?
    ) throws(Status) -> Response {
        let since: Int64?
        if let text = query["resourceVersion"], !text.isEmpty {
            guard let value = Int64(text) else {
                throw Status.failure(.badRequest, "invalid resourceVersion \"\(text)\"")
            }
            since = value
        } else {
            since = nil
        }
        let subscription: ObjectStore.Subscription
        do {
            subscription = try store.watch(resource, filter: try filter(resource, path, query), after: since)
        } catch where error.statusReason == .gone {
            // kube-apiserver starts such a watch and ends it at once with an ERROR event (410 Expired).
            return Responses.watchError(.failure(.expired, error.message ?? "too old resource version"))
        }
        let timeout = try query.integer("timeoutSeconds").map { Double($0) } ?? options.defaultWatchTimeout
        return WatchStreamer(
            store: store, resource: resource, subscription: subscription, timeout: timeout,
            bookmarkInterval: query.flag("allowWatchBookmarks") ? options.watchBookmarkInterval : nil,
            shape: try ResponseShape.negotiate(accept, list: false), logger: logger
        ).response()
    }

    // MARK: Writes

    func body(_ request: Request) async throws(Status) -> JSONValue {
        let data = try await RequestBodyReader.read(request, options: options)
        return try RequestBodyReader.parse(data, contentType: request.headers[.contentType])
    }

    private func create(
        _ resource: ResourceInfo, path: ResourcePath, request: Request, query: QueryParameters, user: UserInfo
    ) async throws(Status) -> Response {
        try query.checkFieldValidation()
        let dryRun = try query.dryRun()
        var body = try await body(request)
        let unknown = try UnknownFieldValidation.admit(&body, resource: resource, fieldValidation: query["fieldValidation"])
        if resource.type.namespaced && (path.namespace ?? "").isEmpty {
            throw Status.failure(.methodNotAllowed, "create needs a namespace path for \(resource.type.plural)")
        }
        let generated = (body[path: ["metadata", "name"]]?.stringValue ?? "").isEmpty
        let manager = fieldManager(request, query)
        let stored = try await insert(body, resource, path: path, query: query, user: user, dryRun: dryRun, generated: generated) {
            object in
            ManagedFields.recordUpdate(
                &object, old: nil, manager: manager, apiVersion: resource.type.apiVersion,
                scope: Self.managedScope(resource, path.subresource), lists: .root(of: resource), now: .now())
        }
        var response = Responses.object(stored, status: 201)
        UnknownFieldValidation.addWarnings(unknown, to: &response.headers)
        return response
    }

    /// The create of `body`: metadata and the resource's rules, the validating webhooks, the store; a
    /// generated name taken already is drawn again. `record` adds the managed fields.
    func insert(
        _ body: JSONValue, _ resource: ResourceInfo, path: ResourcePath, query: QueryParameters, user: UserInfo,
        dryRun: Bool, generated: Bool, record: (inout JSONValue) -> Void
    ) async throws(Status) -> StoredObject {
        var attempt = 0
        while true {
            attempt += 1
            var object = try customResources.admit(
                try ObjectRules.prepareForCreate(
                    body, resource: resource, namespace: path.namespace,
                    generatedSuffix: generated ? ObjectRules.randomSuffix() : "", context: AdmissionContext(store: store)),
                old: nil, resource: resource, fieldValidation: query["fieldValidation"])
            record(&object)
            try await admission.validate(
                AdmissionAttributes(
                    resource: resource, operation: .create, namespace: path.namespace,
                    name: object[path: ["metadata", "name"]]?.stringValue ?? "", object: object, dryRun: dryRun, user: user))
            do {
                let stored = try store.create(resource, object, dryRun: dryRun)
                customResources.committed(resource, stored.object, deleted: false, dryRun: dryRun)
                log("create", resource, stored.key, code: 201)
                return stored
            } catch where error.statusReason == .alreadyExists && generated && attempt < 8 {
                continue
            }
        }
    }

    private func update(
        _ resource: ResourceInfo, path: ResourcePath, name: String, request: Request, query: QueryParameters,
        user: UserInfo
    ) async throws(Status) -> Response {
        let record = managerRecorder(resource, path: path, request: request, query: query)
        return try await put(resource, path: path, name: name, request: request, query: query, user: user, verb: "update") {
            body, current, key throws(Status) in
            let updated = try customResources.admit(
                try ObjectRules.prepareForUpdate(
                    body, old: current.object, resource: resource, namespace: key.namespace, name: name),
                old: current.object, resource: resource, fieldValidation: query["fieldValidation"])
            return try .update(record(updated, current.object), old: current.object)
        }
    }

    private func updateStatus(
        _ resource: ResourceInfo, path: ResourcePath, name: String, request: Request, query: QueryParameters,
        user: UserInfo
    ) async throws(Status) -> Response {
        let record = managerRecorder(resource, path: path, request: request, query: query)
        return try await put(resource, path: path, name: name, request: request, query: query, user: user, verb: "update-status") {
            body, current, _ throws(Status) in
            .put(
                record(
                    try customResources.admit(
                        try ObjectRules.prepareStatusUpdate(body, old: current.object, resource: resource, name: name),
                        old: current.object, resource: resource, fieldValidation: query["fieldValidation"]),
                    current.object))
        }
    }

    private func updateResize(
        _ resource: ResourceInfo, path: ResourcePath, name: String, request: Request, query: QueryParameters,
        user: UserInfo
    ) async throws(Status) -> Response {
        let record = managerRecorder(resource, path: path, request: request, query: query)
        return try await put(resource, path: path, name: name, request: request, query: query, user: user, verb: "update-resize") {
            body, current, _ throws(Status) in
            .put(record(try ResizeRule.resize(body, old: current.object, name: name), current.object))
        }
    }

    /// A PUT on an object or one of its subresources: the body is read and checked, then `change` decides,
    /// under the store's lock, what becomes of the current object.
    private func put(
        _ resource: ResourceInfo, path: ResourcePath, name: String, request: Request, query: QueryParameters,
        user: UserInfo, verb: String, _ change: (JSONValue, StoredObject, ObjectKey) throws(Status) -> ObjectStore.Change
    ) async throws(Status) -> Response {
        try query.checkFieldValidation()
        let dryRun = try query.dryRun()
        var body = try await body(request)
        let unknown =
            verb == "update" ? try UnknownFieldValidation.admit(&body, resource: resource, fieldValidation: query["fieldValidation"]) : []
        let key = try key(resource, path, name)
        let result = try await modifyAdmitted(resource, key, subresource: path.subresource, dryRun: dryRun, user: user) {
            current throws(Status) in
            try change(body, current, key)
        }
        customResources.committed(resource, result.object.object, deleted: result.deleted, dryRun: dryRun)
        log(verb, resource, key, code: 200)
        var response = Responses.object(result.object)
        UnknownFieldValidation.addWarnings(unknown, to: &response.headers)
        return response
    }

    private func patch(
        _ resource: ResourceInfo, path: ResourcePath, name: String, request: Request, query: QueryParameters,
        user: UserInfo, status: Bool = false, resize: Bool = false
    ) async throws(Status) -> Response {
        if PatchType.isApply(contentType: request.headers[.contentType]) {
            return try await apply(resource, path: path, name: name, request: request, query: query, user: user)
        }
        guard let patchType = PatchType(contentType: request.headers[.contentType]) else {
            throw PatchType.unsupported(request.headers[.contentType])
        }
        if query.flag("force") {
            throw Status.failure(.invalid, "PatchOptions.meta.k8s.io \"\" is invalid: force: Forbidden: may not be specified for non-apply patch")
        }
        let record = managerRecorder(resource, path: path, request: request, query: query)
        try customResources.checkPatchType(patchType, resource: resource)
        try query.checkFieldValidation()
        let dryRun = try query.dryRun()
        let data = try await RequestBodyReader.read(request, options: options)
        let patch = try RequestBodyReader.parseJSON(data)
        let key = try key(resource, path, name)
        let result = try await modifyAdmitted(resource, key, subresource: path.subresource, dryRun: dryRun, user: user) {
            current throws(Status) in
            let patched = try patchType.apply(patch, to: current.object)
            if status {
                return .put(
                    record(
                        try customResources.admit(
                            try ObjectRules.prepareStatusUpdate(patched, old: current.object, resource: resource, name: name),
                            old: current.object, resource: resource, fieldValidation: query["fieldValidation"]),
                        current.object))
            }
            if resize { return .put(record(try ResizeRule.resize(patched, old: current.object, name: name), current.object)) }
            let updated = try customResources.admit(
                try ObjectRules.prepareForUpdate(
                    patched, old: current.object, resource: resource, namespace: key.namespace, name: name),
                old: current.object, resource: resource, fieldValidation: query["fieldValidation"])
            return try .update(record(updated, current.object), old: current.object)
        }
        customResources.committed(resource, result.object.object, deleted: result.deleted, dryRun: dryRun)
        log(status ? "patch-status" : resize ? "patch-resize" : "patch", resource, key, code: 200)
        return Responses.object(result.object)
    }

    private func delete(
        _ resource: ResourceInfo, path: ResourcePath, name: String, request: Request, query: QueryParameters
    ) async throws(Status) -> Response {
        let dryRun = try query.dryRun()
        let deleteOptions = try await self.deleteOptions(request, query)
        let key = try key(resource, path, name)
        let result = try ObjectDeleter(store: store).delete(resource, key, options: deleteOptions, dryRun: dryRun)
        // Kubernetes answers 202 only for the deprecated orphanDependents=false; 200 otherwise.
        let code = !result.deleted && deleteOptions.orphanDependents == false ? 202 : 200
        customResources.committed(resource, result.object.object, deleted: result.deleted, dryRun: dryRun)
        log("delete", resource, key, code: code)
        return Responses.object(result.object, status: code)
    }

    /// DeleteOptions from the body and the query, the query's taking precedence.
    func deleteOptions(_ request: Request, _ query: QueryParameters) async throws(Status) -> DeleteOptions {
        let data = try await RequestBodyReader.read(request, options: options)
        var deleteOptions = DeleteOptions()
        if !data.isEmpty {
            deleteOptions = try DeleteOptions(body: try RequestBodyReader.parse(data, contentType: request.headers[.contentType]))
        }
        if let policy = query["propagationPolicy"] { deleteOptions.propagationPolicy = policy }
        if let grace = try query.integer("gracePeriodSeconds") { deleteOptions.gracePeriodSeconds = grace }
        if let uid = query["preconditions.uid"] { deleteOptions.preconditionUID = uid }
        if let rv = query["preconditions.resourceVersion"] { deleteOptions.preconditionResourceVersion = rv }
        if let orphan = query["orphanDependents"] { deleteOptions.orphanDependents = orphan == "true" }
        try deleteOptions.validatePolicy()
        return deleteOptions
    }

    /// DELETE on a collection: every object the label and field selectors match is deleted as one DELETE
    /// would delete it; the answer is the list of them as they were left (gone, or marked for deletion).
    private func deleteCollection(
        _ resource: ResourceInfo, path: ResourcePath, request: Request, query: QueryParameters
    ) async throws(Status) -> Response {
        let dryRun = try query.dryRun()
        let deleteOptions = try await self.deleteOptions(request, query)
        let matching = try store.list(resource, filter: try filter(resource, path, query), limit: nil, continueToken: nil)
        var deleted: [StoredObject] = []
        for item in matching.items {
            do {
                let result = try ObjectDeleter(store: store).delete(resource, item.key, options: deleteOptions, dryRun: dryRun)
                customResources.committed(resource, result.object.object, deleted: result.deleted, dryRun: dryRun)
                deleted.append(result.object)
            } catch where error.statusReason == .notFound {
                continue  // gone meanwhile
            }
        }
        log("deletecollection", resource, ObjectKey(namespace: path.namespace, name: ""), code: 200)
        return Responses.list(resource, ObjectStore.ListResult(items: deleted, resourceVersion: store.currentResourceVersion))
    }

    private func bind(
        _ resource: ResourceInfo, path: ResourcePath, name: String, request: Request, query: QueryParameters
    ) async throws(Status) -> Response {
        let dryRun = try query.dryRun()
        let body = try await body(request)
        let node = try BindingRule.targetNode(of: body, podName: name)
        let key = try key(resource, path, name)
        _ = try store.modify(resource, key, dryRun: dryRun) { current throws(Status) in
            .put(try BindingRule.bind(current.object, to: node))
        }
        log("bind", resource, key, code: 201)
        return Responses.json(Self.createdStatus, status: 201)
    }

    /// The answer to every successful binding and eviction (Success, 201), encoded once.
    static let createdStatus: Data = {
        var status = Status.success()
        status.code = 201
        return (try? KubeJSON.encode(status)) ?? Data()
    }()

    func log(_ verb: String, _ resource: ResourceInfo, _ key: ObjectKey, code: Int) {
        logger.debug(
            "request",
            metadata: [
                "verb": "\(verb)", "resource": "\(resource.type.description)",
                "namespace": "\(key.namespace ?? "")", "name": "\(key.name)", "code": "\(code)",
            ])
    }
}
