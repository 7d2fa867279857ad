import KubeModel

/// The OpenAPI rules Kubernetes checks on every node of a CRD schema, value validations included:
/// unsupported keywords, types, `properties` beside `additionalProperties`, the list and map extensions,
/// and where defaults may not be.
struct SchemaRules {
    /// What the walk knows about where a node is.
    struct Place {
        var isRoot = false
        var insideResourceMeta = false
        /// Why a default here is refused, if it is.
        var defaultsForbidden: String?
    }

    static let metaFields: Set<String> = ["apiVersion", "kind", "metadata"]
    static let listTypes: [JSONValue] = ["atomic", "set", "map"]
    static let mapTypes: [JSONValue] = ["atomic", "granular"]

    private(set) var errors: [FieldError] = []

    static func check(_ schema: JSONValue, path: String) -> [FieldError] {
        var rules = SchemaRules()
        rules.visit(schema, path, Place(isRoot: true))
        return rules.errors
    }

    private mutating func visit(_ json: JSONValue, _ path: String, _ place: Place) {
        let node = SchemaNode(json)
        guard node.isObject else { return }
        keywords(node, path, place)
        combinations(node, path, place)
        children(node, path, place)
        extensions(node, path)
        listType(node, path)
        mapListKeys(node, path)
    }

    // MARK: One node

    private mutating func keywords(_ node: SchemaNode, _ path: String, _ place: Place) {
        let type = node.type
        if !type.isEmpty && !SchemaStructure.types.contains(.string(type)) {
            errors.append(.notSupported("\(path).type", .string(type), supported: SchemaStructure.types))
        }
        if node.defaultValue != nil, let reason = place.defaultsForbidden {
            errors.append(.forbidden("\(path).default", "must not be set \(reason)"))
        }
        if !node.text("id").isEmpty { errors.append(.forbidden("\(path).id", "id is not supported")) }
        if node.value("additionalItems") != nil {
            errors.append(.forbidden("\(path).additionalItems", "additionalItems is not supported"))
        }
        for key in ["patternProperties", "definitions"] where !(node.value(key)?.objectValue ?? [:]).isEmpty {
            errors.append(.forbidden("\(path).\(key)", "\(key) is not supported"))
        }
        if node.value("dependencies") != nil {
            errors.append(.forbidden("\(path).dependencies", "dependencies is not supported"))
        }
        if node.value("$ref") != nil { errors.append(.forbidden("\(path).$ref", "$ref is not supported")) }
        if type == "null" {
            errors.append(.forbidden("\(path).type", "type cannot be set to null, use nullable as an alternative"))
        }
        if !(node.value("items")?.arrayValue ?? []).isEmpty {
            errors.append(.forbidden("\(path).items", "items must be a schema object and not an array"))
        }
        if place.insideResourceMeta && node.embeddedResource {
            errors.append(.forbidden("\(path).x-kubernetes-embedded-resource", "must not be used inside of resource meta"))
        }
        if node.flag("uniqueItems") {
            errors.append(.forbidden(
                "\(path).uniqueItems", "uniqueItems cannot be set to true since the runtime complexity becomes quadratic"))
        }
    }

    private mutating func combinations(_ node: SchemaNode, _ path: String, _ place: Place) {
        var inner = place
        inner.isRoot = false
        if let not = node.not { visit(not, "\(path).not", inner) }
        for key in ["allOf", "oneOf", "anyOf"] {
            for (index, branch) in node.schemas(key).enumerated() { visit(branch, "\(path).\(key)[\(index)]", inner) }
        }
        for (name, schema) in (node.value("definitions")?.objectValue ?? [:]).sorted(by: { $0.key < $1.key }) {
            visit(schema, "\(path).definitions[\(name)]", inner)
        }
        for (index, schema) in (node.value("items")?.arrayValue ?? []).enumerated() {
            visit(schema, "\(path).items[\(index)]", inner)
        }
    }

    private mutating func children(_ node: SchemaNode, _ path: String, _ place: Place) {
        var inner = place
        inner.isRoot = false
        if let additional = node.value("additionalProperties") {
            if !node.properties.isEmpty && (additional == false || additional.objectValue != nil) {
                errors.append(.forbidden(
                    "\(path).additionalProperties", "additionalProperties and properties are mutual exclusive"))
            }
            var mapPlace = inner
            if place.insideResourceMeta { mapPlace.defaultsForbidden = "inside additionalProperties applying to object metadata" }
            if additional.objectValue != nil { visit(additional, "\(path).additionalProperties", mapPlace) }
        }
        for (name, schema) in node.properties {
            var fieldPlace = inner
            if (place.isRoot || node.embeddedResource) && Self.metaFields.contains(name) {
                fieldPlace.insideResourceMeta = true
                if place.isRoot { fieldPlace.defaultsForbidden = "in top-level \(name)" }
            }
            visit(schema, "\(path).properties[\(name)]", fieldPlace)
        }
        if let items = node.items { visit(items, "\(path).items", inner) }
    }

    // MARK: Extensions

