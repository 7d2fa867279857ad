import Foundation
import KubeModel

/// The value of `stead.dev/reserve-for-replacement`: the successor's cpu and memory requests (summed
/// over its containers) as a JSON resource list, or `true` when the template requests none.
enum ReplacementRequests {
    static func annotationValue(for template: PodTemplateSpec?) -> String {
        guard let spec = try? template?.decodedSpec() else { return "true" }
        var totals: [String: Quantity] = [:]
        for container in spec.containers {
            for resource in ["cpu", "memory"] {
                guard let quantity = container.resources?.requests?[resource] ?? container.resources?.limits?[resource]
                else { continue }
                totals[resource] = totals[resource].map { $0 + quantity } ?? quantity
            }
        }
        guard !totals.isEmpty else { return "true" }
        let fields = totals.keys.sorted().map { "\"\($0)\":\"\(totals[$0]?.canonical ?? "0")\"" }
        return "{" + fields.joined(separator: ",") + "}"
    }
}
