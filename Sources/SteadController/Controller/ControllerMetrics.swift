import Metrics

/// The controller's metrics through swift-metrics.
struct ControllerMetrics: Sendable {
    /// Counter; label `result`: success, error.
    static let reconciles = "stead_controller_reconciles_total"
    /// Timer (seconds): one reconcile of one set.
    static let reconcileDuration = "stead_controller_reconcile_duration_seconds"
    /// Counter; label `path`: in_place, same_node, rescheduled.
    static let podUpdates = "stead_controller_pod_updates_total"
    /// Counter: pods created for missing ordinals.
    static let podsCreated = "stead_controller_pods_created_total"
    /// Counter: pods deleted by scale down or because they failed.
    static let podsDeleted = "stead_controller_pods_deleted_total"
    /// Counter: reconciles that met 409 Conflict and were retried on fresh state.
    static let conflicts = "stead_controller_conflicts_total"

    private let succeeded = Counter(label: Self.reconciles, dimensions: [("result", "success")])
    private let failed = Counter(label: Self.reconciles, dimensions: [("result", "error")])
    private let duration = Timer(label: Self.reconcileDuration)
    private let inPlace = Counter(label: Self.podUpdates, dimensions: [("path", "in_place")])
    private let sameNode = Counter(label: Self.podUpdates, dimensions: [("path", "same_node")])
    private let rescheduled = Counter(label: Self.podUpdates, dimensions: [("path", "rescheduled")])
    private let created = Counter(label: Self.podsCreated)
    private let deleted = Counter(label: Self.podsDeleted)
    private let conflicted = Counter(label: Self.conflicts)

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
