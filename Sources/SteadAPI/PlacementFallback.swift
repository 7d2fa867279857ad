import KubeModel

/// Why a replacement pod could not go back to its node and was placed elsewhere, as the scheduler tells
/// it in the `StickyFallback` Event and the ``SteadKeys/placementFallback`` annotation (both carry
/// ``message``: "rescheduled: node sim-3 no longer exists").
public struct PlacementFallback: Sendable, Hashable {
    /// "node sim-3 no longer exists", "node sim-2 didn't match Pod's node affinity/selector".
    public var why: String

    public init(why: String) {
        self.why = why
    }

    /// The fallback a pod carries, if any.
    public init?(of pod: Pod) {
        guard let message = pod.metadata.annotations?[SteadKeys.placementFallback] else { return nil }
        self.init(message: message)
    }

    public init(message: String) {
        self.why = message.hasPrefix(Self.prefix) ? String(message.dropFirst(Self.prefix.count)) : message
    }

    public var message: String { Self.prefix + why }

    private static let prefix = "rescheduled: "
}
