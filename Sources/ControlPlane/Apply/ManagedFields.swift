import KubeModel

/// One entry of `metadata.managedFields`: the fields one manager set through one kind of operation.
struct ManagedFieldsEntry: Equatable, Sendable {
    enum Operation: String, Sendable {
        case apply = "Apply"
        case update = "Update"
    }

    var manager: String
    var operation: Operation
    var apiVersion: String
    var time: String?
    var subresource: String?
    var fields: FieldSet

    init(manager: String, operation: Operation, apiVersion: String, time: String?, subresource: String?, fields: FieldSet) {
        self.manager = manager
        self.operation = operation
        self.apiVersion = apiVersion
        self.time = time
        self.subresource = subresource
        self.fields = fields
    }

    init?(_ json: JSONValue) {
        guard let manager = json["manager"]?.stringValue,
            let operation = json["operation"]?.stringValue.flatMap(Operation.init(rawValue:))
        else { return nil }
        self.init(
            manager: manager, operation: operation, apiVersion: json["apiVersion"]?.stringValue ?? "",
            time: json["time"]?.stringValue, subresource: json["subresource"]?.stringValue,
            fields: FieldSet(fieldsV1: json["fieldsV1"] ?? [:]))
    }

    var json: JSONValue {
        var entry: JSONObject = [
            "manager": .string(manager), "operation": .string(operation.rawValue), "apiVersion": .string(apiVersion),
            "fieldsType": "FieldsV1", "fieldsV1": fields.fieldsV1,
        ]
        if let time { entry["time"] = .string(time) }
        if let subresource { entry["subresource"] = .string(subresource) }
        return .object(entry)
    }

    func isSameSlot(as other: ManagedFieldsEntry) -> Bool {
        manager == other.manager && operation == other.operation && subresource == other.subresource
    }
}

/// Who manages which fields of an object (`metadata.managedFields`), kept on every write as
/// kube-apiserver keeps it: a create, update or patch gives its manager the fields it set or changed
/// and takes them from the others; server-side apply (``ServerSideApply``) records what each applier's
/// configuration holds.
enum ManagedFields {
    static func entries(of object: JSONValue) -> [ManagedFieldsEntry] {
        object[path: ["metadata", "managedFields"]]?.arrayValue?.compactMap(ManagedFieldsEntry.init) ?? []
    }

    static func store(_ entries: [ManagedFieldsEntry], in object: inout JSONValue) {
        guard var metadata = object["metadata"]?.objectValue else { return }
        let kept = entries.filter { !$0.fields.isEmpty }
        if kept.isEmpty {
            metadata.removeValue(forKey: "managedFields")
        } else {
            metadata["managedFields"] = .array(kept.map(\.json))
        }
        object["metadata"] = .object(metadata)
    }

    /// The manager of a write that names none: the User-Agent up to its first `/` (kubectl's generators
    /// name theirs, such as `kubectl-create` and `kubectl-client-side-apply`).
    static func manager(fieldManager: String?, userAgent: String?) -> String {
        if let fieldManager, !fieldManager.isEmpty { return fieldManager }
        let agent = userAgent.flatMap { $0.split(separator: "/", maxSplits: 1).first.map(String.init) } ?? ""
        return String(agent.prefix(128))
    }

    /// A create, update or patch: `manager` now owns what it set or changed, nobody else does; what no
    /// longer exists is nobody's. `managedFields` sent with the write replace the stored ones (an empty
    /// entry resets them); left out, the stored ones are kept.
    static func recordUpdate(
        _ object: inout JSONValue, old: JSONValue?, manager: String, apiVersion: String, scope: FieldSet.Scope,
        lists: ListPosition, now: KubeTime
    ) {
        guard object != old else { return }
        let sent = object[path: ["metadata", "managedFields"]]
        var entries: [ManagedFieldsEntry]
        if let sent, sent != old?[path: ["metadata", "managedFields"]] {
            entries = sent.arrayValue?.compactMap(ManagedFieldsEntry.init) ?? []
            if entries.isEmpty { return store([], in: &object) }
        } else {
            entries = old.map(Self.entries(of:)) ?? []
        }
        let present = FieldSet.of(object, scope: scope, lists: lists)
        let changed = present.changed(from: old, to: object)
        let slot = ManagedFieldsEntry(
            manager: manager, operation: .update, apiVersion: apiVersion, time: now.description, subresource: scope.subresourceName,
            fields: changed)
        entries = entries.map { entry in
            var entry = entry
            if entry.isSameSlot(as: slot) { return entry }
            entry.fields = entry.fields.subtracting(changed)
            return entry
        }
        if let index = entries.firstIndex(where: { $0.isSameSlot(as: slot) }) {
            if !changed.isEmpty {
                entries[index].fields = entries[index].fields.union(changed)
                entries[index].time = now.description
                entries[index].apiVersion = apiVersion
            }
        } else if !changed.isEmpty {
            entries.append(slot)
        }
        store(prune(entries, to: object), in: &object)
    }

    /// Drops from every entry what the object no longer has.
    static func prune(_ entries: [ManagedFieldsEntry], to object: JSONValue) -> [ManagedFieldsEntry] {
        entries.map { entry in
            var entry = entry
            entry.fields = entry.fields.present(in: object)
            return entry
        }
    }
}

extension FieldSet.Scope {
    var subresourceName: String? {
        if case .subresource(let name) = self { return name }
        return nil
    }
}

extension FieldSet {
    /// The part of this set that `value` still has.
    func present(in value: JSONValue?) -> FieldSet {
        guard let value else { return .empty }
        var result = FieldSet(isMember: isMember)
        for (key, child) in children {
            let kept = child.present(in: Self.step(value, key))
            if !kept.isEmpty { result.children[key] = kept }
        }
        return result
    }
}
