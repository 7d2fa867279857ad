import KubeModel

/// The one way objects are deleted: DELETE requests, the garbage collector and namespace deletion all
/// go through it, so they agree on grace periods, finalizers and propagation.
struct ObjectDeleter: Sendable {
    let store: ObjectStore

    /// Applies `DeleteRules` to the current object under the store's lock. `deleted` is true when the
    /// object left the store; otherwise the answer is the object as marked (or as it was).
    @discardableResult
    func delete(
        _ resource: ResourceInfo, _ key: ObjectKey, options: DeleteOptions = DeleteOptions(), dryRun: Bool = false
    ) throws(Status) -> (object: StoredObject, deleted: Bool) {
        try NamespaceRules.checkDeletable(resource, name: key.name)
        return try store.modify(resource, key, dryRun: dryRun) { current throws(Status) in
            try options.checkPreconditions(current.object, resource: resource, name: key.name)
            switch DeleteRules.decide(current.object, resource: resource, options: options) {
            case .remove: return .delete
            case .mark(let marked): return .put(marked)
            case .unchanged: return .keep
            }
        }
    }

    /// Removes `finalizer` from the object with `uid` (nothing when it is not there); an object being
    /// deleted goes once nothing holds it any more.
    func removeFinalizer(_ finalizer: String, _ resource: ResourceInfo, _ key: ObjectKey, uid: String) throws(Status) {
        _ = try store.modify(resource, key) { current throws(Status) in
            let finalizers = DeleteRules.finalizers(of: current.object)
            guard current.object.metadataUID == uid, finalizers.contains(finalizer) else { return .keep }
            let updated = DeleteRules.setting(finalizers: finalizers.filter { $0 != finalizer }, on: current.object)
            return try .update(updated, old: current.object)
        }
    }
}

extension ObjectStore.Change {
    /// What storing `updated` over `old` does: removing the last thing that holds an object being
    /// deleted removes it; adding finalizers to it is refused (422).
    static func update(_ updated: JSONValue, old: JSONValue) throws(Status) -> Self {
        try DeleteRules.checkFinalizerUpdate(updated, old: old)
        return DeleteRules.finishesDeletion(updated, old: old) ? .delete : .put(updated)
    }
}

extension JSONValue {
    /// `metadata.uid`, or "" when missing.
    var metadataUID: String { self[path: ["metadata", "uid"]]?.stringValue ?? "" }
}
