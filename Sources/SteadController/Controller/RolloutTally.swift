/// The counts of one rollout (pods updated in place, recreated on their node, rescheduled), kept by the
/// controller as it acts; the status shows them. A new update revision starts a new tally.
struct RolloutTally: Sendable, Hashable {
    var revision: String
    var counts = StatefulPodSetStatus()

    /// A tally for `revision`, carrying the counts the status already shows for it (a restarted
    /// controller continues the rollout's counts).
    init(revision: String, status: StatefulPodSetStatus?) {
        self.revision = revision
        if let status, status.updateRevision == revision {
            counts.updatedInPlace = status.updatedInPlace
            counts.recreatedOnSameNode = status.recreatedOnSameNode
            counts.rescheduled = status.rescheduled
            counts.rescheduleReasons = status.rescheduleReasons
        }
    }

    mutating func record(_ action: PodUpdateAction) {
        counts = RolloutCounter.recording(action, in: counts)
    }

    func applied(to status: StatefulPodSetStatus) -> StatefulPodSetStatus {
        var status = status
        status.updatedInPlace = counts.updatedInPlace ?? 0
        status.recreatedOnSameNode = counts.recreatedOnSameNode ?? 0
        status.rescheduled = counts.rescheduled ?? 0
        status.rescheduleReasons = counts.rescheduleReasons
        return status
    }
}
