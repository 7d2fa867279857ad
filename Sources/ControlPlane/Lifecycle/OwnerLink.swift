import KubeModel

/// One entry of an object's `metadata.ownerReferences`.
struct OwnerLink: Sendable, Hashable {
    var apiVersion: String
    var kind: String
    var name: String
    var uid: String
    var blockOwnerDeletion: Bool

    /// The well-formed references of `object` (entries missing kind, name or uid are skipped).
    static func links(of object: JSONValue) -> [OwnerLink] {
        (object[path: ["metadata", "ownerReferences"]]?.arrayValue ?? []).compactMap { entry in
            guard let kind = entry["kind"]?.stringValue, let name = entry["name"]?.stringValue,
                let uid = entry["uid"]?.stringValue, !kind.isEmpty, !name.isEmpty, !uid.isEmpty
            else { return nil }
            return OwnerLink(
                apiVersion: entry["apiVersion"]?.stringValue ?? "", kind: kind, name: name, uid: uid,
                blockOwnerDeletion: entry["blockOwnerDeletion"]?.boolValue ?? false)
        }
    }

    /// `object` without the references whose uid is in `uids`; the field goes when none is left.
    static func removing(_ uids: Set<String>, from object: JSONValue) -> JSONValue {
        var object = object
        var metadata = object["metadata"]?.objectValue ?? [:]
        let kept = (metadata["ownerReferences"]?.arrayValue ?? []).filter { entry in
            !uids.contains(entry["uid"]?.stringValue ?? "")
        }
        metadata["ownerReferences"] = kept.isEmpty ? nil : .array(kept)
        object["metadata"] = .object(metadata)
        return object
    }
}

/// Where one object lives in the store: its resource's storage key and its namespace and name.
struct ObjectRef: Sendable, Hashable {
    var resource: String
    var key: ObjectKey
}
