import KubeModel
import MetricsTestKit
import SteadTestSupport
import Testing
@testable import SteadScheduler

@Suite("Scheduling cycle")
struct SchedulerCycleTests {
    @Test func fiftyPodsOnTwentyNodesSpreadAndFit() {
        let nodes = (0..<20).map { Fixtures.node("n\($0)", cpu: "4", memory: "8Gi", zone: "z\($0 % 3)") }
        var snapshot = Fixtures.snapshot(nodes: nodes)
        var scheduler = Scheduler()
        for ordinal in 0..<50 {
            let pod = Fixtures.pod("web-\(ordinal)", cpu: "500m", memory: "1Gi", owner: "web")
            let result = scheduler.schedule(pod: pod, snapshot: snapshot)
            let node = try! #require(result.nodeName, "web-\(ordinal): \(result)")
            snapshot.assume(pod, onNode: node)
        }
        let counts = snapshot.nodes.map { $0.usage.requested.pods }
        #expect(counts.reduce(0, +) == 50)
        #expect(counts.max()! - counts.min()! <= 1, "uneven spread: \(counts)")
        for node in snapshot.nodes {
            #expect(node.usage.requested.milliCPU <= node.allocatable.milliCPU)
            #expect(node.usage.requested.memory <= node.allocatable.memory)
        }
        let zones = snapshot.spreadByOwner["web"]!.byZone
        #expect(zones.values.max()! - zones.values.min()! <= 3, "zones: \(zones)")
    }

