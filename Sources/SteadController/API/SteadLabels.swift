/// Label, annotation and condition names Stead writes on the objects it manages.
public enum SteadLabels {
    public static let podName = "statefulset.kubernetes.io/pod-name"
    public static let podIndex = "apps.kubernetes.io/pod-index"
    public static let revisionHash = "controller-revision-hash"
    public static let set = "stead.dev/set"
    /// The readiness gate that lets an in-place update take the pod out of Services first.
    public static let inPlaceUpdateReady = "stead.dev/InPlaceUpdateReady"
    /// Stead's scheduler name: pods that do not name a scheduler go to it.
    public static let schedulerName = "stead"
    public static let fieldManager = "stead-controller"
}

extension SteadLabels {
    /// On a pod: schedule it through filter and score even when an earlier incarnation ran on some node
    /// (podUpdatePolicy Recreate, the plain Kubernetes baseline). Read by Stead's scheduler.
    public static let scheduleAnew = "stead.dev/schedule-anew"
    /// On a pod about to be deleted and recreated on its node: `true` or the successor's requests as a
    /// JSON resource list; the scheduler keeps that capacity for the successor.
    public static let reserveForReplacement = "stead.dev/reserve-for-replacement"
    /// On a pod: its set's `spec.placement`, read by Stead's scheduler when the pod's home node is lost
    /// before the pod is placed (Strict waits `nodeLossTimeoutSeconds`, Preferred moves at once).
    public static let stickiness = "stead.dev/stickiness"
    public static let nodeLossTimeoutSeconds = "stead.dev/node-loss-timeout-seconds"
    /// On a pod: how it reached its revision in a rollout, `<revision>/<InPlace|SameNode|Rescheduled:<category>>`,
    /// written by the same request that updated or created it; the status counts are derived from it.
    public static let updatedBy = "stead.dev/updated-by"
}
