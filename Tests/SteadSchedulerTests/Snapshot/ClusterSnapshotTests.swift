import Foundation
import KubeModel
import Testing
@testable import SteadScheduler

@Suite("ClusterSnapshot incremental accounting")
struct ClusterSnapshotTests {
    func snapshot() -> ClusterSnapshot {
        Fixtures.snapshot(nodes: [Fixtures.node("n1", zone: "z1"), Fixtures.node("n2", zone: "z2")])
    }

    @Test func addedPodCountsOnItsNode() {
        var snapshot = snapshot()
        snapshot.addPod(Fixtures.pod("a", cpu: "1", memory: "1Gi", node: "n1", hostPorts: [8080]))
        let n1 = snapshot.node(named: "n1")!
        #expect(n1.usage.requested.milliCPU == 1000)
        #expect(n1.usage.requested.memory == 1 << 30)
        #expect(n1.usage.requested.pods == 1)
        #expect(n1.usage.pods.keys.contains(ObjectKey(namespace: "default", name: "a")))
        #expect(n1.usage.usedPorts[HostPort(hostIP: nil, protocol: nil, port: 8080)] == 1)
        #expect(snapshot.node(named: "n2")!.usage.requested == .zero)
    }

    @Test func unassignedPodIsNotCounted() {
        var snapshot = snapshot()
        snapshot.addPod(Fixtures.pod("a", cpu: "1"))
        #expect(snapshot.podCount == 0)
    }

    @Test func movedPodLeavesItsOldNode() {
        var snapshot = snapshot()
        snapshot.addPod(Fixtures.pod("a", cpu: "1", node: "n1", owner: Fixtures.ownerA))
        snapshot.updatePod(Fixtures.pod("a", cpu: "1", node: "n2", owner: Fixtures.ownerA))
        #expect(snapshot.node(named: "n1")!.usage.requested == .zero)
        #expect(snapshot.node(named: "n2")!.usage.requested.milliCPU == 1000)
        #expect(snapshot.spreadByOwner[Fixtures.ownerA]?.byNode == ["n2": 1])
        #expect(snapshot.spreadByOwner[Fixtures.ownerA]?.byZone == ["z2": 1])
    }

    @Test func resizedPodChangesTheSum() {
        var snapshot = snapshot()
        snapshot.addPod(Fixtures.pod("a", cpu: "1", node: "n1"))
        snapshot.addPod(Fixtures.pod("b", cpu: "500m", node: "n1"))
        snapshot.updatePod(Fixtures.pod("a", cpu: "2", memory: "1Gi", node: "n1"))
        let usage = snapshot.node(named: "n1")!.usage
        #expect(usage.requested.milliCPU == 2500)
        #expect(usage.requested.memory == 1 << 30)
        #expect(usage.requested.pods == 2)
    }

    @Test func deletedPodFreesEverything() {
        var snapshot = snapshot()
        snapshot.addPod(Fixtures.pod("a", cpu: "1", node: "n1", owner: Fixtures.ownerA, hostPorts: [80]))
        snapshot.removePod(ObjectKey(namespace: "default", name: "a"))
        let n1 = snapshot.node(named: "n1")!
        #expect(n1.usage.requested == .zero)
        #expect(n1.usage.usedPorts.isEmpty)
        #expect(snapshot.spreadByOwner.isEmpty)
        #expect(snapshot.podCount == 0)
    }

    @Test(arguments: [PodPhase.succeeded, PodPhase.failed])
    func finishedPodsDoNotCount(phase: String) {
        var snapshot = snapshot()
        snapshot.addPod(Fixtures.pod("a", cpu: "1", node: "n1"))
        snapshot.updatePod(Fixtures.pod("a", cpu: "1", node: "n1", phase: phase))
        #expect(snapshot.node(named: "n1")!.usage.requested == .zero)
        snapshot.addPod(Fixtures.pod("b", cpu: "1", node: "n1", phase: phase))
        #expect(snapshot.podCount == 0)
    }

