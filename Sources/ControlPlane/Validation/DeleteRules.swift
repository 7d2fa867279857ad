import Foundation
import KubeModel

/// How a delete treats the object's dependents (`ownerReferences` pointing at it).
public enum PropagationPolicy: String, Sendable, CaseIterable {
    case orphan = "Orphan"
    case background = "Background"
    case foreground = "Foreground"
}

/// The finalizers the garbage collector acts on.
public enum GCFinalizer {
    public static let orphan = "orphan"
    public static let foregroundDeletion = "foregroundDeletion"
}

/// `DeleteOptions` from a DELETE body or query.
public struct DeleteOptions: Sendable, Hashable {
    public var preconditionUID: String?
    public var preconditionResourceVersion: String?
    public var propagationPolicy: String?
    public var gracePeriodSeconds: Int64?
    /// The deprecated form of the policy: true is Orphan, false is Foreground.
    public var orphanDependents: Bool?

    public init(
        preconditionUID: String? = nil, preconditionResourceVersion: String? = nil,
        propagationPolicy: String? = nil, gracePeriodSeconds: Int64? = nil, orphanDependents: Bool? = nil
    ) {
        self.preconditionUID = preconditionUID
        self.preconditionResourceVersion = preconditionResourceVersion
        self.propagationPolicy = propagationPolicy
        self.gracePeriodSeconds = gracePeriodSeconds
        self.orphanDependents = orphanDependents
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
            gracePeriodSeconds: body["gracePeriodSeconds"]?.intValue,
            orphanDependents: body["orphanDependents"]?.boolValue)
        try validatePolicy()
    }

    func validatePolicy() throws(Status) {
        if let policy = propagationPolicy, PropagationPolicy(rawValue: policy) == nil {
            throw Status.failure(.badRequest, "propagationPolicy must be Orphan, Background or Foreground, not \(policy)")
        }
        if propagationPolicy != nil && orphanDependents != nil {
            throw Status.failure(.invalid, "DeleteOptions is invalid: orphanDependents and propagationPolicy cannot be both set")
        }
    }

    /// The policy the request asks for, nil when it asks for none (the resource's default applies).
    public var policy: PropagationPolicy? {
        if let propagationPolicy { return PropagationPolicy(rawValue: propagationPolicy) }
        return orphanDependents.map { $0 ? .orphan : .foreground }
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

/// What a DELETE does to an object, as Kubernetes' registry decides it: pods bound to a node are
/// deleted gracefully (marked, removed when the kubelet confirms with grace 0), finalizers hold any
/// object, the propagation policy becomes the garbage collector's finalizers, and namespaces are
/// marked Terminating and emptied by the namespace controller. Pure: unit-testable without a store.
public enum DeleteRules {
    public enum Decision: Sendable, Equatable {
        /// Remove the object from the store now.
        case remove
        /// Store this object (marked for deletion) instead.
        case mark(JSONValue)
        /// Already being deleted; nothing changes.
        case unchanged
    }

    /// Seconds a pod gets to stop when neither the request nor the pod says.
    public static let defaultPodGracePeriod: Int64 = 30

    public static func decide(
        _ object: JSONValue, resource: ResourceInfo, options: DeleteOptions, now: Date = Date()
    ) -> Decision {
        if isNamespace(resource) { return decideNamespace(object, options: options, now: now) }
        if isDeleting(object) { return decidePending(object, resource: resource, options: options, now: now) }
        let withFinalizers = applyingPolicy(options.policy ?? defaultPolicy(resource), to: object)
        if let grace = podGracePeriod(object, resource: resource, options: options), grace > 0 {
            var marked = marking(withFinalizers, grace: grace, now: now)
            bumpGeneration(&marked)
            return .mark(marked)
        }
        if hasFinalizers(withFinalizers) { return .mark(marking(withFinalizers, grace: 0, now: now)) }
        return .remove
    }

    /// A second DELETE: a pod's grace period may only get shorter (0 removes it); an object held by
    /// finalizers may get its garbage-collection finalizers changed by an explicit policy.
    private static func decidePending(
        _ object: JSONValue, resource: ResourceInfo, options: DeleteOptions, now: Date
    ) -> Decision {
        let current = gracePeriod(of: object)
        if current > 0 {
            guard isPod(resource), let requested = options.gracePeriodSeconds.map({ $0 < 0 ? 1 : $0 }),
                requested < current
            else { return .unchanged }
            if requested == 0 && !hasFinalizers(object) { return .remove }
            return .mark(shortening(object, from: current, to: requested))
        }
        if !hasFinalizers(object) { return .remove }
        guard let policy = options.policy else { return .unchanged }
        let updated = applyingPolicy(policy, to: object)
        return updated == object ? .unchanged : .mark(updated)
    }

    /// DELETE of a namespace: the first marks it Terminating (the namespace controller then empties it);
    /// later ones remove it only once no finalizer is left.
    private static func decideNamespace(_ object: JSONValue, options: DeleteOptions, now: Date) -> Decision {
        if isDeleting(object) {
            return hasFinalizers(object) || !namespaceFinalizers(object).isEmpty ? .unchanged : .remove
        }
        var marked = object
        if let policy = options.policy { marked = applyingPolicy(policy, to: marked) }
        var metadata = marked["metadata"]?.objectValue ?? [:]
        metadata["deletionTimestamp"] = .string(KubeTime(now).description)
        marked["metadata"] = .object(metadata)
        var status = marked["status"]?.objectValue ?? [:]
        status["phase"] = "Terminating"
        marked["status"] = .object(status)
        return .mark(marked)
    }

    /// True when an update of an object being deleted leaves nothing holding it: no finalizers (for a
    /// namespace, no spec finalizers either) and no grace period still running (a pod waits for its
    /// kubelet's confirmation).
    public static func finishesDeletion(_ updated: JSONValue, old: JSONValue) -> Bool {
        guard isDeleting(old), !hasFinalizers(updated) else { return false }
        if isNamespaceObject(updated) && !namespaceFinalizers(updated).isEmpty { return false }
        return gracePeriod(of: old) == 0
    }

    /// 422 when an update adds finalizers to an object being deleted, as Kubernetes forbids.
    public static func checkFinalizerUpdate(_ updated: JSONValue, old: JSONValue) throws(Status) {
        guard isDeleting(old) else { return }
        let existing = Set(finalizers(of: old))
        let added = finalizers(of: updated).filter { !existing.contains($0) }
        guard !added.isEmpty else { return }
        let kind = old["kind"]?.stringValue ?? "object"
        let name = old[path: ["metadata", "name"]]?.stringValue ?? ""
        let list = added.map { "\"\($0)\"" }.joined(separator: ", ")
        throw Status.failure(
            .invalid,
            "\(kind) \"\(name)\" is invalid: metadata.finalizers: Forbidden: no new finalizers can be added if the object is being deleted, found new finalizers []string{\(list)}",
            details: StatusDetails(
                name: name, kind: kind,
                causes: [StatusCause(reason: "FieldValueForbidden", message: "no new finalizers can be added if the object is being deleted", field: "metadata.finalizers")]))
    }

    // MARK: Reading and changing metadata

    public static func isDeleting(_ object: JSONValue) -> Bool {
        let timestamp = object[path: ["metadata", "deletionTimestamp"]]
        return timestamp != nil && timestamp != .null
    }

    public static func finalizers(of object: JSONValue) -> [String] {
        (object[path: ["metadata", "finalizers"]]?.arrayValue ?? []).compactMap(\.stringValue)
    }

    static func hasFinalizers(_ object: JSONValue) -> Bool { !finalizers(of: object).isEmpty }

    /// `object` with `finalizers`; an empty list removes the field.
    public static func setting(finalizers: [String], on object: JSONValue) -> JSONValue {
        var object = object
        var metadata = object["metadata"]?.objectValue ?? [:]
        if finalizers.isEmpty {
            metadata.removeValue(forKey: "finalizers")
        } else {
            metadata["finalizers"] = .array(finalizers.map { .string($0) })
        }
        object["metadata"] = .object(metadata)
        return object
    }

    /// Kubernetes' defaults: Background for everything Stead serves except ReplicationControllers.
    static func defaultPolicy(_ resource: ResourceInfo) -> PropagationPolicy {
        resource.type.group == "" && resource.type.plural == "replicationcontrollers" ? .orphan : .background
    }

    /// The garbage collector's finalizers as `policy` asks: Orphan adds `orphan`, Foreground adds
    /// `foregroundDeletion`, Background removes both.
    static func applyingPolicy(_ policy: PropagationPolicy, to object: JSONValue) -> JSONValue {
        var list = finalizers(of: object).filter { $0 != GCFinalizer.orphan && $0 != GCFinalizer.foregroundDeletion }
        switch policy {
        case .orphan: list.append(GCFinalizer.orphan)
        case .foreground: list.append(GCFinalizer.foregroundDeletion)
        case .background: break
        }
        let original = finalizers(of: object)
        if Set(list) == Set(original) { return object }
        return setting(finalizers: list, on: object)
    }

    /// The grace period of a pod's deletion: the request's, else `spec.terminationGracePeriodSeconds`,
    /// else 30; 0 for a pod on no node or already finished. nil for other kinds (no graceful deletion).
    static func podGracePeriod(_ pod: JSONValue, resource: ResourceInfo, options: DeleteOptions) -> Int64? {
        guard isPod(resource) else { return nil }
        var period = options.gracePeriodSeconds ?? pod[path: ["spec", "terminationGracePeriodSeconds"]]?.intValue
            ?? defaultPodGracePeriod
        if period < 0 { period = 1 }
        if (pod[path: ["spec", "nodeName"]]?.stringValue ?? "").isEmpty { period = 0 }
        let phase = pod[path: ["status", "phase"]]?.stringValue
        if phase == PodPhase.succeeded || phase == PodPhase.failed { period = 0 }
        return period
    }

    static func gracePeriod(of object: JSONValue) -> Int64 {
        object[path: ["metadata", "deletionGracePeriodSeconds"]]?.intValue ?? 0
    }

    /// Sets `deletionTimestamp` (now plus the grace period, as Kubernetes does) and the grace period.
    private static func marking(_ object: JSONValue, grace: Int64, now: Date) -> JSONValue {
        var marked = object
        var metadata = object["metadata"]?.objectValue ?? [:]
        metadata["deletionTimestamp"] = .string(KubeTime(now.addingTimeInterval(TimeInterval(grace))).description)
        metadata["deletionGracePeriodSeconds"] = .int(grace)
        marked["metadata"] = .object(metadata)
        return marked
    }

    private static func shortening(_ object: JSONValue, from current: Int64, to requested: Int64) -> JSONValue {
        var marked = object
        var metadata = object["metadata"]?.objectValue ?? [:]
        let timestamp = metadata["deletionTimestamp"]?.stringValue.flatMap { KubeTime(text: $0) }?.date ?? Date()
        let earlier = timestamp.addingTimeInterval(TimeInterval(requested - current))
        metadata["deletionTimestamp"] = .string(KubeTime(earlier).description)
        metadata["deletionGracePeriodSeconds"] = .int(requested)
        marked["metadata"] = .object(metadata)
        return marked
    }

    private static func bumpGeneration(_ object: inout JSONValue) {
        guard var metadata = object["metadata"]?.objectValue, let generation = metadata["generation"]?.intValue,
            generation > 0
        else { return }
        metadata["generation"] = .int(generation + 1)
        object["metadata"] = .object(metadata)
    }

    static func namespaceFinalizers(_ namespace: JSONValue) -> [String] {
        (namespace[path: ["spec", "finalizers"]]?.arrayValue ?? []).compactMap(\.stringValue)
    }

    static func isPod(_ resource: ResourceInfo) -> Bool { resource.type == BuiltinResources.pods.type }

    static func isNamespace(_ resource: ResourceInfo) -> Bool { resource.type == BuiltinResources.namespaces.type }

    private static func isNamespaceObject(_ object: JSONValue) -> Bool {
        object["kind"]?.stringValue == "Namespace" && object["apiVersion"]?.stringValue == "v1"
    }
}
