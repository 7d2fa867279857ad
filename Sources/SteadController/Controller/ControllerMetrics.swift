import Metrics

/// The controller's metrics, made through the factory it is given (the process's Prometheus registry in
/// `stead`, `TestMetrics` in tests): its only counters.
public struct ControllerMetrics: Sendable {
    /// Counter; label `result`: success, error.
    public static let reconciles = "stead_controller_reconciles_total"
    /// Timer (seconds): one reconcile of one set.
    public static let reconcileDuration = "stead_controller_reconcile_duration_seconds"
    /// Counter; label `path`: in_place, same_node, rescheduled.
    public static let podUpdates = "stead_controller_pod_updates_total"
    /// Counter: pods created for missing ordinals.
    public static let podsCreated = "stead_controller_pods_created_total"
    /// Counter: pods deleted by scale down or because they failed.
    public static let podsDeleted = "stead_controller_pods_deleted_total"
    /// Counter: reconciles that met 409 Conflict and were retried on fresh state.
    public static let conflicts = "stead_controller_conflicts_total"

    private let succeeded: Counter
    private let failed: Counter
    private let duration: Timer
    private let inPlace: Counter
    private let sameNode: Counter
    private let rescheduled: Counter
    private let created: Counter
    private let deleted: Counter
    private let conflicted: Counter

    init(factory: any MetricsFactory) {
        func counter(_ label: String, _ dimensions: [(String, String)] = []) -> Counter {
            Counter(label: label, dimensions: dimensions, factory: factory)
        }
        succeeded = counter(Self.reconciles, [("result", "success")])
        failed = counter(Self.reconciles, [("result", "error")])
        duration = Timer(label: Self.reconcileDuration, dimensions: [], factory: factory)
        inPlace = counter(Self.podUpdates, [("path", "in_place")])
        sameNode = counter(Self.podUpdates, [("path", "same_node")])
        rescheduled = counter(Self.podUpdates, [("path", "rescheduled")])
        created = counter(Self.podsCreated)
        deleted = counter(Self.podsDeleted)
        conflicted = counter(Self.conflicts)
    }

    func recordReconcile(_ elapsed: Duration, succeeded ok: Bool) {
        (ok ? succeeded : failed).increment()
        duration.recordNanoseconds(elapsed.components.seconds * 1_000_000_000 + elapsed.components.attoseconds / 1_000_000_000)
    }

    func recordUpdate(_ action: PodUpdateAction) {
        switch action {
        case .updateInPlace: inPlace.increment()
        case .recreateOnSameNode: sameNode.increment()
        case .reschedule: rescheduled.increment()
        case .nothing, .wait, .blocked, .stalled: break
        }
    }

    func recordCreate() { created.increment() }
    func recordDelete() { deleted.increment() }
    func recordConflict() { conflicted.increment() }
}