    @Test func removedNodeKeepsItsPodsUntilTheyAreDeleted() {
        var snapshot = snapshot()
        snapshot.addPod(Fixtures.pod("a", cpu: "1", node: "n1", owner: Fixtures.ownerA))
        snapshot.removeNode(named: "n1")
        #expect(snapshot.node(named: "n1") == nil)
        #expect(snapshot.nodeCount == 1)
        #expect(snapshot.node(named: "n2")?.name == "n2")
        #expect(snapshot.spreadByOwner[Fixtures.ownerA]?.byZone.isEmpty == true)

        snapshot.upsertNode(Fixtures.node("n1", zone: "z1"))
        #expect(snapshot.node(named: "n1")!.usage.requested.milliCPU == 1000)
        #expect(snapshot.spreadByOwner[Fixtures.ownerA]?.byZone == ["z1": 1])

        snapshot.removeNode(named: "n1")
        snapshot.removePod(ObjectKey(namespace: "default", name: "a"))
        snapshot.upsertNode(Fixtures.node("n1", zone: "z1"))
        #expect(snapshot.node(named: "n1")!.usage.requested == .zero)
    }

    @Test func nodesCountTheirPodsPerOwner() throws {
        var snapshot = snapshot()
        snapshot.addPod(Fixtures.pod("a-0", node: "n1", owner: Fixtures.ownerA))
        snapshot.addPod(Fixtures.pod("a-1", node: "n1", owner: Fixtures.ownerA))
        snapshot.addPod(Fixtures.pod("b-0", node: "n1", owner: "owner-b"))
        snapshot.addPod(Fixtures.pod("a-2", node: "n2", owner: Fixtures.ownerA))
        let a = try #require(snapshot.spreadByOwner[Fixtures.ownerA]?.id)
        let b = try #require(snapshot.spreadByOwner["owner-b"]?.id)
        #expect(a != b)
        #expect(snapshot.node(named: "n1")!.pods(ofOwner: a) == 2)
        #expect(snapshot.node(named: "n1")!.pods(ofOwner: b) == 1)
        #expect(snapshot.node(named: "n2")!.pods(ofOwner: a) == 1)
        #expect(snapshot.node(named: "n2")!.pods(ofOwner: b) == 0)

        snapshot.updatePod(Fixtures.pod("a-1", node: "n2", owner: Fixtures.ownerA))
        #expect(snapshot.node(named: "n1")!.pods(ofOwner: a) == 1)
        #expect(snapshot.node(named: "n2")!.pods(ofOwner: a) == 2)

        snapshot.removePod(ObjectKey(namespace: "default", name: "b-0"))
        #expect(snapshot.node(named: "n1")!.usage.podsByOwner.entries.map(\.owner) == [a])
        #expect(snapshot.spreadByOwner["owner-b"] == nil)

        // Counts travel with the pods of a node that leaves and comes back.
        snapshot.removeNode(named: "n2")
        snapshot.removePod(ObjectKey(namespace: "default", name: "a-2"))
        snapshot.upsertNode(Fixtures.node("n2", zone: "z2"))
        #expect(snapshot.node(named: "n2")!.pods(ofOwner: a) == 1)
    }

    @Test func ownerCountsStaySortedWhateverTheOrder() {
        var counts = OwnerPodCounts()
        for owner in [7, 2, 9, 2, 0, 7, 7] { counts.change(owner, by: 1) }
        #expect(counts.entries.map(\.owner) == [0, 2, 7, 9])
        #expect([0, 1, 2, 7, 9, 10].map(counts.pods(ofOwner:)) == [1, 0, 2, 3, 1, 0])
        counts.change(2, by: -1)
        counts.change(2, by: -1)
        counts.change(5, by: -1)
        #expect(counts.entries.map(\.owner) == [0, 7, 9])
    }

    @Test func anOwnerBackAfterItsLastPodGetsANewID() throws {
        var snapshot = snapshot()
        snapshot.addPod(Fixtures.pod("a-0", node: "n1", owner: Fixtures.ownerA))
        let first = try #require(snapshot.spreadByOwner[Fixtures.ownerA]?.id)
        snapshot.removePod(ObjectKey(namespace: "default", name: "a-0"))
        #expect(snapshot.node(named: "n1")!.usage.podsByOwner.entries.isEmpty)
        snapshot.addPod(Fixtures.pod("a-0", node: "n2", owner: Fixtures.ownerA))
        let second = try #require(snapshot.spreadByOwner[Fixtures.ownerA]?.id)
        #expect(second != first)
        #expect(snapshot.node(named: "n2")!.pods(ofOwner: second) == 1)
        #expect(snapshot.node(named: "n1")!.pods(ofOwner: first) == 0)
    }

