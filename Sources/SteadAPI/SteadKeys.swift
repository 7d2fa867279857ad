/// The names Stead's controller, its scheduler and `stead status` agree on: every `stead.dev/*` label,
/// annotation, condition type and Event reason that one of them writes and another reads. The values
/// behind the annotations have types of their own in this module (``ReservationRequest``,
/// ``NodeLossPolicy``, ``RolloutMarker``, ``PlacementFallback``).
public enum SteadKeys {
    /// Stead's scheduler name: pods that name it are placed by Stead.
    public static let schedulerName = "stead"
    public static let fieldManager = "stead-controller"

    // MARK: Labels on a set's pods (the first three as a StatefulSet's)

    public static let podName = "statefulset.kubernetes.io/pod-name"
    public static let podIndex = "apps.kubernetes.io/pod-index"
    public static let revisionHash = "controller-revision-hash"
    public static let set = "stead.dev/set"

    // MARK: Pod conditions

    /// The readiness gate that lets an in-place update take the pod out of Services first.
    public static let inPlaceUpdateReady = "stead.dev/InPlaceUpdateReady"

    // MARK: Pod annotations, written by the controller and read by the scheduler

    /// Schedule the pod through filter and score even when an earlier incarnation ran on some node
    /// (podUpdatePolicy Recreate, the plain Kubernetes baseline). Its value is `true`.
    public static let scheduleAnew = "stead.dev/schedule-anew"
    /// On a pod about to be deleted and recreated on its node whose successor needs more than it holds:
    /// a ``ReservationRequest``.
    public static let reserveForReplacement = "stead.dev/reserve-for-replacement"
    /// The set's `spec.placement`, as a ``NodeLossPolicy``.
    public static let stickiness = "stead.dev/stickiness"
    public static let nodeLossTimeoutSeconds = "stead.dev/node-loss-timeout-seconds"
    /// How the pod reached its revision in a rollout, a ``RolloutMarker``, written by the same request that
    /// updated or created it; the status counts are derived from it.
    public static let updatedBy = "stead.dev/updated-by"

    // MARK: Written by the scheduler, read by `stead status`

    /// Why a replacement could not go back to its node: a ``PlacementFallback``.
    public static let placementFallback = "stead.dev/placement-fallback"

    // MARK: Other objects

    /// On the ConfigMaps that hold the scheduler's placement records (where each identity last ran), `true`.
    public static let placementRecords = "stead.dev/placement"
}

/// The reasons of the Events Stead's scheduler writes about sticky placement.
public enum StickyEventReason {
    /// A replacement could not go back to its node and was placed through filter and score.
    public static let fallback = "StickyFallback"
    /// A replacement is kept pending while its lost home node may return (Strict stickiness).
    public static let waitingForNode = "WaitingForNode"
}
