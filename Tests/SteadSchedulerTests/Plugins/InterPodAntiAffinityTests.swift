import KubeModel
import Testing
@testable import SteadScheduler

@Suite("InterPodAntiAffinity filter")
struct InterPodAntiAffinityTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var testDescription: String
        var pod: Pod
        var existing: [Pod]
        var node: String
        var expected: FilterResult
    }

    static let nodes = [
        Fixtures.node("a1", zone: "a"), Fixtures.node("a2", zone: "a"), Fixtures.node("b1", zone: "b"),
        Fixtures.node("nozone"),
    ]
    static let db = ["app": "db"]
    static let byHost = Fixtures.antiAffinity(db, topologyKey: WellKnownLabels.hostname)
    static let byZone = Fixtures.antiAffinity(db, topologyKey: WellKnownLabels.zone)
    static let blocked = FilterResult.unschedulable(InterPodAntiAffinity.reason)
    static let blockedByExisting = FilterResult.unschedulable(InterPodAntiAffinity.existingReason)

    static let cases: [Case] = [
        Case(testDescription: "hostname: matching pod on the node", pod: Fixtures.pod("p", labels: db, affinity: byHost),
             existing: [Fixtures.pod("db-0", node: "a1", labels: db)], node: "a1", expected: blocked),
        Case(testDescription: "hostname: matching pod on another node", pod: Fixtures.pod("p", labels: db, affinity: byHost),
             existing: [Fixtures.pod("db-0", node: "a1", labels: db)], node: "a2", expected: .success),
        Case(testDescription: "zone: matching pod in the zone", pod: Fixtures.pod("p", labels: db, affinity: byZone),
             existing: [Fixtures.pod("db-0", node: "a1", labels: db)], node: "a2", expected: blocked),
        Case(testDescription: "zone: other zone", pod: Fixtures.pod("p", labels: db, affinity: byZone),
             existing: [Fixtures.pod("db-0", node: "a1", labels: db)], node: "b1", expected: .success),
        Case(testDescription: "zone: node without zone label", pod: Fixtures.pod("p", labels: db, affinity: byZone),
             existing: [Fixtures.pod("db-0", node: "nozone", labels: db)], node: "nozone", expected: .success),
        Case(testDescription: "selector does not match", pod: Fixtures.pod("p", affinity: byHost),
             existing: [Fixtures.pod("web-0", node: "a1", labels: ["app": "web"])], node: "a1", expected: .success),
        Case(testDescription: "other namespace is outside the default scope", pod: Fixtures.pod("p", affinity: byHost),
             existing: [Fixtures.pod("db-0", namespace: "other", node: "a1", labels: db)], node: "a1", expected: .success),
        Case(testDescription: "namespaces listed in the term",
             pod: Fixtures.pod("p", affinity: Fixtures.antiAffinity(db, topologyKey: WellKnownLabels.hostname, namespaces: ["other"])),
             existing: [Fixtures.pod("db-0", namespace: "other", node: "a1", labels: db)], node: "a1", expected: blocked),
        Case(testDescription: "symmetric: existing pod's term selects the incoming pod", pod: Fixtures.pod("p", labels: db),
             existing: [Fixtures.pod("db-0", node: "a1", labels: db, affinity: byZone)], node: "a2", expected: blockedByExisting),
        Case(testDescription: "symmetric: outside the existing pod's domain", pod: Fixtures.pod("p", labels: db),
             existing: [Fixtures.pod("db-0", node: "a1", labels: db, affinity: byZone)], node: "b1", expected: .success),
    ]

    @Test(arguments: cases)
    func antiAffinity(_ testCase: Case) {
        let snapshot = Fixtures.snapshot(nodes: Self.nodes, pods: testCase.existing)
        #expect(Fixtures.filter(InterPodAntiAffinity(), pod: testCase.pod, node: testCase.node, snapshot: snapshot)
            == testCase.expected)
    }
}
