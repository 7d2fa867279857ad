import KubeModel

/// Node selection for genuinely new pods: filter, score, pick. Pure over the snapshot it is given; the
/// state it keeps is where the next cycle starts walking the nodes, so that sampling covers the
/// whole cluster over successive pods (kube-scheduler's nextStartNodeIndex), and the random source
/// that breaks ties between equally scored nodes.
public struct Scheduler: Sendable {
    var profile: SchedulerProfile
    var sampling: NodeSampling
    private(set) var nextStartNodeIndex: Int
    private var random: TieBreakRandom

    /// - Parameter random: picks uniformly among the best-scored nodes (kube-scheduler's selectHost);
    ///   tests pass a seeded one.
    init(
        profile: SchedulerProfile = .default, sampling: NodeSampling = NodeSampling(), startIndex: Int = 0,
        random: TieBreakRandom = TieBreakRandom()
    ) {
        self.profile = profile
        self.sampling = sampling
        self.nextStartNodeIndex = max(0, startIndex)
        self.random = random
    }

    /// kube-scheduler's default plugins.
    public init(sampling: NodeSampling) {
        self.init(profile: .default, sampling: sampling)
    }

    public mutating func schedule(pod: Pod, snapshot: ClusterSnapshot) -> ScheduleResult {
        schedule(pod: PodInfo(pod), snapshot: snapshot)
    }

    mutating func schedule(pod: PodInfo, snapshot: ClusterSnapshot) -> ScheduleResult {
        let nodes = snapshot.nodes
        var evaluations = NodeEvaluations()
        guard !nodes.isEmpty else { return .unschedulable(UnschedulableDiagnosis(totalNodes: 0)) }

        // Once per pod: what the plugins need, and which plugins can matter at all.
        let state = CycleState(pod: pod, snapshot: snapshot)
        let filters = profile.filters.filter { $0.isRelevant(for: pod, state: state) }
        let scorers = profile.scorers.filter { $0.isRelevant(for: pod, state: state) }

        // Filter from a rotating start until enough feasible nodes are found; a node is rejected by
        // the first filter that fails it. Nodes go through the filters in batches no larger than the
        // number still wanted, so no more nodes are visited than a node-by-node walk would visit.
        let wanted = sampling.feasibleNodesToFind(totalNodes: nodes.count)
        let start = nextStartNodeIndex % nodes.count
        var feasible: [Int] = []
        feasible.reserveCapacity(min(wanted, nodes.count))
        var candidates: [Int] = []
        candidates.reserveCapacity(min(wanted, nodes.count))
        var failures = ReasonHistogram()
        var visited = 0
        while visited < nodes.count, feasible.count < wanted {
            let batch = min(wanted - feasible.count, nodes.count - visited)
            candidates.removeAll(keepingCapacity: true)
            for offset in visited..<(visited + batch) { candidates.append((start + offset) % nodes.count) }
            visited += batch
            for filter in filters where !candidates.isEmpty {
                evaluations.filterCalls += candidates.count
                filter.filter(pod: pod, nodes: nodes, candidates: &candidates, state: state, failures: &failures)
            }
            feasible.append(contentsOf: candidates)
        }
        nextStartNodeIndex = (start + visited) % nodes.count
        evaluations.nodesFiltered = visited

        guard !feasible.isEmpty else {
            return .unschedulable(
                UnschedulableDiagnosis(totalNodes: nodes.count, reasonCounts: failures.counts, evaluations: evaluations))
        }
        guard feasible.count > 1 else {
            let only = ScheduledNode(node: nodes[feasible[0]].name, score: 0, feasibleNodes: 1, evaluations: evaluations)
            return .scheduled(only)
        }

        // Score the feasible nodes: each plugin's normalised score, weighted, summed.
        var totals = [Int64](repeating: 0, count: feasible.count)
        var scores = [Int64](repeating: 0, count: feasible.count)
        for scorer in scorers {
            scorer.score(pod: pod, nodes: nodes, feasible: feasible, state: state, into: &scores)
            evaluations.scoreCalls += feasible.count
            scorer.normalize(&scores)
            for position in totals.indices { totals[position] += scores[position] * scorer.weight }
        }

        let best = pickHighest(totals)
        return .scheduled(
            ScheduledNode(
                node: nodes[feasible[best]].name, score: totals[best], feasibleNodes: feasible.count,
                evaluations: evaluations))
    }

    /// The position of the highest total; among equal totals each is chosen with the same probability
    /// (reservoir sampling, one pass), as kube-scheduler does, so that ties do not always go to the
    /// first node visited.
    private mutating func pickHighest(_ totals: [Int64]) -> Int {
        var best = 0
        var tied = 1
        for position in totals.indices.dropFirst() {
            if totals[position] > totals[best] {
                best = position
                tied = 1
            } else if totals[position] == totals[best] {
                tied += 1
                if Int.random(in: 0..<tied, using: &random) == 0 { best = position }
            }
        }
        return best
    }
}
