import KubeModel

/// The RFC 7386 merge patch that turns `old` into `new`: changed keys with their new value, removed keys
/// as null, objects diffed recursively. Lists are replaced whole, as merge patch does. nil when nothing
/// changed (`JSONValue?.none`, not `JSONValue.null`, which is a value here).
enum MergePatchDiff {
    static func patch(from old: JSONValue?, to new: JSONValue) -> JSONValue? {
        guard case .object(let after) = new, case .object(let before)? = old else {
            return old == new ? JSONValue?.none : new
        }
        var patch: JSONObject = [:]
        for (key, value) in after {
            if let change = Self.patch(from: before[key], to: value) { patch[key] = change }
        }
        for key in before.keys where after[key] == nil { patch[key] = .null }
        return patch.isEmpty ? JSONValue?.none : .object(patch)
    }
}
