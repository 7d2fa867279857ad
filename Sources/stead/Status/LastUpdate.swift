import Foundation
import KubeModel
import SteadAPI
import SteadController

/// How a pod's last change was made, read back from what Stead leaves on the pod: the in-place
/// readiness gate while an update runs, the scheduler's sticky-fallback annotation, and the rollout
/// marker (`stead.dev/updated-by`) written with the change. The detail (what changed, why) comes from
/// the newest Event of that kind naming the pod, when the API server still has one.
enum LastUpdate: Equatable, CustomStringConvertible {
    case created
    case notUpdated
    case inPlace(String)
    case inPlaceInProgress(String)
    case sameNode(String)
    case rescheduled(String)

    /// - Parameters:
    ///   - updateRevision: the set's update revision name.
    ///   - events: the namespace's Events (any; those naming other pods are ignored).
    static func of(_ pod: Pod, updateRevision: String?, events: [Event]) -> LastUpdate {
        if let gate = pod.status?.condition(SteadKeys.inPlaceUpdateReady), gate.status == "False",
            gate.reason == "InPlaceUpdate"
        {
            return .inPlaceInProgress(gate.message ?? "")
        }
        if let fallback = PlacementFallback(of: pod) { return .rescheduled(fallback.why) }
        guard let updateRevision, pod.metadata.labels?[SteadKeys.revisionHash] == updateRevision else { return .notUpdated }
        guard let marker = RolloutMarker(of: pod), marker.revision == updateRevision else { return .created }
        switch marker.path {
        case .inPlace: return .inPlace(detail("UpdatedInPlace", about: pod.name, in: events))
        case .sameNode: return .sameNode(detail("RecreatedOnSameNode", about: pod.name, in: events))
        case .rescheduled(let category):
            let why = detail("Rescheduled", about: pod.name, in: events)
            return .rescheduled(why.isEmpty ? category : why)
        }
    }

    /// What the newest `reason` Event naming the pod says after its first ": ", or "" without one. The
    /// controller's Events are on the set and start "pod NAME ".
    static func detail(_ reason: String, about podName: String, in events: [Event]) -> String {
        let newest = events.filter { event in
            event.reason == reason && (event.message ?? "").hasPrefix("pod \(podName) ")
        }.max { order($0) < order($1) }
        guard let message = newest?.message, let colon = message.range(of: ": ") else { return "" }
        return String(message[colon.upperBound...])
    }

    private static func order(_ event: Event) -> (Date, Int) {
        ((event.lastTimestamp ?? event.firstTimestamp)?.date ?? .distantPast, Int(event.metadata.resourceVersion ?? "") ?? 0)
    }

    var description: String {
        switch self {
        case .created: "created"
        case .notUpdated: "-"
        case .inPlace(let what): what.isEmpty ? "in place" : "in place (\(what))"
        case .inPlaceInProgress(let what): what.isEmpty ? "in place, in progress" : "in place, in progress (\(what))"
        case .sameNode(let why): why.isEmpty ? "same node" : "same node (\(why))"
        case .rescheduled(let why): "rescheduled: \(why)"
        }
    }
}
