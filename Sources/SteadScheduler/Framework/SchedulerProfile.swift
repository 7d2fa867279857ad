/// The plugins one scheduler runs, in order.
struct SchedulerProfile: Sendable {
    var filters: [any FilterPlugin]
    var scorers: [any ScorePlugin]

    init(filters: [any FilterPlugin], scorers: [any ScorePlugin]) {
        self.filters = filters
        self.scorers = scorers
    }

    /// Filters in kube-scheduler's order (cheap node checks first, then resources, volumes, pods),
    /// scorers with its default weights.
    static let `default` = SchedulerProfile(
        filters: [
            NodeReady(),
            NodeUnschedulable(),
            TaintToleration(),
            NodeAffinityFilter(),
            NodePorts(),
            NodeResourcesFit(),
            VolumeNodeAffinityFilter(),
            InterPodAntiAffinity(),
        ],
        scorers: [
            LeastAllocated(weight: 1),
            BalancedAllocation(weight: 1),
            PreferredNodeAffinity(weight: 2),
            ReplicaSpread(weight: 2),
        ])
}
