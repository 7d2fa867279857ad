import KubeModel

/// `DeleteOptions` from a DELETE body or query, and what a delete does to an object.
public struct DeleteOptions: Sendable, Hashable {
    public var preconditionUID: String?
    public var preconditionResourceVersion: String?
    public var propagationPolicy: String?
    public var gracePeriodSeconds: Int64?

    public init(
        preconditionUID: String? = nil, preconditionResourceVersion: String? = nil,
        propagationPolicy: String? = nil, gracePeriodSeconds: Int64? = nil
    ) {
        self.preconditionUID = preconditionUID
        self.preconditionResourceVersion = preconditionResourceVersion
        self.propagationPolicy = propagationPolicy
        self.gracePeriodSeconds = gracePeriodSeconds
    }

    /// Reads a `DeleteOptions` body (any missing field stays nil).
    public init(body: JSONValue) throws(Status) {
        guard case .object = body else { throw Status.failure(.badRequest, "DeleteOptions must be a JSON object") }
        if let kind = body["kind"]?.stringValue, !kind.isEmpty, kind != "DeleteOptions" {
            throw Status.failure(.badRequest, "expected a DeleteOptions body, got kind \(kind)")
        }
        self.init(
            preconditionUID: body[path: ["preconditions", "uid"]]?.stringValue,
            preconditionResourceVersion: body[path: ["preconditions", "resourceVersion"]]?.stringValue,
            propagationPolicy: body["propagationPolicy"]?.stringValue,
            gracePeriodSeconds: body["gracePeriodSeconds"]?.intValue)
        try validatePolicy()
    }

    func validatePolicy() throws(Status) {
        if let policy = propagationPolicy, !["Orphan", "Background", "Foreground"].contains(policy) {
            throw Status.failure(.badRequest, "propagationPolicy must be Orphan, Background or Foreground, not \(policy)")
        }
    }

    /// 409 Conflict when a precondition does not hold for `object`.
    public func checkPreconditions(_ object: JSONValue, resource: ResourceInfo, name: String) throws(Status) {
        let uid = object[path: ["metadata", "uid"]]?.stringValue ?? ""
        let rv = object[path: ["metadata", "resourceVersion"]]?.stringValue ?? ""
        if let expected = preconditionUID, !expected.isEmpty, expected != uid {
            throw Status.failure(
                .conflict,
                "Precondition failed: UID in precondition: \(expected), UID in object meta: \(uid)",
                details: StatusDetails(name: name, group: resource.type.group, kind: resource.type.plural))
        }
        if let expected = preconditionResourceVersion, !expected.isEmpty, expected != rv {
            throw Status.failure(
                .conflict,
                "Precondition failed: ResourceVersion in precondition: \(expected), ResourceVersion in object meta: \(rv)",
                details: StatusDetails(name: name, group: resource.type.group, kind: resource.type.plural))
        }
    }
}

public enum DeleteRules {
    /// An object with finalizers is only marked (deletionTimestamp set) and stays until they are removed;
    /// any other object goes at once. Returns the marked object, or nil to delete.
    public static func markIfFinalizing(_ object: JSONValue, now: KubeTime = .now()) -> JSONValue? {
        guard hasFinalizers(object) else { return nil }
        var marked = object
        var metadata = object["metadata"]?.objectValue ?? [:]
        if metadata["deletionTimestamp"] == nil || metadata["deletionTimestamp"] == .null {
            metadata["deletionTimestamp"] = .string(now.description)
            metadata["deletionGracePeriodSeconds"] = .int(0)
        }
        marked["metadata"] = .object(metadata)
        return marked
    }

    /// True when an update leaves a deleting object with no finalizers: it is then removed.
    public static func finishesDeletion(_ object: JSONValue) -> Bool {
        let timestamp = object[path: ["metadata", "deletionTimestamp"]]
        return timestamp != nil && timestamp != .null && !hasFinalizers(object)
    }

    static func hasFinalizers(_ object: JSONValue) -> Bool {
        !(object[path: ["metadata", "finalizers"]]?.arrayValue ?? []).isEmpty
    }
}
