import KubeModel
import Testing
@testable import SteadScheduler

@Suite("TaintToleration filter")
struct TaintTolerationTests {
    static let dedicated = Taint(key: "dedicated", value: "db", effect: "NoSchedule")
    static let evict = Taint(key: "maintenance", effect: "NoExecute")
    static let soft = Taint(key: "soft", effect: "PreferNoSchedule")

    static let cases: [FilterCase] = [
        FilterCase(testDescription: "untainted", pod: Fixtures.pod("p"), node: Fixtures.node("n"), expected: .success),
        FilterCase(testDescription: "NoSchedule not tolerated", pod: Fixtures.pod("p"),
                   node: Fixtures.node("n", taints: [dedicated]),
                   expected: .unschedulable("node(s) had untolerated taint {dedicated: db}")),
        FilterCase(testDescription: "NoExecute not tolerated", pod: Fixtures.pod("p"),
                   node: Fixtures.node("n", taints: [evict]),
                   expected: .unschedulable("node(s) had untolerated taint {maintenance: }")),
        FilterCase(testDescription: "PreferNoSchedule is ignored", pod: Fixtures.pod("p"),
                   node: Fixtures.node("n", taints: [soft]), expected: .success),
        FilterCase(testDescription: "Equal with matching value",
                   pod: Fixtures.pod("p", tolerations: [Toleration(key: "dedicated", operator: "Equal", value: "db", effect: "NoSchedule")]),
                   node: Fixtures.node("n", taints: [dedicated]), expected: .success),
        FilterCase(testDescription: "Equal with other value",
                   pod: Fixtures.pod("p", tolerations: [Toleration(key: "dedicated", operator: "Equal", value: "web")]),
                   node: Fixtures.node("n", taints: [dedicated]),
                   expected: .unschedulable("node(s) had untolerated taint {dedicated: db}")),
        FilterCase(testDescription: "Exists on the key, any effect",
                   pod: Fixtures.pod("p", tolerations: [Toleration(key: "dedicated", operator: "Exists")]),
                   node: Fixtures.node("n", taints: [dedicated]), expected: .success),
        FilterCase(testDescription: "toleration for another effect",
                   pod: Fixtures.pod("p", tolerations: [Toleration(key: "dedicated", operator: "Exists", effect: "NoExecute")]),
                   node: Fixtures.node("n", taints: [dedicated]),
                   expected: .unschedulable("node(s) had untolerated taint {dedicated: db}")),
        FilterCase(testDescription: "empty key with Exists tolerates all",
                   pod: Fixtures.pod("p", tolerations: [Toleration(operator: "Exists")]),
                   node: Fixtures.node("n", taints: [dedicated, evict]), expected: .success),
        FilterCase(testDescription: "every taint must be tolerated",
                   pod: Fixtures.pod("p", tolerations: [Toleration(key: "dedicated", operator: "Exists")]),
                   node: Fixtures.node("n", taints: [dedicated, evict]),
                   expected: .unschedulable("node(s) had untolerated taint {maintenance: }")),
    ]

    @Test(arguments: cases)
    func taints(_ testCase: FilterCase) { #expect(testCase.run(TaintToleration()) == testCase.expected) }
}
