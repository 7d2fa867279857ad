import KubeModel
import Testing
@testable import SteadScheduler

@Suite("Score plugins")
struct ScorePluginTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var testDescription: String
        var pod: Pod
        var existing: [Pod] = []
        var expected: [Int64]
    }

    /// n1: 4 CPU / 8Gi in zone a; n2: 8 CPU / 8Gi in zone a; n3: 4 CPU / 8Gi in zone b.
    static let nodes = [
        Fixtures.node("n1", cpu: "4", memory: "8Gi", labels: ["disk": "ssd"], zone: "a"),
        Fixtures.node("n2", cpu: "8", memory: "8Gi", zone: "a"),
        Fixtures.node("n3", cpu: "4", memory: "8Gi", labels: ["disk": "ssd", "fast": "yes"], zone: "b"),
    ]
    static let names = ["n1", "n2", "n3"]

    static func run(_ plugin: any ScorePlugin, _ testCase: Case) -> [Int64] {
        let snapshot = Fixtures.snapshot(nodes: nodes, pods: testCase.existing)
        return Fixtures.scores(plugin, pod: testCase.pod, nodes: names, snapshot: snapshot)
    }

    static let leastAllocatedCases: [Case] = [
        // cpu (4000-2000)*100/4000 = 50, memory (8Gi-4Gi)/8Gi = 50 -> 50; n2: cpu 75, mem 50 -> 62.
        // Second case: n1 cpu 25, mem 25; n2 cpu 87, mem 75 -> 81; n3 cpu 75, mem 75.
        Case(testDescription: "empty nodes", pod: Fixtures.pod("p", cpu: "2", memory: "4Gi"), expected: [50, 62, 50]),
        Case(testDescription: "used node scores lower",
             pod: Fixtures.pod("p", cpu: "1", memory: "2Gi"),
             existing: [Fixtures.pod("u", cpu: "2", memory: "4Gi", node: "n1")], expected: [25, 81, 75]),
    ]

    static let balancedCases: [Case] = [
        // n1: cpu 0.5, mem 0.5 -> 100; n2: cpu 0.25, mem 0.5 -> 1 - 0.125 -> 87.
        Case(testDescription: "balanced vs unbalanced", pod: Fixtures.pod("p", cpu: "2", memory: "4Gi"), expected: [100, 87, 100]),
    ]

    static let spreadCases: [Case] = [
        Case(testDescription: "no siblings: plugin not relevant, all equal", pod: Fixtures.pod("p", owner: "s"),
             expected: [100, 100, 100]),
        // byNode n1=2, n2=0, n3=1 (max 2); byZone a=2, b=1 (max 2).
        // n1: node 0, zone 0 -> 0; n2: node 100, zone 0 -> 33; n3: node 50, zone 50 -> 50.
        Case(testDescription: "fewer siblings on the node and zone score higher", pod: Fixtures.pod("p", owner: "s"),
             existing: [Fixtures.pod("s-0", node: "n1", owner: "s"), Fixtures.pod("s-1", node: "n1", owner: "s"),
                        Fixtures.pod("s-2", node: "n3", owner: "s"), Fixtures.pod("x", node: "n2", owner: "other")],
             expected: [0, 33, 50]),
    ]

    static func preferred(_ terms: [(Int32, String)]) -> Affinity {
        Affinity(nodeAffinity: NodeAffinity(preferred: terms.map { weight, key in
            PreferredSchedulingTerm(weight: weight, preference: NodeSelectorTerm(matchExpressions: [
                NodeSelectorRequirement(key: key, operator: "Exists")
            ]))
        }))
    }

    static let preferredCases: [Case] = [
        Case(testDescription: "sum of matching weights, normalised",
             pod: Fixtures.pod("p", affinity: preferred([(10, "disk"), (30, "fast")])), expected: [25, 0, 100]),
        Case(testDescription: "nothing matches", pod: Fixtures.pod("p", affinity: preferred([(10, "gpu")])),
             expected: [0, 0, 0]),
    ]

    @Test(arguments: leastAllocatedCases)
    func leastAllocated(_ testCase: Case) { #expect(Self.run(LeastAllocated(), testCase) == testCase.expected) }

    @Test(arguments: balancedCases)
    func balanced(_ testCase: Case) { #expect(Self.run(BalancedAllocation(), testCase) == testCase.expected) }

    @Test(arguments: spreadCases)
    func spread(_ testCase: Case) { #expect(Self.run(ReplicaSpread(), testCase) == testCase.expected) }

    @Test(arguments: preferredCases)
    func preferredAffinity(_ testCase: Case) { #expect(Self.run(PreferredNodeAffinity(), testCase) == testCase.expected) }

    @Test func requestLessPodsStillCountForLeastAllocated() {
        let snapshot = Fixtures.snapshot(nodes: Self.nodes, pods: [Fixtures.pod("u", node: "n1")])
        let scores = Fixtures.scores(LeastAllocated(), pod: Fixtures.pod("p"), nodes: ["n1", "n3"], snapshot: snapshot)
        #expect(scores[0] < scores[1])
    }
}
