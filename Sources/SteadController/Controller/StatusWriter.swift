import Foundation
import KubeClient
import KubeModel

/// Writes the set's status through the status subresource: a merge patch of what changed, conditional on
/// the set's resourceVersion.
struct StatusWriter: Sendable {
    static let setKind = "statefulpodsets"

    let client: KubeClient
    let state: ControllerState

    func write(_ status: StatefulPodSetStatus, of set: StatefulPodSet) async throws {
        let old = try set.status.map { try KubeJSON.encodeToValue($0) }
        let new = try KubeJSON.encodeToValue(status)
        guard let diff = MergePatchDiff.patch(from: old, to: new) else { return }
        let body: JSONValue = ["status": diff]
        _ = try await client.patch(
            StatefulPodSet.resourceType, name: set.name, namespace: set.metadata.namespace,
            patch: .merge(body.withResourceVersion(set.metadata.resourceVersion)), subresource: "status",
            fieldManager: SteadLabels.fieldManager)
        await state.expect(
            .written(previousVersion: set.metadata.resourceVersion), kind: Self.setKind, key: set.key)
    }
}
