import KubeModel
import Testing
@testable import SteadScheduler

/// The cycle calls each plugin once per batch of nodes; every batch must decide exactly as the plugin
/// decides node by node.
@Suite("Batched plugin calls")
struct BatchedPluginTests {
    /// Nodes that each default filter rejects in its own way, and nodes with siblings of the pod.
    static func mixedSnapshot(nodes count: Int = 24) -> ClusterSnapshot {
        var nodes: [Node] = []
        for index in 0..<count {
            let name = "n\(index)"
            switch index % 6 {
            case 0: nodes.append(Fixtures.node(name, ready: false))
            case 1: nodes.append(Fixtures.node(name, unschedulable: true))
            case 2: nodes.append(Fixtures.node(name, taints: [Taint(key: "dedicated", value: "db", effect: "NoSchedule")]))
            case 3: nodes.append(Fixtures.node(name, cpu: "1", zone: "z\(index % 3)"))
            default: nodes.append(Fixtures.node(name, cpu: "\(2 + index % 5)", zone: "z\(index % 3)"))
            }
        }
        var pods: [Pod] = []
        for ordinal in 0..<10 {
            pods.append(Fixtures.pod("web-\(ordinal)", cpu: "500m", node: "n\(4 + (ordinal * 7) % (count - 4))", owner: "web"))
        }
        return Fixtures.snapshot(nodes: nodes, pods: pods)
    }

    @Test func filtersKeepAndRejectAsNodeByNode() {
        let snapshot = Self.mixedSnapshot()
        let pod = PodInfo(Fixtures.pod("web-10", cpu: "1500m", owner: "web"))
        let state = CycleState(pod: pod, snapshot: snapshot)
        for filter in SchedulerProfile.default.filters {
            var candidates = Array(snapshot.nodes.indices.reversed())
            var failures = ReasonHistogram()
            filter.filter(pod: pod, nodes: snapshot.nodes, candidates: &candidates, state: state, failures: &failures)

            var expectedFailures = ReasonHistogram()
            let expected = snapshot.nodes.indices.reversed().filter { position in
                let result = filter.filter(pod: pod, node: snapshot.nodes[position], state: state)
                expectedFailures.record(result.reasons)
                return result.isSuccess
            }
            #expect(candidates == expected, "\(filter.name)")
            #expect(failures.counts == expectedFailures.counts, "\(filter.name)")
        }
    }

    @Test func scorersScoreAsNodeByNode() {
        let snapshot = Self.mixedSnapshot()
        let pod = PodInfo(Fixtures.pod("web-10", cpu: "500m", owner: "web"))
        let state = CycleState(pod: pod, snapshot: snapshot)
        let feasible = snapshot.nodes.indices.filter { $0 % 6 >= 3 }.reversed().map { $0 }
        for scorer in SchedulerProfile.default.scorers {
            var scores = [Int64](repeating: -1, count: feasible.count)
            scorer.score(pod: pod, nodes: snapshot.nodes, feasible: feasible, state: state, into: &scores)
            let expected = feasible.map { scorer.score(pod: pod, node: snapshot.nodes[$0], state: state) }
            #expect(scores == expected, "\(scorer.name)")
        }
    }

    /// Batches never visit more nodes than a node-by-node walk that stops at the wanted count.
    @Test func aCycleFiltersTheNodesANodeByNodeWalkWould() {
        let snapshot = Self.mixedSnapshot(nodes: 300)
        let pod = PodInfo(Fixtures.pod("web-10", cpu: "500m", owner: "web"))
        var scheduler = Scheduler(sampling: NodeSampling(percentageOfNodesToScore: 10), startIndex: 5)
        let wanted = scheduler.sampling.feasibleNodesToFind(totalNodes: snapshot.nodes.count)
        #expect(wanted == 100, "the test needs sampling to stop before the feasible nodes run out")

        let state = CycleState(pod: pod, snapshot: snapshot)
        var visited = 0
        var filterCalls = 0
        var found = 0
        while visited < snapshot.nodes.count, found < wanted {
            let node = snapshot.nodes[(5 + visited) % snapshot.nodes.count]
            visited += 1
            var passed = true
            for filter in SchedulerProfile.default.filters where filter.isRelevant(for: pod, state: state) && passed {
                filterCalls += 1
                passed = filter.filter(pod: pod, node: node, state: state).isSuccess
            }
            if passed { found += 1 }
        }

        let result = scheduler.schedule(pod: pod, snapshot: snapshot)
        #expect(result.evaluations.nodesFiltered == visited)
        #expect(result.evaluations.filterCalls == filterCalls)
        #expect(scheduler.nextStartNodeIndex == (5 + visited) % snapshot.nodes.count)
        guard case .scheduled(let placement) = result else {
            Issue.record("unschedulable: \(result)")
            return
        }
        #expect(placement.feasibleNodes == found)
    }
}
