import Foundation
import KubeModel
import Testing
@testable import SteadScheduler

@Suite("Sticky path")
struct StickyEvaluationTests {
    let since = KubeTime(Date(timeIntervalSince1970: 1_800_000_000))

    func snapshot() -> ClusterSnapshot {
        Fixtures.snapshot(nodes: [
            Fixtures.node("home", cpu: "4", labels: ["disk": "ssd"]),
            Fixtures.node("down", ready: false, readyChangedAt: since),
            Fixtures.node("elsewhere", cpu: "64"),
        ], pods: [Fixtures.pod("neighbour", cpu: "2", node: "home")])
    }

    func replacement(cpu: String = "1", nodeSelector: [String: String]? = nil) -> Pod {
        Fixtures.pod("db-0", cpu: cpu, owner: "set", uid: "new", nodeSelector: nodeSelector)
    }

    @Test func bindsToThePreviousNodeWithOneEvaluation() {
        #expect(evaluateSticky(pod: replacement(), previousNode: "home", snapshot: snapshot())
            == .bind(node: "home", evaluations: 1))
    }

    @Test func nodeGone() {
        #expect(evaluateSticky(pod: replacement(), previousNode: "vanished", snapshot: snapshot())
            == .fallback(reason: .nodeGone(node: "vanished")))
    }

    @Test func nodeNotReadySaysSinceWhen() {
        let decision = evaluateSticky(pod: replacement(), previousNode: "down", snapshot: snapshot())
        #expect(decision == .fallback(reason: .nodeNotReady(node: "down", since: since)))
        if case .fallback(let reason) = decision {
            #expect(reason.metricLabel == "node_not_ready")
            #expect(reason.description.contains("since"))
        }
    }

    /// The node lifecycle controller removes its taints some seconds after the node is Ready again. In
    /// between the node is still lost, not a node that rejects the pod: Strict must keep waiting for it.
    @Test func readyNodeStillTaintedUnreachableIsNotReadyYet() {
        var snapshot = snapshot()
        for key in [WellKnownTaints.unreachable, WellKnownTaints.notReady] {
            snapshot.upsertNode(Fixtures.node("back", taints: [Taint(key: key, effect: TaintEffect.noSchedule)]))
            #expect(evaluateSticky(pod: replacement(), previousNode: "back", snapshot: snapshot)
                == .fallback(reason: .nodeNotReady(node: "back", since: nil)), "\(key)")
        }
        snapshot.upsertNode(Fixtures.node("back"))
        #expect(evaluateSticky(pod: replacement(), previousNode: "back", snapshot: snapshot) == .bind(node: "back", evaluations: 1))
    }

    @Test func changedNodeSelectorIsFiltered() {
        let decision = evaluateSticky(pod: replacement(nodeSelector: ["disk": "hdd"]), previousNode: "home", snapshot: snapshot())
        #expect(decision == .fallback(reason: .filtered(
            node: "home", plugin: "NodeAffinity", reasons: ["node(s) didn't match Pod's node affinity/selector"])))
    }

    @Test func biggerSpecThatNoLongerFitsIsFiltered() {
        let decision = evaluateSticky(pod: replacement(cpu: "3"), previousNode: "home", snapshot: snapshot())
        #expect(decision == .fallback(reason: .filtered(node: "home", plugin: "NodeResourcesFit", reasons: ["Insufficient cpu"])))
    }

    @Test func reservationOfTheIdentityIsAvailableToItsPod() {
        var snapshot = snapshot()
        snapshot.reserve(
            identity: ObjectKey(namespace: "default", name: "db-0"), node: "home",
            requests: ResourceVector(milliCPU: 2000, pods: 1), expiresAt: Date(timeIntervalSince1970: 2_000_000_000))
        #expect(evaluateSticky(pod: replacement(cpu: "2"), previousNode: "home", snapshot: snapshot)
            == .bind(node: "home", evaluations: 1))
        #expect(evaluateSticky(pod: Fixtures.pod("intruder", cpu: "1"), previousNode: "home", snapshot: snapshot)
            == .fallback(reason: .filtered(node: "home", plugin: "NodeResourcesFit", reasons: ["Insufficient cpu"])))
    }
}

@Suite("Identity rule and placement records")
struct PlacementRecordTests {
    let record = PlacementRecord(
        identity: ObjectKey(namespace: "default", name: "db-0"), node: "home", ownerUID: "set", podUID: "old",
        updatedAt: KubeTime(text: "2026-11-27T08:00:00Z")!)

    struct Case: Sendable, CustomTestStringConvertible {
        var testDescription: String
        var pod: Pod
        var expected: Incarnation
    }

    static let cases: [Case] = [
        Case(testDescription: "same name and owner, new pod",
             pod: Fixtures.pod("db-0", owner: "set", uid: "new"), expected: .replacement(previousNode: "home")),
        Case(testDescription: "same pod as recorded", pod: Fixtures.pod("db-0", owner: "set", uid: "old"), expected: .new),
        Case(testDescription: "other owner", pod: Fixtures.pod("db-0", owner: "set2", uid: "new"), expected: .new),
        Case(testDescription: "no owner", pod: Fixtures.pod("db-0", uid: "new"), expected: .new),
        Case(testDescription: "other name", pod: Fixtures.pod("db-1", owner: "set", uid: "new"), expected: .new),
        Case(testDescription: "other namespace",
             pod: Fixtures.pod("db-0", namespace: "prod", owner: "set", uid: "new"), expected: .new),
    ]

    @Test(arguments: cases)
    func identityRule(_ testCase: Case) {
        #expect(classifyIncarnation(of: testCase.pod, record: record) == testCase.expected)
        #expect(isReplacement(pod: testCase.pod, of: record) == (testCase.expected != .new))
    }

    @Test func noRecordMeansNew() {
        #expect(classifyIncarnation(of: Fixtures.pod("db-0", owner: "set"), record: nil) == .new)
    }

    @Test func jsonRoundTrip() throws {
        let json = try record.jsonString()
        #expect(json == #"{"name":"db-0","namespace":"default","node":"home","ownerUID":"set","podUID":"old","updatedAt":"2026-11-27T08:00:00Z"}"#)
        #expect(try PlacementRecord(jsonString: json) == record)
        #expect(record.configMapKey == "default_db-0")
    }

    @Test func recordFromPod() {
        let pod = Fixtures.pod("db-0", owner: "set", uid: "old")
        #expect(PlacementRecord(pod: pod, node: "home", at: record.updatedAt) == record)
    }
}
