import KubeModel
import Testing
@testable import SteadScheduler

@Suite("NodeReady and NodeUnschedulable filters")
struct NodeReadyTests {
    static let tolerateNotReady = [Toleration(key: WellKnownTaints.notReady, operator: "Exists", effect: "NoSchedule")]
    static let tolerateUnschedulable = [Toleration(key: WellKnownTaints.unschedulable, operator: "Exists")]

    static let readyCases: [FilterCase] = [
        FilterCase(testDescription: "ready node", pod: Fixtures.pod("p"), node: Fixtures.node("n"), expected: .success),
        FilterCase(testDescription: "not ready node", pod: Fixtures.pod("p"), node: Fixtures.node("n", ready: false),
                   expected: .unschedulable(NodeReady.reason)),
        FilterCase(testDescription: "not ready node, pod tolerates not-ready",
                   pod: Fixtures.pod("p", tolerations: tolerateNotReady), node: Fixtures.node("n", ready: false),
                   expected: .success),
    ]

    static let unschedulableCases: [FilterCase] = [
        FilterCase(testDescription: "schedulable node", pod: Fixtures.pod("p"), node: Fixtures.node("n"), expected: .success),
        FilterCase(testDescription: "cordoned node", pod: Fixtures.pod("p"), node: Fixtures.node("n", unschedulable: true),
                   expected: .unschedulable(NodeUnschedulable.reason)),
        FilterCase(testDescription: "cordoned node, pod tolerates unschedulable",
                   pod: Fixtures.pod("p", tolerations: tolerateUnschedulable), node: Fixtures.node("n", unschedulable: true),
                   expected: .success),
        FilterCase(testDescription: "cordoned node, pod tolerates everything",
                   pod: Fixtures.pod("p", tolerations: [Toleration(operator: "Exists")]),
                   node: Fixtures.node("n", unschedulable: true), expected: .success),
    ]

    @Test(arguments: readyCases)
    func ready(_ testCase: FilterCase) { #expect(testCase.run(NodeReady()) == testCase.expected) }

    @Test(arguments: unschedulableCases)
    func unschedulable(_ testCase: FilterCase) { #expect(testCase.run(NodeUnschedulable()) == testCase.expected) }
}
