import KubeModel

/// A merge patch that makes a status `new`: its fields, and null for each top-level field of `old` that
/// `new` leaves out (a merge patch keeps what it does not name).
enum StatusPatch {
    static func replacing(_ old: JSONValue?, with new: JSONValue) -> JSONValue {
        var patch = new.objectValue ?? [:]
        for key in (old?.objectValue ?? [:]).keys where patch[key] == nil { patch[key] = .null }
        return ["status": .object(patch)]
    }
}
