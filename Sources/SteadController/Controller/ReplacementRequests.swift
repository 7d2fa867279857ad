import KubeModel
import SteadAPI

/// What the controller asks the scheduler to keep for a same-node successor. The scheduler keeps a
/// deleted pod's own requests on its node unasked, so a ``ReservationRequest`` (one more write before
/// the delete) is needed only when the successor asks for more than the pod it replaces.
enum ReplacementRequests {
    /// The successor's cpu and memory when `template` requests more of either than `pod`; nil otherwise.
    static func request(for template: PodTemplateSpec?, replacing pod: Pod) -> ReservationRequest? {
        guard let spec = try? template?.decodedSpec() else { return nil }
        let successor = totals(of: spec.containers)
        let current = totals(of: pod.spec?.containers ?? [])
        guard successor.contains(where: { resource, quantity in current[resource].map { quantity > $0 } ?? true }) else {
            return nil
        }
        return ReservationRequest(successor)
    }

    /// cpu and memory summed over `containers`, each container's request or else its limit.
    static func totals(of containers: [Container]) -> [String: Quantity] {
        var totals: [String: Quantity] = [:]
        for container in containers {
            for resource in ["cpu", "memory"] {
                guard let quantity = container.resources?.requests?[resource] ?? container.resources?.limits?[resource]
                else { continue }
                totals[resource] = totals[resource].map { $0 + quantity } ?? quantity
            }
        }
        return totals
    }
}
