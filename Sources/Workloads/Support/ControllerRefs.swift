import KubeClient
import KubeModel

/// client-go's ControllerRefManager: a controller adopts the orphans its selector matches (objects in
/// its namespace with no controller, e.g. left by `kubectl delete --cascade=orphan`) and releases what
/// it controls but no longer matches (a pod relabelled to take it out of service). ``claim`` decides;
/// ``apply(_:owner:)`` writes the owner references with the object's resourceVersion as precondition,
/// so a change in between fails (409) instead of being overwritten, and adopts only for an owner the
/// server still has, not being deleted.
struct ControllerRefs: Sendable {
    /// The store index of objects without a controller, by namespace.
    static let orphanIndex = "orphans"

    static func orphanIndexValues<T: KubeResource>(_ object: T) -> [String] {
        object.metadata.controllerReference == nil && object.metadata.deletionTimestamp == nil ? [object.namespace ?? ""] : []
    }

    struct Claim<T: KubeResource> {
        var adopt: [T] = []
        var release: [T] = []
        var isEmpty: Bool { adopt.isEmpty && release.isEmpty }
    }

    /// What to adopt among `orphans` and to release among `controlled`: an object belongs when the
    /// selector matches its labels and `belongs` accepts it. Nothing moves without a selector.
    static func claim<T: KubeResource>(
        controlled: [T], orphans: [T], selector: LabelSelector?, belongs: (T) -> Bool = { _ in true }
    ) -> Claim<T> {
        // An empty selector would match everything: the API refuses it for every workload.
        guard let selector, !(selector.matchLabels ?? [:]).isEmpty || !(selector.matchExpressions ?? []).isEmpty else {
            return Claim()
        }
        func matches(_ object: T) -> Bool { selector.matches(object.metadata.labels ?? [:]) && belongs(object) }
        return Claim(
            adopt: orphans.filter { $0.metadata.deletionTimestamp == nil && $0.metadata.controllerReference == nil && matches($0) },
            release: controlled.filter { $0.metadata.deletionTimestamp == nil && !matches($0) })
    }

    let client: KubeClient

    /// Claims for `owner` (adoptions, releases) and tells whether anything changed; a conflict means
    /// the object changed meanwhile, and its event brings the owner back.
    func apply<T: KubeResource, K>(_ claim: Claim<T>, owner: Workload<K>) async throws -> Bool {
        guard !claim.isEmpty else { return false }
        if !claim.adopt.isEmpty, try await mayAdopt(owner) {
            for object in claim.adopt { try await writeOwners(adding: owner.controllerReference, to: object) }
        }
        for object in claim.release {
            try await writeOwners((object.metadata.ownerReferences ?? []).filter { $0.uid != owner.uid }, of: object)
        }
        return true
    }

    /// Adopts one object, as ``apply(_:owner:)`` does.
    func adopt<T: KubeResource, K>(_ object: T, owner: Workload<K>) async throws {
        guard try await mayAdopt(owner) else { return }
        try await writeOwners(adding: owner.controllerReference, to: object)
    }

    /// client-go's RecheckDeletionTimestamp: the owner read afresh from the server, not the cache, is
    /// still there and not being deleted. An owner deleted with `--cascade=orphan` that the cache still
    /// shows alive would otherwise take back what the garbage collector just orphaned, and its dependents
    /// would then be collected with it.
    private func mayAdopt<K>(_ owner: Workload<K>) async throws -> Bool {
        do {
            let fresh = try await client.get(Workload<K>.self, name: owner.name, namespace: owner.namespace ?? "")
            return fresh.uid == owner.uid && !fresh.isDeleting
        } catch let error as KubeAPIError where error.isNotFound {
            return false
        }
    }

    private func writeOwners<T: KubeResource>(adding owner: OwnerReference, to object: T) async throws {
        try await writeOwners((object.metadata.ownerReferences ?? []).filter { $0.uid != owner.uid } + [owner], of: object)
    }

    private func writeOwners<T: KubeResource>(_ owners: [OwnerReference], of object: T) async throws {
        let references = owners.isEmpty ? JSONValue.null : try KubeJSON.encodeToValue(owners)
        let patch: JSONValue = [
            "metadata": ["ownerReferences": references, "resourceVersion": .string(object.metadata.resourceVersion ?? "")]
        ]
        do {
            _ = try await client.patch(T.resourceType, name: object.name, namespace: object.namespace, patch: .merge(patch))
        } catch let error as KubeAPIError where error.isConflict || error.isNotFound {}
    }
}
