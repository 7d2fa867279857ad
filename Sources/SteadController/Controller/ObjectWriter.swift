import Foundation
import KubeClient
import KubeModel
import SteadAPI

/// The controller's writes to pods and claims. Every change carries a precondition (resourceVersion or
/// UID) and is noted as an expectation, so a reconcile on a cache that does not show it yet waits.
struct ObjectWriter: Sendable {
    static let podKind = "pods"

    let client: KubeClient
    let state: ControllerState

    /// Creates the pod; an existing pod of that name (a stale cache) is left alone.
    func create(_ pod: Pod) async throws {
        do {
            _ = try await client.create(pod, namespace: pod.metadata.namespace)
            await state.expect(.created, kind: Self.podKind, key: pod.key)
        } catch let error as KubeAPIError where error.isAlreadyExists {
            await state.expect(.created, kind: Self.podKind, key: pod.key)
        }
    }

    /// Creates the claim unless it exists.
    func create(_ claim: PersistentVolumeClaim) async throws {
        do {
            _ = try await client.create(claim, namespace: claim.metadata.namespace)
        } catch let error as KubeAPIError where error.isAlreadyExists {
            return
        }
    }

    /// Deletes exactly this incarnation of the pod (UID precondition: a newer pod of the same name is
    /// never hit); a pod already gone is fine.
    func delete(_ pod: Pod) async throws {
        do {
            try await client.delete(
                Pod.self, name: pod.name, namespace: pod.metadata.namespace,
                options: DeleteOptions(preconditionUID: pod.metadata.uid))
        } catch let error as KubeAPIError where error.isNotFound {
            return
        }
        await state.expect(.deleted(uid: pod.metadata.uid), kind: Self.podKind, key: pod.key)
    }

    func deleteClaim(named name: String, namespace: String?) async throws {
        do {
            try await client.delete(PersistentVolumeClaim.self, name: name, namespace: namespace)
        } catch let error as KubeAPIError where error.isNotFound {
            return
        }
    }

    /// A patch of the pod (or a subresource) conditional on the pod's resourceVersion; returns the pod
    /// as the server stored it.
    @discardableResult
    func patch(_ pod: Pod, _ patch: Patch, subresource: String? = nil) async throws -> Pod {
        let updated = try await client.patch(
            Pod.self, name: pod.name, namespace: pod.metadata.namespace, patch: patch, subresource: subresource,
            fieldManager: SteadKeys.fieldManager)
        await state.expect(.written(previousVersion: pod.metadata.resourceVersion), kind: Self.podKind, key: pod.key)
        return updated
    }

    /// Sets the `stead.dev/InPlaceUpdateReady` condition through `pods/status`. A strategic merge of one
    /// condition, keyed by type: the kubelet's conditions and every other field stay as they are.
    func setInPlaceReady(_ pod: Pod, ready: Bool, reason: String, message: String?, now: Date) async throws {
        let body = InPlaceProgress.readinessCondition(ready: ready, reason: reason, message: message, now: now)
        do {
            try await patch(pod, .strategic(body), subresource: "status")
        } catch let error as KubeAPIError where error.isNotFound {
            return
        }
    }
}

extension JSONValue {
    /// The object with `metadata.resourceVersion` set: a patch that the server refuses (409) when the
    /// object changed since `version`.
    func withResourceVersion(_ version: String?) -> JSONValue {
        guard let version, case .object(var object) = self else { return self }
        var metadata = object["metadata"]?.objectValue ?? [:]
        metadata["resourceVersion"] = .string(version)
        object["metadata"] = .object(metadata)
        return .object(object)
    }

    /// The object with `metadata.annotations[key]` set, other annotations as they are.
    func withAnnotation(_ key: String, _ value: String) -> JSONValue {
        guard case .object(var object) = self else { return self }
        var metadata = object["metadata"]?.objectValue ?? [:]
        var annotations = metadata["annotations"]?.objectValue ?? [:]
        annotations[key] = .string(value)
        metadata["annotations"] = .object(annotations)
        object["metadata"] = .object(metadata)
        return .object(object)
    }
}
