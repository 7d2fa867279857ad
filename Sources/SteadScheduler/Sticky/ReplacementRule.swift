import KubeModel
import SteadAPI

/// Whether a pod is a genuinely new pod or the next incarnation of an identity that already ran.
enum Incarnation: Sendable, Hashable {
    /// Same namespace/name and same controller owner as the record, but a different pod: go back to `node`.
    case replacement(previousNode: String)
    /// No record, another owner, no owner, or the very pod the record describes: schedule normally.
    case new
}

/// The identity rule. A bare pod (no controller owner) is never a replacement: recreating it by hand
/// does not make it the same workload.
func classifyIncarnation(of pod: Pod, record: PlacementRecord?) -> Incarnation {
    // A controller asks for the plain Kubernetes path (podUpdatePolicy Recreate) with this annotation.
    guard pod.metadata.annotations?[SteadKeys.scheduleAnew] != "true" else { return .new }
    guard let record, pod.objectKey == record.identity,
        let owner = pod.metadata.controllerReference?.uid, owner == record.ownerUID,
        pod.metadata.uid == nil || pod.metadata.uid != record.podUID
    else { return .new }
    return .replacement(previousNode: record.node)
}

func isReplacement(pod: Pod, of record: PlacementRecord) -> Bool {
    classifyIncarnation(of: pod, record: record) != .new
}
