import KubeModel

/// A first cut of Kubernetes' strategic merge patch, enough for `kubectl apply` and `kubectl edit` on
/// the built-in types: merge-patch semantics, plus lists of objects merged by their merge key
/// (containers and volumes by `name`, ports by `containerPort`/`port`, conditions by `type`, ...),
/// `$patch: delete|replace|merge`, `$retainKeys`, `$setElementOrder/<list>` and
/// `$deleteFromPrimitiveList/<list>`. Lists without a known merge key are replaced, as by merge patch.
public enum StrategicMergePatch {
    /// Merge keys of list fields, by field name, as declared by the built-in types.
    static let mergeKeys: [String: [String]] = [
        "containers": ["name"], "initContainers": ["name"], "ephemeralContainers": ["name"], "volumes": ["name"],
        "env": ["name"], "imagePullSecrets": ["name"], "volumeDevices": ["devicePath"], "volumeMounts": ["mountPath"],
        "ports": ["containerPort", "port"], "conditions": ["type"], "ownerReferences": ["uid"], "hostAliases": ["ip"],
        "taints": ["key"], "addresses": ["type"], "readinessGates": ["conditionType"],
        "resourceClaims": ["name"], "topologySpreadConstraints": ["topologyKey"],
    ]

    public static func apply(_ patch: JSONValue, to target: JSONValue) -> JSONValue {
        guard case .object(var patchObject) = patch else { return patch }
        let directive = patchObject.removeValue(forKey: "$patch")?.stringValue
        if directive == "replace" { return .object(stripDirectives(patchObject)) }
        if directive == "delete" { return .null }
        var result = target.objectValue ?? [:]
        if let retain = patchObject.removeValue(forKey: "$retainKeys")?.arrayValue {
            let keep = Set(retain.compactMap(\.stringValue))
            result = result.filter { keep.contains($0.key) }
        }
        var orders: [String: [JSONValue]] = [:]
        for (key, value) in patchObject {
            if key.hasPrefix("$setElementOrder/") {
                orders[String(key.dropFirst("$setElementOrder/".count))] = value.arrayValue ?? []
            } else if key.hasPrefix("$deleteFromPrimitiveList/") {
                let field = String(key.dropFirst("$deleteFromPrimitiveList/".count))
                let remove = value.arrayValue ?? []
                if let list = result[field]?.arrayValue { result[field] = .array(list.filter { !remove.contains($0) }) }
            } else if key.hasPrefix("$") {
                continue
            } else if value == .null {
                result.removeValue(forKey: key)
            } else if case .array(let patchList) = value {
                result[key] = .array(mergeList(patchList, into: result[key]?.arrayValue ?? [], field: key))
            } else if case .object = value {
                let merged = apply(value, to: result[key] ?? .null)
                if merged == .null { result.removeValue(forKey: key) } else { result[key] = merged }
            } else {
                result[key] = value
            }
        }
        for (field, order) in orders {
            if let list = result[field]?.arrayValue { result[field] = .array(reorder(list, by: order, field: field)) }
        }
        return .object(result)
    }

    private static func mergeKey(_ field: String, _ elements: [JSONValue]) -> String? {
        guard let candidates = mergeKeys[field], !elements.isEmpty else { return nil }
        return candidates.first { key in elements.allSatisfy { $0[key] != nil } }
    }

    static func mergeList(_ patch: [JSONValue], into target: [JSONValue], field: String) -> [JSONValue] {
        let objects = patch.allSatisfy { $0.objectValue != nil }
        guard objects, let key = mergeKey(field, patch.filter { $0["$patch"]?.stringValue != "delete" || $0.objectValue?.count ?? 0 > 1 }) ?? mergeKey(field, target)
        else {
            return patch.map { $0.objectValue != nil ? .object(stripDirectives($0.objectValue ?? [:])) : $0 }
        }
        if patch.contains(where: { $0["$patch"]?.stringValue == "replace" }) {
            return patch.filter { $0["$patch"] == nil }.map { .object(stripDirectives($0.objectValue ?? [:])) }
        }
        var result = target
        for element in patch {
            guard let id = element[key] else { continue }
            let index = result.firstIndex { $0[key] == id }
            if element["$patch"]?.stringValue == "delete" {
                if let index { result.remove(at: index) }
            } else if let index {
                result[index] = apply(element, to: result[index])
            } else {
                result.append(apply(element, to: .object([:])))
            }
        }
        return result
    }

    private static func reorder(_ list: [JSONValue], by order: [JSONValue], field: String) -> [JSONValue] {
        guard let key = mergeKey(field, order) ?? mergeKey(field, list) else {
            // Primitive list: order as given, others after.
            let ordered = order.filter { list.contains($0) }
            return ordered + list.filter { !order.contains($0) }
        }
        let ids = order.compactMap { $0[key] }
        let ordered = ids.compactMap { id in list.first { $0[key] == id } }
        return ordered + list.filter { element in !ids.contains { $0 == element[key] } }
    }

    private static func stripDirectives(_ object: JSONObject) -> JSONObject {
        object.filter { !$0.key.hasPrefix("$") }
    }
}
