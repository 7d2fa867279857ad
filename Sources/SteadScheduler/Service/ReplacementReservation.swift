import Foundation
import KubeModel

/// The request a controller makes before deleting a pod it will recreate: the annotation
/// `stead.dev/reserve-for-replacement` on the old pod, whose value is either `true` or the new
/// incarnation's requests as a JSON resource list (`{"cpu":"2","memory":"4Gi"}`).
public enum ReplacementReservation {
    public static let annotationKey = "stead.dev/reserve-for-replacement"

    /// What to keep on the node for `pod`'s identity: its own requests, or, when the annotation names the
    /// successor's requests, each resource at the larger of the two. nil when the pod does not ask.
    public static func requested(by pod: Pod) -> ResourceVector? {
        guard let value = pod.metadata.annotations?[annotationKey] else { return nil }
        let own = PodInfo(pod).requests
        return own.elementwiseMax(successorRequests(value) ?? .zero)
    }

    /// The successor's requests in an annotation value; nil for `true` or anything unreadable.
    public static func successorRequests(_ value: String) -> ResourceVector? {
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        guard trimmed.hasPrefix("{"),
            let list = try? JSONDecoder().decode([String: Quantity].self, from: Data(trimmed.utf8))
        else { return nil }
        var requests = ResourceVector(list)
        requests.pods = 1
        return requests
    }
}