    @Test func indexesFollowPodsAcrossEvents() {
        var snapshot = snapshot()
        let affinity = Fixtures.antiAffinity(["app": "db"], topologyKey: WellKnownLabels.hostname)
        snapshot.addPod(Fixtures.pod("a", node: "n1", affinity: affinity))
        #expect(snapshot.podsWithAntiAffinity.count == 1)
        #expect(snapshot.podsByNamespace["default"]?.count == 1)
        snapshot.updatePod(Fixtures.pod("a", node: "n1", phase: PodPhase.failed, affinity: affinity))
        #expect(snapshot.podsWithAntiAffinity.isEmpty)
        #expect(snapshot.podsByNamespace.isEmpty)
    }

    @Test func zoneChangeMovesSpreadCounts() {
        var snapshot = snapshot()
        snapshot.addPod(Fixtures.pod("a", node: "n1", owner: Fixtures.ownerA))
        snapshot.upsertNode(Fixtures.node("n1", zone: "z9"))
        #expect(snapshot.spreadByOwner[Fixtures.ownerA]?.byZone == ["z9": 1])
        #expect(snapshot.node(named: "n1")?.zoneID == snapshot.zoneID(of: "z9"))
    }

    @Test func nodePositionsStayDenseAfterRemoval() {
        var snapshot = Fixtures.snapshot(nodes: (0..<5).map { Fixtures.node("n\($0)") })
        snapshot.removeNode(named: "n1")
        for (index, node) in snapshot.nodes.enumerated() {
            #expect(node.position == index)
            #expect(snapshot.position(ofNode: node.name) == index)
        }
    }

    @Test func copiesAreIndependent() {
        var snapshot = snapshot()
        let before = snapshot
        snapshot.addPod(Fixtures.pod("a", cpu: "1", node: "n1"))
        #expect(before.node(named: "n1")!.usage.requested == .zero)
        #expect(snapshot.node(named: "n1")!.usage.requested.milliCPU == 1000)
    }

    @Test func podArrivingBeforeItsNodeIsCountedWhenTheNodeAppears() {
        var snapshot = ClusterSnapshot()
        snapshot.addPod(Fixtures.pod("a", cpu: "1", node: "late"))
        snapshot.upsertNode(Fixtures.node("late"))
        #expect(snapshot.node(named: "late")!.usage.requested.milliCPU == 1000)
    }

    @Test func nodeUpdateKeepsUsageAndRefreshesAttributes() {
        var snapshot = snapshot()
        snapshot.addPod(Fixtures.pod("a", cpu: "1", node: "n1"))
        snapshot.upsertNode(Fixtures.node("n1", cpu: "8", zone: "z1", unschedulable: true))
        let n1 = snapshot.node(named: "n1")!
        #expect(n1.allocatable.milliCPU == 8000)
        #expect(n1.isUnschedulable)
        #expect(n1.usage.requested.milliCPU == 1000)
    }

    @Test func nodeAttributesAreRead() {
        let since = KubeTime(Date(timeIntervalSince1970: 1_700_000_000))
        let snapshot = Fixtures.snapshot(nodes: [
            Fixtures.node("n1", zone: "z1", taints: [Taint(key: "k", effect: "NoSchedule")], ready: false,
                          readyChangedAt: since, extended: ["example.com/gpu": "4"])
        ])
        let n1 = snapshot.node(named: "n1")!
        #expect(n1.zone == "z1")
        #expect(!n1.isReady)
        #expect(n1.notReadySince == since)
        #expect(n1.taints.count == 1)
        #expect(n1.allocatable.scalar("example.com/gpu") == 4)
        #expect(n1.allocatable.pods == 110)
    }

    @Test func taintedNodesAreCountedSoTheTaintFilterCanBeSkipped() {
        var snapshot = Fixtures.snapshot(nodes: [Fixtures.node("n1"), Fixtures.node("n2")])
        let pod = PodInfo(Fixtures.pod("p"))
        #expect(snapshot.taintedNodeCount == 0)
        #expect(!TaintToleration().isRelevant(for: pod, state: CycleState(pod: pod, snapshot: snapshot)))

        snapshot.upsertNode(Fixtures.node("n1", taints: [Taint(key: "k", effect: "NoSchedule")]))
        snapshot.upsertNode(Fixtures.node("n3", taints: [Taint(key: "k", effect: "NoExecute")]))
        #expect(snapshot.taintedNodeCount == 2)
        #expect(TaintToleration().isRelevant(for: pod, state: CycleState(pod: pod, snapshot: snapshot)))

        snapshot.upsertNode(Fixtures.node("n1"))
        snapshot.removeNode(named: "n3")
        #expect(snapshot.taintedNodeCount == 0)
    }
}
