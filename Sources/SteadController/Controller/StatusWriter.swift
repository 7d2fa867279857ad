import Foundation
import KubeClient
import KubeModel
import SteadAPI

/// Writes the set's status through the status subresource: a merge patch of what changed, conditional on
/// the set's resourceVersion. A change of the counts alone (a pod Ready or not, one more updated) is
/// written at most once per `countsInterval`, as a rollout moves them several times per pod; any other
/// change (generation, revisions, conditions, a pending replacement) and the counts reaching the
/// desired replicas are written at once.
struct StatusWriter: Sendable {
    static let setKind = "statefulpodsets"
    static let countsInterval = Duration.seconds(1)

    let client: KubeClient
    let state: ControllerState

    /// Returns when to come back for a change of the counts held back, or nil once all is written.
    func write(_ status: StatefulPodSetStatus, of set: StatefulPodSet) async throws -> Duration? {
        let old = try set.status.map { try KubeJSON.encodeToValue($0) }
        let new = try KubeJSON.encodeToValue(status)
        guard let diff = MergePatchDiff.patch(from: old, to: new) else { return nil }
        let now = ContinuousClock.now
        if Self.onlyCountsMoved(from: set.status, to: status, desired: set.spec.replicas ?? 1),
            let last = await state.lastStatusWrite(set: set.key), now - last < Self.countsInterval
        {
            return Self.countsInterval - (now - last)
        }
        _ = try await patchStatus(diff, of: set)
        return nil
    }

    /// Adds replacements to `status.pendingReplacements` (conditional on the set's resourceVersion) before
    /// their pods are deleted; returns the set as the server stored it.
    func record(pendingReplacements: [String: PendingReplacement], of set: StatefulPodSet) async throws -> StatefulPodSet {
        try await patchStatus(["pendingReplacements": try KubeJSON.encodeToValue(pendingReplacements)], of: set)
    }

    /// A merge patch of `status` with the set's resourceVersion, noted as written; the set as stored.
    private func patchStatus(_ status: JSONValue, of set: StatefulPodSet) async throws -> StatefulPodSet {
        let body: JSONValue = ["status": status]
        let updated = try await client.patch(
            StatefulPodSet.self, name: set.name, namespace: set.metadata.namespace,
            patch: .merge(body.withResourceVersion(set.metadata.resourceVersion)), subresource: "status",
            fieldManager: SteadKeys.fieldManager)
        await state.statusWritten(set: set.key, at: .now)
        await state.expect(
            .written(previousVersion: set.metadata.resourceVersion), kind: Self.setKind, key: set.key)
        return updated
    }

    /// Whether `new` differs from `old` only in its counts (and the condition messages that quote them),
    /// and does not yet count every desired replica as updated, ready and available.
    static func onlyCountsMoved(from old: StatefulPodSetStatus?, to new: StatefulPodSetStatus, desired: Int32) -> Bool {
        guard let old else { return false }
        let settled = [new.replicas, new.readyReplicas ?? 0, new.availableReplicas ?? 0, new.updatedReplicas ?? 0]
            .allSatisfy { $0 == desired }
        return !settled && withoutCounts(old) == withoutCounts(new)
    }

    private static func withoutCounts(_ status: StatefulPodSetStatus) -> StatefulPodSetStatus {
        var status = status
        status.replicas = 0
        status.readyReplicas = nil
        status.availableReplicas = nil
        status.currentReplicas = nil
        status.updatedReplicas = nil
        status.updatedInPlace = nil
        status.recreatedOnSameNode = nil
        status.rescheduled = nil
        status.rescheduleReasons = nil
        status.conditions = status.conditions?.map { condition in
            var condition = condition
            condition.message = nil
            return condition
        }
        return status
    }
}
