import Foundation
import KubeModel

/// What the server does to an object's metadata on create and update. Pure: unit-testable without HTTP.
public enum ObjectRules {
    /// Checks a request body against the resource and path, and returns it ready to store:
    /// apiVersion/kind must match (400), `metadata.namespace` must match the path (400) or is filled in;
    /// uid, creationTimestamp and generation 1 are set; then the resource's strategy adds its defaults,
    /// and the name, the metadata and what the strategy validates must hold (one 422 naming all).
    /// A missing name with `generateName` gets `generatedSuffix` appended.
    public static func prepareForCreate(
        _ body: JSONValue, resource: ResourceInfo, namespace: String?, generatedSuffix: String,
        now: KubeTime = .now()
    ) throws(Status) -> JSONValue {
        try prepareForCreate(
            body, resource: resource, namespace: namespace, generatedSuffix: generatedSuffix,
            context: AdmissionContext(store: nil, now: now))
    }

    static func prepareForCreate(
        _ body: JSONValue, resource: ResourceInfo, namespace: String?, generatedSuffix: String,
        context: AdmissionContext
    ) throws(Status) -> JSONValue {
        var object = try checkTypeMeta(body, resource: resource)
        var metadata = object["metadata"]?.objectValue ?? [:]
        try checkNamespace(&metadata, resource: resource, pathNamespace: namespace)
        var name = metadata["name"]?.stringValue ?? ""
        if name.isEmpty, let prefix = metadata["generateName"]?.stringValue, !prefix.isEmpty {
            name = prefix + generatedSuffix
            metadata["name"] = .string(name)
        }
        if name.isEmpty { throw NameValidation.missingName(kind: resource.type.kind) }
        metadata["uid"] = .string(UUID.newUID())
        metadata["creationTimestamp"] = .string(context.now.description)
        metadata["generation"] = .int(1)
        metadata.removeValue(forKey: "resourceVersion")
        metadata.removeValue(forKey: "deletionTimestamp")
        metadata.removeValue(forKey: "deletionGracePeriodSeconds")
        object["metadata"] = .object(metadata)
        try resource.strategy.prepareForCreate(&object, context: context)
        try check(
            resource.strategy.names.errors(name) + MetadataRules.validate(metadata) + resource.strategy.validate(object),
            resource: resource, name: name)
        return object
    }

    /// The object a PUT stores: identity, creation data and (for resources with a status subresource) the
    /// status come from `old`; a stale `metadata.resourceVersion` is a 409 Conflict; then the strategy's
    /// update rules and validation (422).
    public static func prepareForUpdate(
        _ body: JSONValue, old: JSONValue, resource: ResourceInfo, namespace: String?, name: String
    ) throws(Status) -> JSONValue {
        var object = try checkTypeMeta(body, resource: resource)
        var metadata = object["metadata"]?.objectValue ?? [:]
        try checkNamespace(&metadata, resource: resource, pathNamespace: namespace)
        let bodyName = metadata["name"]?.stringValue ?? ""
        if !bodyName.isEmpty && bodyName != name {
            throw Status.failure(
                .badRequest, "the name of the object (\(bodyName)) does not match the name on the URL (\(name))")
        }
        metadata["name"] = .string(name)
        try checkResourceVersion(metadata, old: old, resource: resource, name: name)
        if resource.hasStatus { object["status"] = old["status"] }
        object["metadata"] = .object(keepSystemFields(metadata, from: old))
        try resource.strategy.prepareForUpdate(&object, old: old)
        try check(
            MetadataRules.validate(metadata) + resource.strategy.validate(object)
                + resource.strategy.validateUpdate(object, old: old),
            resource: resource, name: name)
        return withGeneration(object, old: old)
    }

    /// One 422 Invalid naming every problem, or nothing.
    static func check(_ errors: [FieldError], resource: ResourceInfo, name: String) throws(Status) {
        guard !errors.isEmpty else { return }
        throw errors.invalidStatus(kind: resource.type.kind, group: resource.type.group, name: name)
    }

    /// The object a status write stores: everything from `old` except `status`.
    public static func prepareStatusUpdate(
        _ body: JSONValue, old: JSONValue, resource: ResourceInfo, name: String
    ) throws(Status) -> JSONValue {
        let checked = try checkTypeMeta(body, resource: resource)
        let metadata = checked["metadata"]?.objectValue ?? [:]
        if let bodyName = metadata["name"]?.stringValue, !bodyName.isEmpty, bodyName != name {
            throw Status.failure(
                .badRequest, "the name of the object (\(bodyName)) does not match the name on the URL (\(name))")
        }
        try checkResourceVersion(metadata, old: old, resource: resource, name: name)
        var object = old
        object["status"] = checked["status"]
        return object
    }

    /// Fields the client cannot change on update.
    static func keepSystemFields(_ metadata: JSONObject, from old: JSONValue) -> JSONObject {
        var metadata = metadata
        let oldMetadata = old["metadata"]?.objectValue ?? [:]
        for key in ["uid", "creationTimestamp", "namespace", "generation", "deletionTimestamp", "deletionGracePeriodSeconds", "generateName"] {
            metadata[key] = oldMetadata[key]
        }
        return metadata
    }

