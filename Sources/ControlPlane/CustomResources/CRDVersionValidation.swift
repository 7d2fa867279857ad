import KubeModel

/// The checks of `spec.versions`. Kubernetes v1.21 converts a v1 CRD to its internal version first,
/// which moves a schema, subresources or printer columns that every version shares up into
/// `spec.validation`, `spec.subresources` and `spec.additionalPrinterColumns`; errors there are named so.
struct CRDVersionValidation {
    static let columnTypes = ["boolean", "date", "integer", "number", "string"]
    static let columnFormats = ["byte", "date", "date-time", "double", "float", "int32", "int64", "password"]

    let versions: [JSONValue]
    private(set) var errors: [FieldError] = []

    init(_ spec: JSONValue) {
        versions = spec["versions"]?.arrayValue ?? []
        list()
        for (index, version) in versions.enumerated() { self.version(version, index) }
        if versions.isEmpty { return }
        if shared("schema") {
            let status = versions.contains(where: hasStatus)
            schema(versions[0][path: ["schema", "openAPIV3Schema"]], status: status, path: "spec.validation")
        }
        if subresourcesShared { subresources(versions[0]["subresources"], path: "spec.subresources") }
        if shared("additionalPrinterColumns") { columns(versions[0]["additionalPrinterColumns"], path: "spec.additionalPrinterColumns") }
    }

    /// Whether every version has the same value at `key` (missing ones included).
    private func shared(_ key: String) -> Bool {
        let first = versions.first?[key] ?? .null
        return versions.allSatisfy { ($0[key] ?? .null) == first }
    }

    private var subresourcesShared: Bool { shared("subresources") }

    private func hasStatus(_ version: JSONValue) -> Bool {
        version[path: ["subresources", "status"]]?.objectValue != nil
    }

    private mutating func list() {
        let names = versions.map { $0["name"]?.stringValue ?? "" }
        if Set(names).count != names.count {
            errors.append(.invalid("spec.versions", .array(versions), "must contain unique version names"))
        }
        if versions.filter({ $0["storage"] == true }).count != 1 {
            errors.append(.invalid("spec.versions", .array(versions), "must have exactly one version marked as storage version"))
        }
        // Kubernetes copies the first version's name into the internal spec.version and checks it again.
        if let first = names.first, !first.isEmpty, !NameValidation.isDNS1035Label(first) {
            errors.append(.invalid("spec.version", .string(first), NameValidation.dns1035Rule))
        }
    }

    private mutating func version(_ version: JSONValue, _ index: Int) {
        let path = "spec.versions[\(index)]"
        let name = version["name"]?.stringValue ?? ""
        if !NameValidation.isDNS1035Label(name) {
            errors.append(.invalid("\(path).name", .string(name), NameValidation.dns1035Rule))
        }
        deprecationWarning(version, path)
        if !shared("schema") {
            schema(version[path: ["schema", "openAPIV3Schema"]], status: hasStatus(version), path: "\(path).schema")
        } else if version[path: ["schema", "openAPIV3Schema"]] == nil {
            errors.append(.required("\(path).schema.openAPIV3Schema", "schemas are required"))
        }
        if !subresourcesShared { subresources(version["subresources"], path: "\(path).subresources") }
        if !shared("additionalPrinterColumns") {
            columns(version["additionalPrinterColumns"], path: "\(path).additionalPrinterColumns")
        }
    }

    private mutating func deprecationWarning(_ version: JSONValue, _ path: String) {
        guard let warning = version["deprecationWarning"]?.stringValue else { return }
        let field = "\(path).deprecationWarning"
        if version["deprecated"] != true {
            errors.append(.invalid(field, .string(warning), "can only be set for deprecated versions"))
        } else if warning.isEmpty {
            errors.append(.invalid(field, .string(warning), "must not be an empty string"))
        } else if warning.utf8.count > 256 {
            errors.append(.invalid(field, .string(warning), "must be <= 256 characters long"))
        }
    }

    // MARK: Schema

    private mutating func schema(_ schema: JSONValue?, status: Bool, path: String) {
        guard let schema else {
            if path.hasSuffix(".schema") { errors.append(.required("\(path).openAPIV3Schema", "schemas are required")) }
            return
        }
        let root = "\(path).openAPIV3Schema"
        guard schema.objectValue != nil else {
            errors.append(.invalid(root, schema, "must be an object"))
            return
        }
        var found = status ? statusRoot(SchemaNode(schema), root) : []
        if SchemaNode(schema).nullable { found.append(.forbidden("\(root).nullable", "nullable cannot be true at the root")) }
        found += SchemaRules.check(schema, path: root)
        let structural = SchemaStructure.check(schema, path: root)
        if let unsupported = SchemaStructure.unsupportedKeyword(in: schema) {
            if found.isEmpty { found.append(.invalid(root, .string(""), unsupported)) }
        } else if !structural.isEmpty {
            found += structural
        } else {
            found += SchemaDefaults.check(schema, path: root)
        }
        errors += found
    }

