import Foundation
import KubeClient
import KubeModel
import Logging
import SteadAPI

/// Carries out a ``ScalePlan``: claims then pods for missing ordinals, deletions from the top, claims
/// removed per `whenScaled`.
struct ScaleExecutor: Sendable {
    let writer: ObjectWriter
    let events: SetEvents
    let metrics: ControllerMetrics
    let logger: Logger

    /// Returns the first pod or claim the API server refused (the template is at fault): no further
    /// pods are created in this pass, and deletions still go ahead.
    func execute(_ plan: ScalePlan, view: SetView, revisions: RevisionSync.Result) async throws -> CreateFailure? {
        let set = view.set
        var failure: CreateFailure?
        for creation in plan.create {
            let revision = revisions.all.first { $0.name == creation.revision } ?? revisions.update
            var pod = try PodBuilder.build(set: set, ordinal: creation.ordinal, revision: revision)
            if set.spec.effectivePodUpdatePolicy == .recreate {
                pod.metadata.annotations = (pod.metadata.annotations ?? [:]).merging(
                    [SteadKeys.scheduleAnew: "true"], uniquingKeysWith: { _, new in new })
            }
            if let marker = Self.successorMarker(of: pod.name, revision: revision.name, status: set.status) {
                pod.metadata.annotations = (pod.metadata.annotations ?? [:]).merging(
                    [SteadKeys.updatedBy: marker], uniquingKeysWith: { _, new in new })
            }
            do {
                try await createClaims(set: set, ordinal: creation.ordinal, existing: view.claims)
                try await writer.create(pod)
            } catch let error as KubeAPIError where CreateFailure.isRefusal(error) {
                failure = CreateFailure(pod: pod.name, revision: revision.name, message: error.status.message ?? "\(error)")
                break
            }
            metrics.recordCreate()
            logger.debug("created pod", metadata: ["pod": "\(pod.key)", "revision": "\(revision.name)"])
            events.record(
                type: "Normal", reason: "SuccessfulCreate",
                message: "create Pod \(pod.name) in StatefulPodSet \(set.name) successful", set: set)
        }
        for deletion in plan.delete {
            guard let pod = view.pod(named: deletion.name) else { continue }
            try await writer.delete(pod)
            metrics.recordDelete()
            events.record(
                type: "Normal", reason: "SuccessfulDelete",
                message: "delete Pod \(pod.name) in StatefulPodSet \(set.name) successful: \(deletion.reason)", set: set)
        }
        for claim in plan.deleteClaims {
            try await writer.deleteClaim(named: claim, namespace: set.metadata.namespace)
            events.record(
                type: "Normal", reason: "SuccessfulDelete",
                message: "delete Claim \(claim) in StatefulPodSet \(set.name) successful: whenScaled is Delete", set: set)
        }
        return failure
    }

    /// The marker of a pod replaced within the rollout to `revision`, for its successor: the replacement is
    /// counted by the pod that carries it out.
    static func successorMarker(of pod: String, revision: String, status: StatefulPodSetStatus?) -> String? {
        guard let entry = status?.pendingReplacements?[pod],
            RolloutMarker(annotation: entry.marker)?.revision == revision
        else { return nil }
        return entry.marker
    }

    private func createClaims(set: StatefulPodSet, ordinal: Int, existing: [PersistentVolumeClaim]) async throws {
        let names = Set(existing.map(\.name))
        for claim in try ClaimBuilder.build(set: set, ordinal: ordinal) where !names.contains(claim.name) {
            try await writer.create(claim)
        }
    }
}

/// A pod (or its claim) the API server refused to create: retrying the same object cannot succeed until
/// the set's template changes, so the set reports it (ReplicaFailure condition, FailedCreate Event).
struct CreateFailure: Sendable, Hashable {
    var pod: String
    var revision: String
    var message: String

    /// 400 (does not decode), 422 (invalid), 403 (forbidden, e.g. a quota): the object is refused as it is.
    static func isRefusal(_ error: KubeAPIError) -> Bool {
        error.isInvalid || error.isBadRequest || error.isForbidden
    }

    /// Kubernetes' StatefulSet wording.
    func eventMessage(set: String) -> String {
        "create Pod \(pod) in StatefulPodSet \(set) failed error: \(message)"
    }
}
