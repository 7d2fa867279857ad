import KubeModel

/// Server-side apply (`PATCH` with `application/apply-patch+yaml`): the applier's configuration is merged
/// into the object; fields its previous configuration set and this one leaves out are removed unless
/// another manager owns them; a field the configuration sets to another value than the one a different
/// manager set is a conflict (409 naming each field and manager) unless `force` takes it over.
struct ServerSideApply {
    var manager: String
    var force: Bool
    var apiVersion: String
    var scope: FieldSet.Scope
    var lists: ListPosition
    var now: KubeTime

    /// The object after applying `config` to `live` (nil: the object does not exist yet), with its
    /// `managedFields`. The object still goes through the resource's rules as any write.
    func apply(_ config: JSONValue, to live: JSONValue?, kind: String, name: String) throws(Status) -> JSONValue {
        guard config.objectValue != nil else { throw Status.failure(.badRequest, "an apply patch must be an object") }
        let applied = FieldSet.of(config, scope: scope, lists: lists)
        var entries = live.map(ManagedFields.entries(of:)) ?? []
        let slot = ManagedFieldsEntry(
            manager: manager, operation: .apply, apiVersion: apiVersion, time: now.description,
            subresource: scope.subresourceName, fields: applied)
        let previous = entries.first { $0.isSameSlot(as: slot) }?.fields ?? .empty
        entries.removeAll { $0.isSameSlot(as: slot) }

        let conflicts = entries.compactMap { entry -> (ManagedFieldsEntry, FieldSet)? in
            let disputed = applied.intersection(entry.fields).differing(config, live)
            return disputed.isEmpty ? nil : (entry, disputed)
        }
        if !conflicts.isEmpty {
            guard force else { throw Self.conflict(conflicts, kind: kind, name: name) }
            for (entry, disputed) in conflicts {
                guard let index = entries.firstIndex(where: { $0.isSameSlot(as: entry) }) else { continue }
                entries[index].fields = entries[index].fields.subtracting(disputed)
            }
        }
        var object = FieldSet.merge(config, into: live ?? [:], at: lists)
        let othersOwn = entries.reduce(FieldSet.empty) { $0.union($1.fields) }
        object = previous.subtracting(applied).remove(from: object, keeping: othersOwn)
        ManagedFields.store(ManagedFields.prune(entries + [slot], to: object), in: &object)
        return object
    }

    /// kube-apiserver's answer to a conflicting apply.
    static func conflict(_ conflicts: [(ManagedFieldsEntry, FieldSet)], kind: String, name: String) -> Status {
        var causes: [StatusCause] = []
        for (entry, disputed) in conflicts {
            let owner = entry.operation == .update ? "\"\(entry.manager)\" using \(entry.apiVersion)" : "\"\(entry.manager)\""
            for path in disputed.memberPaths {
                let field = FieldSet.describe(path)
                causes.append(StatusCause(reason: "FieldManagerConflict", message: "conflict with \(owner)", field: field))
            }
        }
        let count = causes.count
        let listed = causes.map { "- \($0.message ?? ""): \($0.field ?? "")" }.joined(separator: "\n")
        let message = "Apply failed with \(count) conflict\(count == 1 ? "" : "s"): " + (count == 1
            ? "\(causes[0].message ?? ""): \(causes[0].field ?? "")" : "\n" + listed)
        return .failure(.conflict, message, details: StatusDetails(name: name, kind: kind, causes: causes))
    }
}
