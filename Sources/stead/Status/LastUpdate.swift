import Foundation
import KubeModel
import SteadController

/// How a pod's last change was made, read back from what Stead leaves behind: the controller's
/// `UpdatedInPlace` / `RecreatedOnSameNode` / `Rescheduled` Events on the pod (the newest wins), the
/// in-place readiness gate while an update runs, and the scheduler's sticky-fallback annotation.
enum LastUpdate: Equatable, CustomStringConvertible {
    case created
    case notUpdated
    case inPlace(String)
    case inPlaceInProgress(String)
    case sameNode(String)
    case rescheduled(String)

    /// Written by Stead's scheduler when a replacement could not go back to its node.
    static let fallbackAnnotation = "stead.dev/placement-fallback"
    static let eventReasons: Set = ["UpdatedInPlace", "RecreatedOnSameNode", "Rescheduled"]

    /// - Parameters:
    ///   - updateRevision: the set's update revision name.
    ///   - events: the namespace's Events (any; those about other objects are ignored).
    static func of(_ pod: Pod, updateRevision: String?, events: [Event]) -> LastUpdate {
        if let gate = pod.status?.condition(SteadLabels.inPlaceUpdateReady), gate.status == "False",
            gate.reason == "InPlaceUpdate"
        {
            return .inPlaceInProgress(gate.message ?? "")
        }
        if let why = pod.metadata.annotations?[fallbackAnnotation] { return .rescheduled(why) }
        if let event = latestUpdateEvent(about: pod.name, in: events) {
            let message = event.message ?? ""
            switch event.reason {
            case "UpdatedInPlace" where event.involvedObject.uid == pod.metadata.uid:
                return .inPlace(message.removingPrefix("updated in place: "))
            case "RecreatedOnSameNode": return .sameNode(message)
            case "Rescheduled": return .rescheduled(message.removingPrefix("rescheduled: "))
            default: break
            }
        }
        guard let updateRevision, pod.metadata.labels?[SteadLabels.revisionHash] == updateRevision else { return .notUpdated }
        return .created
    }

    /// The newest update Event about a pod of this name (any incarnation): by resourceVersion where it
    /// is a number (the embedded server's and etcd's are increasing), else by time.
    static func latestUpdateEvent(about podName: String, in events: [Event]) -> Event? {
        events.filter { event in
            event.involvedObject.kind == "Pod" && event.involvedObject.name == podName
                && eventReasons.contains(event.reason ?? "")
        }.max { order($0) < order($1) }
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

extension String {
    fileprivate func removingPrefix(_ prefix: String) -> String {
        hasPrefix(prefix) ? String(dropFirst(prefix.count)) : self
    }
}
