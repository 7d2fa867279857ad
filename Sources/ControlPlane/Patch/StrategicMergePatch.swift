import KubeModel

/// Kubernetes' strategic merge patch for the built-in types: merge-patch semantics, except that the
/// list fields the types declare with `patchStrategy:"merge"` merge element by element (objects by
/// their `patchMergeKey`, such as containers by `name`; primitives such as `metadata.finalizers` as a
/// set union). Directives: `$patch: delete|replace|merge` on objects and list elements, `$retainKeys`,
/// `$setElementOrder/<list>` and `$deleteFromPrimitiveList/<list>`. Every other list is replaced whole,
/// as Kubernetes does (tolerations, taints, readinessGates, ...).
public enum StrategicMergePatch {
    enum ListStrategy: Equatable {
        case replace
        case mergeByKey(String)
        case mergePrimitives
    }

    /// The `patchStrategy`/`patchMergeKey` tags of the core/v1 and meta/v1 types, by field name; a
    /// `parent.field` entry (parent: the enclosing object's field, or the list an element sits in) wins.
    static let strategies: [String: ListStrategy] = [
        "ownerReferences": .mergeByKey("uid"), "metadata.finalizers": .mergePrimitives,
        "containers": .mergeByKey("name"), "initContainers": .mergeByKey("name"),
        "ephemeralContainers": .mergeByKey("name"), "volumes": .mergeByKey("name"),
        "imagePullSecrets": .mergeByKey("name"), "hostAliases": .mergeByKey("ip"),
        "topologySpreadConstraints": .mergeByKey("topologyKey"), "resourceClaims": .mergeByKey("name"),
        "schedulingGates": .mergeByKey("name"), "env": .mergeByKey("name"),
        "containers.ports": .mergeByKey("containerPort"), "initContainers.ports": .mergeByKey("containerPort"),
        "ephemeralContainers.ports": .mergeByKey("containerPort"), "spec.ports": .mergeByKey("port"),
        "volumeMounts": .mergeByKey("mountPath"), "volumeDevices": .mergeByKey("devicePath"),
        "conditions": .mergeByKey("type"), "addresses": .mergeByKey("type"), "podIPs": .mergeByKey("ip"),
        "hostIPs": .mergeByKey("ip"), "resourceClaimStatuses": .mergeByKey("name"),
        "podCIDRs": .mergePrimitives,
    ]

    static func strategy(_ field: String, parent: String) -> ListStrategy {
        strategies["\(parent).\(field)"] ?? strategies[field] ?? .replace
    }

    /// Refuses a `$patch` directive other than `delete`, `replace` and `merge` anywhere in `patch`,
    /// instead of ignoring it and applying the rest.
    static func checkDirectives(_ patch: JSONValue) throws(Status) {
        switch patch {
        case .object(let object):
            if let directive = object["$patch"], !["delete", "replace", "merge"].contains(directive.stringValue ?? "") {
                throw Status.failure(
                    .badRequest, "unknown patch directive $patch: \(FieldError.describe(directive)) (use delete, replace or merge)")
            }
            for value in object.values { try checkDirectives(value) }
        case .array(let items):
            for item in items { try checkDirectives(item) }
        default:
            return
        }
    }

    public static func apply(_ patch: JSONValue, to target: JSONValue) -> JSONValue {
        apply(patch, to: target, parent: "")
    }

    static func apply(_ patch: JSONValue, to target: JSONValue, parent: String) -> JSONValue {
        guard case .object(var patchObject) = patch else { return patch }
        switch patchObject.removeValue(forKey: "$patch")?.stringValue {
        case "replace": return .object(withoutDirectives(patchObject))
        case "delete": return .null
        default: break
        }
        var result = target.objectValue ?? [:]
        if let retain = patchObject.removeValue(forKey: "$retainKeys")?.arrayValue {
            let keep = Set(retain.compactMap(\.stringValue))
            result = result.filter { keep.contains($0.key) }
        }
        var orders: [String: [JSONValue]] = [:]
        for (key, value) in patchObject {
            if let field = key.dropPrefix("$setElementOrder/") {
                orders[field] = value.arrayValue ?? []
            } else if let field = key.dropPrefix("$deleteFromPrimitiveList/") {
                let remove = value.arrayValue ?? []
                if let list = result[field]?.arrayValue { result[field] = .array(list.filter { !remove.contains($0) }) }
            } else if key.hasPrefix("$") {
                continue
            } else if value == .null {
                result.removeValue(forKey: key)
            } else if case .array(let patchList) = value {
                result[key] = .array(
                    mergeList(patchList, into: result[key]?.arrayValue ?? [], strategy: strategy(key, parent: parent), field: key))
            } else if case .object = value {
                let merged = apply(value, to: result[key] ?? .null, parent: key)
                if merged == .null { result.removeValue(forKey: key) } else { result[key] = merged }
            } else {
                result[key] = value
            }
        }
        for (field, order) in orders {
            guard let list = result[field]?.arrayValue else { continue }
            result[field] = .array(reorder(list, by: order, strategy: strategy(field, parent: parent)))
        }
        return .object(result)
    }

    static func mergeList(_ patch: [JSONValue], into target: [JSONValue], strategy: ListStrategy, field: String)
        -> [JSONValue]
    {
        if patch.contains(where: { $0["$patch"]?.stringValue == "replace" }) {
            return patch.filter { $0["$patch"] == nil }.map(withoutDirectives)
        }
        switch strategy {
        case .replace:
            return patch.map(withoutDirectives)
        case .mergePrimitives:
            return target + patch.filter { !target.contains($0) && $0.objectValue == nil }
        case .mergeByKey(let key):
            var result = target
            for element in patch {
                guard let id = element[key] else { continue }
                let index = result.firstIndex { $0[key] == id }
                if element["$patch"]?.stringValue == "delete" {
                    if let index { result.remove(at: index) }
                } else if let index {
                    result[index] = apply(element, to: result[index], parent: field)
                } else {
                    result.append(apply(element, to: .object([:]), parent: field))
                }
            }
            return result
        }
    }

    /// `$setElementOrder`: the listed elements first, in that order, then the others as they were.
    private static func reorder(_ list: [JSONValue], by order: [JSONValue], strategy: ListStrategy) -> [JSONValue] {
        guard case .mergeByKey(let key) = strategy else {
            let ordered = order.filter { list.contains($0) }
            return ordered + list.filter { !order.contains($0) }
        }
        let ids = order.compactMap { $0[key] }
        let ordered = ids.compactMap { id in list.first { $0[key] == id } }
        return ordered + list.filter { element in !ids.contains { $0 == element[key] } }
    }

    private static func withoutDirectives(_ value: JSONValue) -> JSONValue {
        guard let object = value.objectValue else { return value }
        return .object(withoutDirectives(object))
    }

    private static func withoutDirectives(_ object: JSONObject) -> JSONObject {
        object.filter { !$0.key.hasPrefix("$") }
    }
}

extension String {
    func dropPrefix(_ prefix: String) -> String? {
        hasPrefix(prefix) ? String(dropFirst(prefix.count)) : nil
    }
}