    static func withGeneration(_ object: JSONValue, old: JSONValue) -> JSONValue {
        var object = object
        var metadata = object["metadata"]?.objectValue ?? [:]
        metadata["generation"] = .int(GenerationRule.nextGeneration(old: old, new: object))
        object["metadata"] = .object(metadata)
        return object
    }

    static func checkResourceVersion(_ metadata: JSONObject, old: JSONValue, resource: ResourceInfo, name: String)
        throws(Status)
    {
        guard let given = metadata["resourceVersion"]?.stringValue, !given.isEmpty else { return }
        let current = old[path: ["metadata", "resourceVersion"]]?.stringValue ?? ""
        if given != current {
            throw Status.failure(
                .conflict,
                "Operation cannot be fulfilled on \(resource.type.description) \"\(name)\": the object has been modified; please apply your changes to the latest version and try again",
                details: StatusDetails(name: name, group: resource.type.group, kind: resource.type.plural))
        }
    }

    static func checkTypeMeta(_ body: JSONValue, resource: ResourceInfo) throws(Status) -> JSONValue {
        guard case .object = body else {
            throw Status.failure(.badRequest, "the request body must be a JSON object")
        }
        var object = body
        let apiVersion = body["apiVersion"]?.stringValue ?? ""
        let kind = body["kind"]?.stringValue ?? ""
        if !apiVersion.isEmpty && apiVersion != resource.type.apiVersion || !kind.isEmpty && kind != resource.type.kind {
            throw Status.failure(
                .badRequest,
                "the API version in the data (\(apiVersion)) and kind (\(kind)) do not match the path's \(resource.type.apiVersion) \(resource.type.kind)"
            )
        }
        object["apiVersion"] = .string(resource.type.apiVersion)
        object["kind"] = .string(resource.type.kind)
        for field in ["apiVersion", "kind"] {
            if let value = body[field], value != .null, value.stringValue == nil {
                throw cannotDecode(resource, "\(field) must be a string, not \(FieldError.describe(value))")
            }
        }
        if let metadata = body["metadata"], metadata.objectValue == nil, metadata != .null {
            throw Status.failure(.badRequest, "metadata must be an object")
        }
        try checkMetadataTypes(body["metadata"]?.objectValue ?? [:], resource: resource)
        return object
    }

    /// What a typed decode of ObjectMeta would refuse: names that are not strings, labels and
    /// annotations that are not maps of strings, finalizers that are not a list of strings.
    static func checkMetadataTypes(_ metadata: JSONObject, resource: ResourceInfo) throws(Status) {
        for field in ["name", "generateName", "namespace", "resourceVersion", "uid"] {
            if let value = metadata[field], value != .null, value.stringValue == nil {
                throw cannotDecode(resource, "metadata.\(field) must be a string, not \(FieldError.describe(value))")
            }
        }
        for field in ["labels", "annotations"] {
            guard let value = metadata[field], value != .null else { continue }
            guard let map = value.objectValue, map.values.allSatisfy({ $0.stringValue != nil || $0 == .null }) else {
                throw cannotDecode(resource, "metadata.\(field) must be a map of strings")
            }
        }
        if let value = metadata["finalizers"], value != .null {
            guard let list = value.arrayValue, list.allSatisfy({ $0.stringValue != nil }) else {
                throw cannotDecode(resource, "metadata.finalizers must be a list of strings")
            }
        }
    }

    /// Kubernetes' answer to a body that does not decode into the resource's type.
    static func cannotDecode(_ resource: ResourceInfo, _ detail: String) -> Status {
        .failure(
            .badRequest,
            "\(resource.type.kind) in version \"\(resource.type.version)\" cannot be handled as a \(resource.type.kind): \(detail)")
    }

    static func checkNamespace(_ metadata: inout JSONObject, resource: ResourceInfo, pathNamespace: String?) throws(Status) {
        let given = metadata["namespace"]?.stringValue ?? ""
        if resource.type.namespaced {
            guard let pathNamespace, !pathNamespace.isEmpty else {
                throw Status.failure(.badRequest, "\(resource.type.plural) are namespaced: use a namespace path")
            }
            if !given.isEmpty && given != pathNamespace {
                throw Status.failure(
                    .badRequest,
                    "the namespace of the provided object (\(given)) does not match the namespace sent on the request (\(pathNamespace))"
                )
            }
            metadata["namespace"] = .string(pathNamespace)
        } else {
            metadata.removeValue(forKey: "namespace")
        }
    }

    /// Five random characters as Kubernetes uses for `generateName`.
    public static func randomSuffix() -> String {
        let alphabet = Array("bcdfghjklmnpqrstvwxz2456789")
        return String((0..<5).map { _ in alphabet.randomElement() ?? "x" })
    }
}
