import KubeModel
import Logging

/// Custom resources in the request path: CustomResourceDefinitions are checked and given their status
/// before they are stored and (un)registered in the registry right after; custom objects are pruned,
/// defaulted and validated against their version's schema before they are stored.
struct CustomResources: Sendable {
    let store: ObjectStore
    let registry: ResourceRegistry
    let logger: Logger

    static let definitions = BuiltinResources.customResourceDefinitions

    /// The object to store instead of `object` (nil `old` on create); throws 400/422 on bad input.
    func admit(
        _ object: JSONValue, old: JSONValue?, resource: ResourceInfo, fieldValidation: String?
    ) throws(Status) -> JSONValue {
        if resource.type == Self.definitions.type { return try admitDefinition(object, old: old) }
        guard let custom = resource.custom else { return object }
        var admitted = object
        if old == nil && resource.hasStatus { admitted["status"] = nil }
        guard let schema = custom.schema else { return admitted }
        let unknown = SchemaPruner.prune(&admitted, schema: schema)
        if fieldValidation == "Strict" && !unknown.isEmpty {
            let fields = unknown.map { "unknown field \(FieldError.quote($0))" }.joined(separator: ", ")
            throw Status.failure(
                .badRequest,
                "\(resource.type.kind) in version \"\(resource.type.version)\" cannot be handled as a \(resource.type.kind): strict decoding error: \(fields)")
        }
        SchemaDefaulter.apply(&admitted, schema: schema)
        let errors = SchemaValidator.validate(admitted, schema: schema, path: "")
        if !errors.isEmpty {
            throw errors.invalidStatus(
                kind: resource.type.kind, group: resource.type.group,
                name: admitted[path: ["metadata", "name"]]?.stringValue ?? "")
        }
        return admitted
    }

    private func admitDefinition(_ crd: JSONValue, old: JSONValue?) throws(Status) -> JSONValue {
        try CRDValidation.validate(crd, old: old)
        let spec = CRDSpec(crd)
        for info in spec.servedResources {
            let existing = registry.lookup(group: info.type.group, version: info.type.version, plural: info.type.plural)
            if let existing, existing.custom?.definitionName != spec.name {
                throw [FieldError.invalid("spec.names.plural", .string(spec.names.plural), "conflicts with a resource the server already serves")]
                    .invalidStatus(kind: "CustomResourceDefinition", group: Self.definitions.type.group, name: spec.name)
            }
        }
        var admitted = crd
        admitted["status"] = CRDStatus.status(for: spec, old: old?["status"])
        return admitted
    }

    /// After a write is stored: a CustomResourceDefinition's served versions are registered, or, once it
    /// is deleted, unregistered and its objects deleted.
    func committed(_ resource: ResourceInfo, _ object: JSONValue, deleted: Bool, dryRun: Bool) {
        guard !dryRun, resource.type == Self.definitions.type else { return }
        let spec = CRDSpec(object)
        if deleted {
            unregister(definition: spec.name, keeping: [])
            deleteObjects(of: spec)
        } else {
            register(spec)
        }
    }

    /// Registers the CRDs already in the store (on server start).
    func restore() {
        guard let result = try? store.list(Self.definitions, filter: ObjectFilter(), limit: nil, continueToken: nil)
        else { return }
        for item in result.items { register(CRDSpec(item.object)) }
        logger.debug("custom resources restored", metadata: ["definitions": "\(result.items.count)"])
    }

    private func register(_ spec: CRDSpec) {
        let served = spec.servedResources
        for info in served { registry.register(info) }
        unregister(definition: spec.name, keeping: Set(served.map(\.type)))
    }

    private func unregister(definition: String, keeping: Set<ResourceType>) {
        for info in registry.all where info.custom?.definitionName == definition && !keeping.contains(info.type) {
            registry.unregister(info.type)
        }
    }

    private func deleteObjects(of spec: CRDSpec) {
        let info = spec.storageResource
        guard let result = try? store.list(info, filter: ObjectFilter(), limit: nil, continueToken: nil) else { return }
        for item in result.items {
            do {
                _ = try store.modify(info, item.key) { _ throws(Status) in .delete }
            } catch where error.statusReason == .notFound {
                continue
            } catch {
                logger.error("cannot delete custom object", metadata: ["resource": "\(info.type)", "error": "\(error.message ?? "")"])
            }
        }
        logger.debug("custom objects deleted", metadata: ["resource": "\(info.type)", "count": "\(result.items.count)"])
    }
}

extension CustomResources {
    /// Custom resources take merge and JSON patches only, as in Kubernetes (415 for strategic merge).
    func checkPatchType(_ type: PatchType, resource: ResourceInfo) throws(Status) {
        guard resource.custom != nil, type == .strategicMerge else { return }
        throw Status.failure(
            .unsupportedMediaType,
            "the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json")
    }
}