    /// With the status subresource, `properties[status]` becomes the status schema, so the root may only
    /// hold what does not lose validation when it is split off.
    static let statusRootForbidden = [
        "id", "$schema", "$ref", "default", "enum", "maxProperties", "minProperties", "allOf", "oneOf", "anyOf", "not",
        "additionalProperties", "patternProperties", "dependencies", "additionalItems", "definitions", "nullable",
        "x-kubernetes-embedded-resource", "x-kubernetes-int-or-string", "x-kubernetes-list-map-keys",
        "x-kubernetes-list-type", "x-kubernetes-map-type",
    ]

    private func statusRoot(_ schema: SchemaNode, _ path: String) -> [FieldError] {
        if !schema.type.isEmpty && schema.type != "object" {
            return [.invalid(
                "\(path).type", .string(schema.type),
                "only \"object\" is allowed as the type at the root of the schema if the status subresource is enabled")]
        }
        guard Self.statusRootForbidden.contains(where: { schema.json[$0].map { !SchemaStructure.isUnset($0) } ?? false }) else {
            return []
        }
        return [.invalid(
            path, schema.json,
            "only [Description Type Format Title Maximum ExclusiveMaximum Minimum ExclusiveMinimum MaxLength MinLength Pattern MaxItems MinItems UniqueItems MultipleOf Required Items Properties ExternalDocs Example XPreserveUnknownFields] fields are allowed at the root of the schema if the status subresource is enabled")]
    }

    // MARK: Subresources and columns

    private mutating func subresources(_ subresources: JSONValue?, path: String) {
        guard let scale = subresources?["scale"], scale.objectValue != nil else { return }
        let scalePath = "\(path).scale"
        jsonPath(scale["specReplicasPath"], under: [".spec."], "\(scalePath).specReplicasPath", required: true)
        jsonPath(scale["statusReplicasPath"], under: [".status."], "\(scalePath).statusReplicasPath", required: true)
        jsonPath(scale["labelSelectorPath"], under: [".spec.", ".status."], "\(scalePath).labelSelectorPath", required: false)
    }

    private mutating func jsonPath(_ value: JSONValue?, under prefixes: [String], _ field: String, required: Bool) {
        let path = value?.stringValue ?? ""
        if path.isEmpty {
            if required { errors.append(.required(field)) }
            return
        }
        if let problem = Self.simpleJSONPathProblem(path) {
            errors.append(.invalid(field, .string(path), problem))
        } else if !prefixes.contains(where: path.hasPrefix) {
            let place = prefixes.count == 1 ? prefixes[0].dropLast() : "either .spec or .status"
            errors.append(.invalid(field, .string(path), "should be a json path under \(place)"))
        }
    }

    static func simpleJSONPathProblem(_ path: String) -> String? {
        path.hasPrefix(".") ? nil : "must be a simple json path starting with ."
    }

    private mutating func columns(_ columns: JSONValue?, path: String) {
        for (index, column) in (columns?.arrayValue ?? []).enumerated() {
            let item = "\(path)[\(index)]"
            if CRDSpec.nonEmpty(column["name"]?.stringValue) == nil { errors.append(.required("\(item).name")) }
            let typeRule = "must be one of \(Self.columnTypes.joined(separator: ","))"
            switch column["type"]?.stringValue ?? "" {
            case "": errors.append(.required("\(item).type", typeRule))
            case let type where !Self.columnTypes.contains(type): errors.append(.invalid("\(item).type", .string(type), typeRule))
            default: break
            }
            if let format = CRDSpec.nonEmpty(column["format"]?.stringValue), !Self.columnFormats.contains(format) {
                errors.append(.invalid("\(item).format", .string(format), "must be one of \(Self.columnFormats.joined(separator: ","))"))
            }
            let jsonPath = column["jsonPath"]?.stringValue ?? ""
            if jsonPath.isEmpty {
                errors.append(.required("\(item).JSONPath"))
            } else if let problem = Self.simpleJSONPathProblem(jsonPath) {
                errors.append(.invalid("\(item).JSONPath", .string(jsonPath), problem))
            }
        }
    }
}
