import Foundation
import KubeModel

/// What a successor pod will need on its node, announced by the controller on the pod it replaces
/// (``SteadKeys/reserveForReplacement``) when that is more than the pod holds; the scheduler keeps each
/// resource at the larger of the two until the successor is placed. The value is a JSON resource list,
/// `{"cpu":"2","memory":"4Gi"}`.
public struct ReservationRequest: Sendable, Hashable {
    public var resources: [String: Quantity]

    public init(_ resources: [String: Quantity]) {
        self.resources = resources
    }

    /// The request `pod` carries; nil without one, or when its value is not a JSON resource list.
    public init?(of pod: Pod) {
        guard let value = pod.metadata.annotations?[SteadKeys.reserveForReplacement] else { return nil }
        self.init(annotation: value)
    }

    public init?(annotation: String) {
        guard case .object(let fields)? = try? JSONValue.parse(Data(annotation.utf8)) else { return nil }
        var resources: [String: Quantity] = [:]
        for (name, value) in fields {
            guard let text = value.stringValue, let quantity = try? Quantity(parsing: text) else { return nil }
            resources[name] = quantity
        }
        self.init(resources)
    }

    public var annotation: String {
        String(decoding: JSONValue.object(resources.mapValues { .string($0.canonical) }).serialized(), as: UTF8.self)
    }
}
