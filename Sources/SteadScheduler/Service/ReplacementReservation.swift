import KubeModel
import SteadAPI

/// What the scheduler keeps on a node for the identity of a pod being replaced.
enum ReplacementReservation {
    /// The pod's own requests, each resource raised to its successor's when the controller announced
    /// larger ones (``ReservationRequest``).
    static func requests(for pod: Pod) -> ResourceVector {
        let own = PodInfo(pod).requests
        guard let successor = ReservationRequest(of: pod) else { return own }
        var requests = ResourceVector(successor.resources)
        requests.pods = 1
        return own.elementwiseMax(requests)
    }
}
