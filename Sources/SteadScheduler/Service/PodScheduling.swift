import KubeModel

/// Which pods the service acts on: pure predicates over a pod.
extension Pod {
    /// The scheduler the pod names (kube-scheduler's default when it names none).
    var requestedScheduler: String { spec?.schedulerName ?? "default-scheduler" }

    /// Assigned to a node (`spec.nodeName` set).
    var isBound: Bool { !(spec?.nodeName ?? "").isEmpty }

    /// Waiting for `scheduler` to place it: names it, is not assigned, is not being deleted, is not finished.
    func awaitsScheduling(by scheduler: String) -> Bool {
        requestedScheduler == scheduler && !isBound && !isTerminating && !hasFinished
    }

    /// Placed by `scheduler`, on a node, owned by a controller: its identity may get a replacement whose
    /// capacity is reserved, and whose placement is recorded.
    func isReplaceable(scheduledBy scheduler: String) -> Bool {
        requestedScheduler == scheduler && isBound && metadata.controllerReference != nil
    }
}