    private mutating func extensions(_ node: SchemaNode, _ path: String) {
        if node.json["x-kubernetes-preserve-unknown-fields"] == false {
            errors.append(.invalid("\(path).x-kubernetes-preserve-unknown-fields", .bool(false), "must be true or undefined"))
        }
        guard let mapType = node.mapType else { return }
        if node.type != "object" { typeMismatch(node, path, "must be object if x-kubernetes-map-type is specified") }
        if !Self.mapTypes.contains(.string(mapType)) {
            errors.append(.notSupported("\(path).x-kubernetes-map-type", .string(mapType), supported: Self.mapTypes))
        }
    }

    private mutating func typeMismatch(_ node: SchemaNode, _ path: String, _ detail: String) {
        if node.type.isEmpty {
            errors.append(.required("\(path).type", detail))
        } else {
            errors.append(.invalid("\(path).type", .string(node.type), detail))
        }
    }

    private mutating func listType(_ node: SchemaNode, _ path: String) {
        guard let listType = node.listType else { return }
        if node.type != "array" {
            typeMismatch(node, path, "must be array if x-kubernetes-list-type is specified")
        } else if listType == "set", let items = node.items {
            setItems(SchemaNode(items), path)
        }
        if !Self.listTypes.contains(.string(listType)) {
            errors.append(.notSupported("\(path).x-kubernetes-list-type", .string(listType), supported: Self.listTypes))
        }
    }

    /// Items of a set are compared whole, so they must be atomic.
    private mutating func setItems(_ items: SchemaNode, _ path: String) {
        let detail = "must be atomic as item of a list with x-kubernetes-list-type=set"
        let itemListType = items.value("x-kubernetes-list-type") ?? .null
        switch items.type {
        case "array" where items.listType != nil && items.listType != "atomic":
            errors.append(.invalid("\(path).items.x-kubernetes-list-type", itemListType, detail))
        case "object" where items.mapType != "atomic":
            // Kubernetes names the map type but shows the list type's value.
            errors.append(.invalid("\(path).items.x-kubernetes-map-type", itemListType, detail))
        default: break
        }
    }

    private mutating func mapListKeys(_ node: SchemaNode, _ path: String) {
        let keys = node.listMapKeys
        if !keys.isEmpty, node.listType != "map" {
            let detail = "must be map if x-kubernetes-list-map-keys is non-empty"
            if let listType = node.listType {
                errors.append(.invalid("\(path).x-kubernetes-list-type", .string(listType), detail))
            } else {
                errors.append(.required("\(path).x-kubernetes-list-type", detail))
            }
        }
        if node.listType == "map" { mapList(node, keys, path) }
        if let items = node.items, let listType = node.listType, listType == "set" || listType == "map" {
            keyedItems(SchemaNode(items), listType: listType, keys: keys, path)
        }
    }

    private mutating func mapList(_ node: SchemaNode, _ keys: [String], _ path: String) {
        if keys.isEmpty {
            errors.append(.required("\(path).x-kubernetes-list-map-keys", "must not be empty if x-kubernetes-list-type is map"))
        }
        guard let value = node.value("items") else {
            errors.append(.required("\(path).items", "must have a schema if x-kubernetes-list-type is map"))
            return
        }
        guard value.objectValue != nil else {
            errors.append(.invalid("\(path).items", value, "must only have a single schema if x-kubernetes-list-type is map"))
            return
        }
        let items = SchemaNode(value)
        guard items.type == "object" else {
            errors.append(.invalid(
                "\(path).items.type", .string(items.type), "must be object if parent array's x-kubernetes-list-type is map"))
            return
        }
        var seen: Set<String> = []
        let keyList = JSONValue.array(keys.map(JSONValue.string))
        for key in keys {
            if let property = items.property(key) {
                if property.type == "array" || property.type == "object" {
                    errors.append(.invalid(
                        "\(path).items.properties[\(key)].type", .string(items.type),
                        "must be a scalar type if parent array's x-kubernetes-list-type is map"))
                }
            } else {
                errors.append(.invalid("\(path).x-kubernetes-list-map-keys", keyList, "entries must all be names of item properties"))
            }
            if !seen.insert(key).inserted {
                errors.append(.invalid("\(path).x-kubernetes-list-map-keys", keyList, "must not contain duplicate entries"))
            }
        }
    }

    /// Items of sets and map lists identify themselves, so they and their keys cannot be null.
    private mutating func keyedItems(_ items: SchemaNode, listType: String, keys: [String], _ path: String) {
        if items.nullable {
            errors.append(.forbidden("\(path).items.nullable", "cannot be nullable when x-kubernetes-list-type is \(listType)"))
        }
        guard listType == "map" else { return }
        for key in keys {
            guard let property = items.property(key) else { continue }
            let keyPath = "\(path).items.properties[\(key)]"
            if !items.required.contains(key) && property.defaultValue == nil {
                errors.append(.required(
                    "\(keyPath).default",
                    "this property is in x-kubernetes-list-map-keys, so it must have a default or be a required property"))
            }
            if property.nullable {
                errors.append(.forbidden("\(keyPath).nullable", "this property is in x-kubernetes-list-map-keys, so it cannot be nullable"))
            }
        }
    }
}
