import KubeModel

/// Refuses CustomResourceDefinitions the server could not serve (422 Invalid, fields named like
/// Kubernetes' apiextensions validation).
enum CRDValidation {
    static let scopes: [JSONValue] = ["Cluster", "Namespaced"]
    static let columnTypes: [JSONValue] = ["integer", "number", "string", "boolean", "date"]
    static let labelRule =
        "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character"

    static func validate(_ crd: JSONValue, old: JSONValue?) throws(Status) {
        let spec = CRDSpec(crd)
        var errors = names(spec, crd)
        errors += versions(spec)
        if let old, let oldScope = old[path: ["spec", "scope"]], crd[path: ["spec", "scope"]] != oldScope {
            errors.append(.invalid("spec.scope", crd[path: ["spec", "scope"]] ?? .null, "field is immutable"))
        }
        if !errors.isEmpty {
            throw errors.invalidStatus(kind: "CustomResourceDefinition", group: "apiextensions.k8s.io", name: spec.name)
        }
    }

    private static func names(_ spec: CRDSpec, _ crd: JSONValue) -> [FieldError] {
        var errors: [FieldError] = []
        if spec.group.isEmpty {
            errors.append(.required("spec.group"))
        } else if !NameValidation.isDNS1123Subdomain(spec.group) || !spec.group.contains(".") {
            errors.append(.invalid("spec.group", .string(spec.group), "should be a domain with at least one dot"))
        }
        let scope = crd[path: ["spec", "scope"]] ?? .null
        if !scopes.contains(scope) { errors.append(.notSupported("spec.scope", scope, supported: scopes)) }
        let names = spec.names
        for (field, value) in [("plural", names.plural), ("singular", names.singular)] {
            if value.isEmpty {
                errors.append(.required("spec.names.\(field)"))
            } else if !NameValidation.isDNS1123Label(value) {
                errors.append(.invalid("spec.names.\(field)", .string(value), labelRule))
            }
        }
        for (index, shortName) in names.shortNames.enumerated() where !NameValidation.isDNS1123Label(shortName) {
            errors.append(.invalid("spec.names.shortNames[\(index)]", .string(shortName), labelRule))
        }
        if names.kind.isEmpty { errors.append(.required("spec.names.kind")) }
        if !names.plural.isEmpty, !spec.group.isEmpty, spec.name != "\(names.plural).\(spec.group)" {
            errors.append(.invalid("metadata.name", .string(spec.name), "must be spec.names.plural+\".\"+spec.group"))
        }
        return errors
    }

    private static func versions(_ spec: CRDSpec) -> [FieldError] {
        var errors: [FieldError] = []
        if spec.versions.isEmpty { errors.append(.required("spec.versions", "must have exactly one version marked as storage version")) }
        let storage = spec.versions.filter(\.storage).count
        if !spec.versions.isEmpty && storage != 1 {
            errors.append(.invalid("spec.versions", .int(Int64(storage)), "must have exactly one version marked as storage version"))
        }
        if !spec.versions.isEmpty && !spec.versions.contains(where: \.served) {
            errors.append(.invalid("spec.versions", .null, "must have at least one version marked as served"))
        }
        var seen: Set<String> = []
        for (index, version) in spec.versions.enumerated() {
            let path = "spec.versions[\(index)]"
            if !NameValidation.isDNS1123Label(version.name) {
                errors.append(.invalid("\(path).name", .string(version.name), labelRule))
            }
            if !seen.insert(version.name).inserted { errors.append(.duplicate("\(path).name", .string(version.name))) }
            errors += SchemaStructure.check(version.schema, path: "\(path).schema.openAPIV3Schema")
            errors += scale(version.scale, path: "\(path).subresources.scale")
            errors += columns(version.printerColumns, path: "\(path).additionalPrinterColumns")
        }
        return errors
    }

    private static func scale(_ scale: CustomResourceVersion.ScalePaths?, path: String) -> [FieldError] {
        guard let scale else { return [] }
        var errors: [FieldError] = []
        if !scale.specReplicas.hasPrefix(".spec.") {
            errors.append(.invalid("\(path).specReplicasPath", .string(scale.specReplicas), "should be a json path under .spec"))
        }
        if !scale.statusReplicas.hasPrefix(".status.") {
            errors.append(.invalid("\(path).statusReplicasPath", .string(scale.statusReplicas), "should be a json path under .status"))
        }
        if let selector = scale.labelSelector, !selector.hasPrefix(".spec.") && !selector.hasPrefix(".status.") {
            errors.append(.invalid("\(path).labelSelectorPath", .string(selector), "should be a json path under either .spec or .status"))
        }
        return errors
    }

    private static func columns(_ columns: [CustomResourceVersion.PrinterColumn], path: String) -> [FieldError] {
        var errors: [FieldError] = []
        for (index, column) in columns.enumerated() {
            let item = "\(path)[\(index)]"
            if column.name.isEmpty { errors.append(.required("\(item).name")) }
            if !columnTypes.contains(.string(column.type)) {
                errors.append(.notSupported("\(item).type", .string(column.type), supported: columnTypes))
            }
            if column.jsonPath.isEmpty {
                errors.append(.required("\(item).jsonPath"))
            } else if JSONPathSubset(column.jsonPath) == nil {
                errors.append(.invalid("\(item).jsonPath", .string(column.jsonPath), "must be a simple json path"))
            }
        }
        return errors
    }
}