    @Test func podThatFitsNowhereGetsTheAggregatedMessage() {
        var nodes = (0..<30).map { Fixtures.node("small-\($0)", cpu: "1") }
        nodes += (0..<20).map { Fixtures.node("other-\($0)", cpu: "8", labels: ["pool": "other"]) }
        let snapshot = Fixtures.snapshot(nodes: nodes)
        var scheduler = Scheduler()
        let pod = Fixtures.pod("big", cpu: "2", nodeSelector: ["pool": "main"])
        guard case .unschedulable(let diagnosis) = scheduler.schedule(pod: pod, snapshot: snapshot) else {
            Issue.record("expected unschedulable")
            return
        }
        #expect(diagnosis.reasonCounts == ["Insufficient cpu": 0, NodeAffinityFilter.reason: 50].filter { $0.value > 0 })
        #expect(diagnosis.message == "0/50 nodes are available: 50 node(s) didn't match Pod's node affinity/selector.")

        let anywhere = Fixtures.pod("big", cpu: "2", nodeSelector: ["size": "any"])
        let mixed = Fixtures.snapshot(nodes: (0..<30).map { Fixtures.node("s\($0)", cpu: "1", labels: ["size": "any"]) }
            + (0..<20).map { Fixtures.node("o\($0)", cpu: "8") })
        guard case .unschedulable(let mixedDiagnosis) = scheduler.schedule(pod: anywhere, snapshot: mixed) else {
            Issue.record("expected unschedulable")
            return
        }
        // kube-scheduler sorts the "count reason" strings, so "20 ..." comes before "30 ...".
        #expect(mixedDiagnosis.message
            == "0/50 nodes are available: 20 node(s) didn't match Pod's node affinity/selector, 30 Insufficient cpu.")
        #expect(mixedDiagnosis.evaluations.nodesFiltered == 50)
    }

    @Test func nodeFailingSeveralResourcesCountsUnderEach() {
        let snapshot = Fixtures.snapshot(nodes: [Fixtures.node("n1", cpu: "1", memory: "1Gi")])
        var scheduler = Scheduler()
        let result = scheduler.schedule(pod: Fixtures.pod("p", cpu: "2", memory: "2Gi"), snapshot: snapshot)
        guard case .unschedulable(let diagnosis) = result else { Issue.record("expected unschedulable"); return }
        #expect(diagnosis.message == "0/1 nodes are available: 1 Insufficient cpu, 1 Insufficient memory.")
    }

    @Test func noNodes() {
        var scheduler = Scheduler()
        guard case .unschedulable(let diagnosis) = scheduler.schedule(pod: Fixtures.pod("p"), snapshot: ClusterSnapshot())
        else { Issue.record("expected unschedulable"); return }
        #expect(diagnosis.message == "no nodes available to schedule pods")
    }

    @Test func onlyFeasibleNodeIsChosenWithoutScoring() {
        let snapshot = Fixtures.snapshot(nodes: [Fixtures.node("n1"), Fixtures.node("n2", labels: ["disk": "ssd"])])
        var scheduler = Scheduler()
        let result = scheduler.schedule(pod: Fixtures.pod("p", nodeSelector: ["disk": "ssd"]), snapshot: snapshot)
        #expect(result.nodeName == "n2")
        #expect(result.evaluations.scoreCalls == 0)
    }

    @Test func countsFilterAndScoreCalls() {
        let snapshot = Fixtures.snapshot(nodes: (0..<10).map { Fixtures.node("n\($0)") })
        let profile = SchedulerProfile(filters: [NodeReady(), NodeResourcesFit()], scorers: [LeastAllocated(), BalancedAllocation()])
        var scheduler = Scheduler(profile: profile)
        let result = scheduler.schedule(pod: Fixtures.pod("p", cpu: "1"), snapshot: snapshot)
        #expect(result.evaluations == NodeEvaluations(nodesFiltered: 10, filterCalls: 20, scoreCalls: 20))
    }

    @Test func antiAffinityReplicasTakeOneNodeEach() {
        var snapshot = Fixtures.snapshot(nodes: [Fixtures.node("n1"), Fixtures.node("n2")])
        var scheduler = Scheduler()
        let labels = ["app": "cache"]
        let affinity = Fixtures.antiAffinity(labels, topologyKey: WellKnownLabels.hostname)
        var placed: [String] = []
        for ordinal in 0..<2 {
            let pod = Fixtures.pod("cache-\(ordinal)", labels: labels, owner: "cache", affinity: affinity)
            let node = try! #require(scheduler.schedule(pod: pod, snapshot: snapshot).nodeName)
            snapshot.assume(pod, onNode: node)
            placed.append(node)
        }
        #expect(Set(placed) == ["n1", "n2"])
        let third = Fixtures.pod("cache-2", labels: labels, owner: "cache", affinity: affinity)
        guard case .unschedulable(let diagnosis) = scheduler.schedule(pod: third, snapshot: snapshot) else {
            Issue.record("expected unschedulable")
            return
        }
        #expect(diagnosis.message == "0/2 nodes are available: 2 node(s) didn't match pod anti-affinity rules.")
    }

    @Test func countsAreReadBackFromTheMetrics() throws {
        let metrics = TestMetrics()
        let recorder = SchedulerMetrics(factory: metrics)
        var scheduler = Scheduler()
        let snapshot = Fixtures.snapshot(nodes: [Fixtures.node("n1"), Fixtures.node("n2")])
        let result = scheduler.schedule(pod: Fixtures.pod("p"), snapshot: snapshot)
        recorder.record(result, duration: .microseconds(5))
        recorder.recordStickyCheck(duration: .microseconds(1))
        recorder.recordFallback(.nodeGone(node: "x"))
        recorder.recordStickyCheck(duration: .microseconds(1))
        recorder.recordBind(.milliseconds(2), succeeded: true, sticky: true)
        recorder.recordBind(.milliseconds(3), succeeded: false, sticky: false)
        recorder.recordReservationCreated()
        recorder.recordReservationsExpired(1)
        recorder.recordReservations(3)

        let counts = SchedulerCounts(read: metrics.reading)
        #expect(counts.attempts == 1)
        #expect(counts.stickyAttempts == 2 && counts.stickyBinds == 1 && counts.fallbacks == 1)
        #expect(counts.binds == 1 && counts.bindFailures == 1)
        #expect(counts.scoreCalls == result.evaluations.scoreCalls)
        #expect(counts.nodeEvaluations == result.evaluations.filterCalls + result.evaluations.scoreCalls + 2)
        #expect(counts.reservationsCreated == 1 && counts.reservationsExpired == 1 && counts.reservationsHeld == 3)
        let scheduleErrors = try metrics.expectCounter(
            SchedulerMetricNames.scheduleAttempts, [(SchedulerMetricNames.Label.result, SchedulerMetricNames.Result.error)])
        #expect(scheduleErrors.totalValue == 1, "a failed bind is an error attempt, as in kube-scheduler")
        let earlier = counts
        recorder.recordBind(.milliseconds(1), succeeded: true, sticky: false)
        #expect(SchedulerCounts(read: metrics.reading).since(earlier).binds == 1)
    }

    @Test func leastAllocatedNodeWins() {
        let snapshot = Fixtures.snapshot(
            nodes: [Fixtures.node("busy"), Fixtures.node("idle")],
            pods: [Fixtures.pod("u", cpu: "3", memory: "6Gi", node: "busy")])
        var scheduler = Scheduler()
        #expect(scheduler.schedule(pod: Fixtures.pod("p", cpu: "500m", memory: "1Gi"), snapshot: snapshot).nodeName == "idle")
    }

    /// kube-scheduler picks uniformly among the best-scored nodes. On a small cluster every cycle visits
    /// every node from the same start, so "first visited wins" sent every pod to one node.
    @Test func equallyScoredNodesAreChosenUniformly() {
        let snapshot = Fixtures.snapshot(nodes: (0..<10).map { Fixtures.node("n\($0)") })
        var scheduler = Scheduler(random: TieBreakRandom(seed: 42))
        var counts: [String: Int] = [:]
        for index in 0..<2000 {
            let node = scheduler.schedule(pod: Fixtures.pod("p\(index)", cpu: "100m"), snapshot: snapshot).nodeName
            counts[node ?? "none", default: 0] += 1
        }
        #expect(counts.count == 10, "chosen: \(counts)")
        // Binomial(2000, 0.1): mean 200, standard deviation 13.4; 140...260 is beyond 4.4 deviations.
        #expect(counts.values.allSatisfy { (140...260).contains($0) }, "chosen: \(counts)")
    }

    @Test func aSingleBestNodeAlwaysWinsOverTies() {
        let snapshot = Fixtures.snapshot(
            nodes: (0..<6).map { Fixtures.node("busy\($0)") } + [Fixtures.node("idle")],
            pods: (0..<6).map { Fixtures.pod("u\($0)", cpu: "2", memory: "4Gi", node: "busy\($0)") })
        var scheduler = Scheduler(random: TieBreakRandom(seed: 7))
        for index in 0..<50 {
            #expect(scheduler.schedule(pod: Fixtures.pod("p\(index)", cpu: "100m"), snapshot: snapshot).nodeName == "idle")
        }
    }
}

