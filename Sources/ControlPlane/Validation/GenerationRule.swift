import KubeModel

/// `metadata.generation` starts at 1 and grows by one whenever anything outside `metadata` and
/// `status` changes (the object's desired state).
public enum GenerationRule {
    public static func desiredState(of object: JSONValue) -> JSONObject {
        var copy = object.objectValue ?? [:]
        for key in ["metadata", "status", "apiVersion", "kind"] { copy.removeValue(forKey: key) }
        return copy
    }

    public static func nextGeneration(old: JSONValue, new: JSONValue) -> Int64 {
        let current = old[path: ["metadata", "generation"]]?.intValue ?? 1
        return desiredState(of: old) == desiredState(of: new) ? current : current + 1
    }
}
