import Foundation
import KubeModel
import Logging

/// Carries out a ``ScalePlan``: claims then pods for missing ordinals, deletions from the top, claims
/// removed per `whenScaled`.
struct ScaleExecutor: Sendable {
    let writer: ObjectWriter
    let events: EventRecorder
    let metrics: ControllerMetrics
    let logger: Logger

    func execute(_ plan: ScalePlan, view: SetView, revisions: RevisionSync.Result) async throws {
        let set = view.set
        for creation in plan.create {
            let revision = revisions.all.first { $0.name == creation.revision } ?? revisions.update
            try await createClaims(set: set, ordinal: creation.ordinal, existing: view.claims)
            var pod = try PodBuilder.build(set: set, ordinal: creation.ordinal, revision: revision)
            if set.spec.effectivePodUpdatePolicy == .recreate {
                pod.metadata.annotations = (pod.metadata.annotations ?? [:]).merging(
                    [SteadLabels.scheduleAnew: "true"], uniquingKeysWith: { _, new in new })
            }
            try await writer.create(pod)
            metrics.recordCreate()
            logger.debug("created pod", metadata: ["pod": "\(pod.key)", "revision": "\(revision.name)"])
            await events.record(
                type: "Normal", reason: "SuccessfulCreate",
                message: "create Pod \(pod.name) in StatefulPodSet \(set.name) successful", set: set)
        }
        for deletion in plan.delete {
            guard let pod = view.pod(named: deletion.name) else { continue }
            try await writer.delete(pod)
            metrics.recordDelete()
            await events.record(
                type: "Normal", reason: "SuccessfulDelete",
                message: "delete Pod \(pod.name) in StatefulPodSet \(set.name) successful: \(deletion.reason)", set: set)
        }
        for claim in plan.deleteClaims {
            try await writer.deleteClaim(named: claim, namespace: set.metadata.namespace)
            await events.record(
                type: "Normal", reason: "SuccessfulDelete",
                message: "delete Claim \(claim) in StatefulPodSet \(set.name) successful: whenScaled is Delete", set: set)
        }
    }

    private func createClaims(set: StatefulPodSet, ordinal: Int, existing: [PersistentVolumeClaim]) async throws {
        let names = Set(existing.map(\.name))
        for claim in try ClaimBuilder.build(set: set, ordinal: ordinal) where !names.contains(claim.name) {
            try await writer.create(claim)
        }
    }
}
