import Hummingbird
import KubeModel

/// The `scale` subresource: an autoscaling/v1 Scale read from and written to the paths a CRD names
/// (`specReplicasPath`, `statusReplicasPath`, `labelSelectorPath`), or those of the built-in workloads
/// (``builtin``: `.spec.replicas`, `.status.replicas`, the selector of `.spec.selector` as a string).
enum ScaleSubresource {
    static let builtin = CustomResourceVersion.ScalePaths(
        specReplicas: ".spec.replicas", statusReplicas: ".status.replicas", labelSelector: nil)

    /// The paths of the resource's Scale; nil when it has none.
    static func paths(of resource: ResourceInfo) -> CustomResourceVersion.ScalePaths? {
        if let custom = resource.custom { return custom.scale }
        return resource.subresources.contains("scale") ? builtin : nil
    }

    static func scale(of object: JSONValue, paths: CustomResourceVersion.ScalePaths) -> JSONValue {
        let metadata = object["metadata"] ?? [:]
        var scaleMetadata: JSONObject = [:]
        for key in ["name", "namespace", "uid", "resourceVersion", "creationTimestamp"] {
            if let value = metadata[key] { scaleMetadata[key] = value }
        }
        var status: JSONObject = ["replicas": .int(replicas(in: object, at: paths.statusReplicas) ?? 0)]
        if let selectorPath = paths.labelSelector,
            let selector = JSONPathSubset(selectorPath)?.value(in: object)?.stringValue
        {
            status["selector"] = .string(selector)
        } else if paths == builtin, let selector = object[path: ["spec", "selector"]], selector != .null {
            // A ReplicationController's selector is a plain map of labels.
            let labelSelector = selector["matchLabels"] != nil || selector["matchExpressions"] != nil ? selector : ["matchLabels": selector]
            let text = Cells.selector(labelSelector)
            status["selector"] = .string(text == "<none>" ? "" : text)
        }
        return [
            "apiVersion": "autoscaling/v1", "kind": "Scale", "metadata": .object(scaleMetadata),
            "spec": ["replicas": .int(replicas(in: object, at: paths.specReplicas) ?? 0)],
            "status": .object(status),
        ]
    }

    private static func replicas(in object: JSONValue, at path: String) -> Int64? {
        JSONPathSubset(path)?.value(in: object)?.intValue
    }

    /// The object with the Scale's `spec.replicas` written at `specReplicasPath`; 409 when the Scale
    /// carries a resourceVersion other than the object's, 422 when replicas is missing or negative.
    static func apply(_ scale: JSONValue, to object: JSONValue, paths: CustomResourceVersion.ScalePaths, name: String)
        throws(Status) -> JSONValue
    {
        guard scale.objectValue != nil else { throw Status.failure(.badRequest, "the request body must be a Scale object") }
        if let kind = scale["kind"]?.stringValue, !kind.isEmpty, kind != "Scale" {
            throw Status.failure(.badRequest, "the kind in the data (\(kind)) is not Scale")
        }
        let given = scale[path: ["metadata", "resourceVersion"]]?.stringValue ?? ""
        if !given.isEmpty && given != object[path: ["metadata", "resourceVersion"]]?.stringValue {
            throw Status.failure(
                .conflict,
                "Operation cannot be fulfilled on scale \"\(name)\": the object has been modified; please apply your changes to the latest version and try again")
        }
        let value = scale[path: ["spec", "replicas"]] ?? .null
        guard let replicas = value.intValue, replicas >= 0, replicas <= Int64(Int32.max) else {
            throw [FieldError.invalid("spec.replicas", value, "must be greater than or equal to 0")]
                .invalidStatus(kind: "Scale", group: "autoscaling", name: name)
        }
        guard let keys = JSONPathSubset(paths.specReplicas)?.keys else {
            throw Status.failure(.internalError, "specReplicasPath \(paths.specReplicas) is not a path of keys")
        }
        return setting(object, keys[...], to: .int(replicas))
    }

    private static func setting(_ value: JSONValue, _ keys: ArraySlice<String>, to newValue: JSONValue) -> JSONValue {
        guard let key = keys.first else { return newValue }
        var object = value.objectValue ?? [:]
        object[key] = setting(object[key] ?? [:], keys.dropFirst(), to: newValue)
        return .object(object)
    }
}

extension ResourceHandler {
    /// GET, PUT and PATCH on `.../{name}/scale`.
    func scale(_ resource: ResourceInfo, path: ResourcePath, name: String, request: Request, query: QueryParameters)
        async throws(Status) -> Response
    {
        guard let paths = ScaleSubresource.paths(of: resource) else {
            throw Status.failure(.notFound, "\(resource.type.plural) has no subresource \"scale\"")
        }
        let key = try key(resource, path, name)
        switch request.method {
        case .get:
            return Responses.json(ScaleSubresource.scale(of: try stored(resource, path, name).object, paths: paths))
        case .put, .patch:
            try query.checkFieldValidation()
            let dryRun = try query.dryRun()
            let data = try await RequestBodyReader.read(request, options: options)
            let patchType = request.method == .patch ? try scalePatchType(request) : nil
            let body = try patchType == nil
                ? RequestBodyReader.parse(data, contentType: request.headers[.contentType]) : RequestBodyReader.parseJSON(data)
            let result = try store.modify(resource, key, dryRun: dryRun) { current throws(Status) in
                var scale = body
                if let patchType { scale = try patchType.apply(body, to: ScaleSubresource.scale(of: current.object, paths: paths)) }
                let scaled = try ScaleSubresource.apply(scale, to: current.object, paths: paths, name: name)
                let updated = try ObjectRules.prepareForUpdate(
                    scaled, old: current.object, resource: resource, namespace: key.namespace, name: name)
                return .put(try customResources.admit(updated, old: current.object, resource: resource, fieldValidation: nil))
            }
            return Responses.json(ScaleSubresource.scale(of: result.object.object, paths: paths))
        default:
            throw Status.failure(
                .methodNotAllowed,
                "the server does not allow this method on the requested resource (\(request.method.rawValue) on scale)")
        }
    }

    /// Scale is a built-in type, so all three patch types apply to it.
    private func scalePatchType(_ request: Request) throws(Status) -> PatchType {
        guard let type = PatchType(contentType: request.headers[.contentType]) else {
            throw Status.failure(
                .unsupportedMediaType,
                "the body of the request was in an unknown format - accepted media types include: \(PatchType.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return type
    }
}
