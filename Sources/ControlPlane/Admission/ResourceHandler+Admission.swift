import KubeModel

extension ResourceHandler {
    var admission: WebhookAdmission { WebhookAdmission(store: store, logger: logger) }

    /// The answer when the object changed between the webhooks' look at an update and its write, five
    /// times over: the client retries on fresh state, as after any 409.
    static let changedWhileAdmitting = Status.failure(
        .conflict, "Operation cannot be fulfilled: the object kept changing while its admission webhooks were called; please retry")

    /// `store.modify`, with the validating webhooks that apply seeing the update first. A webhook call
    /// cannot wait under the store's lock: the update is worked out on the current object (a dry run),
    /// the webhooks judge it, and it is written only if the object is still the one they judged;
    /// otherwise it is worked out again on the new one.
    func modifyAdmitted(
        _ resource: ResourceInfo, _ key: ObjectKey, subresource: String?, dryRun: Bool, user: UserInfo,
        _ decide: (StoredObject) throws(Status) -> ObjectStore.Change
    ) async throws(Status) -> (object: StoredObject, deleted: Bool) {
        var attributes = AdmissionAttributes(
            resource: resource, subresource: subresource, operation: .update, namespace: key.namespace, name: key.name,
            dryRun: dryRun, user: user)
        guard admission.hasRules(for: attributes) else {
            return try store.modify(resource, key, dryRun: dryRun, decide)
        }
        for _ in 0..<5 {
            var judged: StoredObject?
            let preview = try store.modify(resource, key, dryRun: true) { current throws(Status) in
                judged = current
                return try decide(current)
            }
            guard let judged else { return preview }
            attributes.object = preview.object.object
            attributes.oldObject = judged.object
            try await admission.validate(attributes)
            do {
                return try store.modify(resource, key, dryRun: dryRun) { current throws(Status) in
                    guard current.resourceVersion == judged.resourceVersion else { throw Self.changedWhileAdmitting }
                    return try decide(current)
                }
            } catch where error == Self.changedWhileAdmitting {
                continue
            }
        }
        throw Self.changedWhileAdmitting
    }
}