@Suite("Sampling of nodes to score")
struct NodeSamplingTests {
    @Test(arguments: [
        (50, 50), (99, 99), (100, 100), (200, 100), (1000, 420), (5000, 500), (6000, 300), (20000, 1000),
    ])
    func adaptiveRule(totalNodes: Int, expected: Int) {
        #expect(NodeSampling().feasibleNodesToFind(totalNodes: totalNodes) == expected)
    }

    @Test func configuredPercentage() {
        #expect(NodeSampling(percentageOfNodesToScore: 20).feasibleNodesToFind(totalNodes: 1000) == 200)
        #expect(NodeSampling(percentageOfNodesToScore: 5).feasibleNodesToFind(totalNodes: 1000) == 100)
        #expect(NodeSampling(percentageOfNodesToScore: 100).feasibleNodesToFind(totalNodes: 1000) == 1000)
    }

    @Test func cycleStopsAfterEnoughFeasibleNodesAndRotates() {
        let snapshot = Fixtures.snapshot(nodes: (0..<1000).map { Fixtures.node("n\($0)") })
        var scheduler = Scheduler()
        let first = scheduler.schedule(pod: Fixtures.pod("p", cpu: "100m"), snapshot: snapshot)
        let placement = try! #require({ if case .scheduled(let p) = first { p } else { nil } }())
        #expect(placement.feasibleNodes == 420)
        #expect(placement.evaluations.nodesFiltered == 420)
        #expect(scheduler.nextStartNodeIndex == 420)
        let second = scheduler.schedule(pod: Fixtures.pod("q", cpu: "100m"), snapshot: snapshot)
        #expect(second.evaluations.nodesFiltered == 420)
        #expect(scheduler.nextStartNodeIndex == 840)
    }

    @Test func failingNodesDoNotCountTowardsTheSample() {
        let nodes = (0..<1000).map { Fixtures.node("n\($0)", labels: $0 % 2 == 0 ? ["pool": "a"] : [:]) }
        let snapshot = Fixtures.snapshot(nodes: nodes)
        var scheduler = Scheduler()
        let result = scheduler.schedule(pod: Fixtures.pod("p", nodeSelector: ["pool": "a"]), snapshot: snapshot)
        guard case .scheduled(let placement) = result else { Issue.record("expected scheduled"); return }
        #expect(placement.feasibleNodes == 420)
        #expect(placement.evaluations.nodesFiltered == 839)
    }
}
