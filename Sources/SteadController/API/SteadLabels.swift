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
