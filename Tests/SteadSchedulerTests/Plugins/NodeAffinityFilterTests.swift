import KubeModel
import Testing
@testable import SteadScheduler

@Suite("NodeSelector and required NodeAffinity filter")
struct NodeAffinityFilterTests {
    static let node = Fixtures.node("n1", labels: ["disk": "ssd", "cores": "16"])
    static let mismatch = FilterResult.unschedulable(NodeAffinityFilter.reason)

    static func affinity(_ key: String, _ op: String, _ values: [String]? = nil) -> Affinity {
        Fixtures.nodeAffinity([NodeSelectorRequirement(key: key, operator: op, values: values)])
    }

    static let cases: [FilterCase] = [
        FilterCase(testDescription: "no constraints", pod: Fixtures.pod("p"), node: node, expected: .success),
        FilterCase(testDescription: "nodeSelector matches", pod: Fixtures.pod("p", nodeSelector: ["disk": "ssd"]),
                   node: node, expected: .success),
        FilterCase(testDescription: "nodeSelector differs", pod: Fixtures.pod("p", nodeSelector: ["disk": "hdd"]),
                   node: node, expected: mismatch),
        FilterCase(testDescription: "In matches", pod: Fixtures.pod("p", affinity: affinity("disk", "In", ["hdd", "ssd"])),
                   node: node, expected: .success),
        FilterCase(testDescription: "In misses", pod: Fixtures.pod("p", affinity: affinity("disk", "In", ["hdd"])),
                   node: node, expected: mismatch),
        FilterCase(testDescription: "NotIn", pod: Fixtures.pod("p", affinity: affinity("disk", "NotIn", ["ssd"])),
                   node: node, expected: mismatch),
        FilterCase(testDescription: "NotIn on missing label", pod: Fixtures.pod("p", affinity: affinity("gpu", "NotIn", ["x"])),
                   node: node, expected: .success),
        FilterCase(testDescription: "Exists", pod: Fixtures.pod("p", affinity: affinity("disk", "Exists")),
                   node: node, expected: .success),
        FilterCase(testDescription: "DoesNotExist", pod: Fixtures.pod("p", affinity: affinity("disk", "DoesNotExist")),
                   node: node, expected: mismatch),
        FilterCase(testDescription: "Gt", pod: Fixtures.pod("p", affinity: affinity("cores", "Gt", ["8"])),
                   node: node, expected: .success),
        FilterCase(testDescription: "Lt", pod: Fixtures.pod("p", affinity: affinity("cores", "Lt", ["8"])),
                   node: node, expected: mismatch),
        FilterCase(testDescription: "Gt on non-number", pod: Fixtures.pod("p", affinity: affinity("disk", "Gt", ["1"])),
                   node: node, expected: mismatch),
        FilterCase(testDescription: "matchFields metadata.name",
                   pod: Fixtures.pod("p", affinity: Fixtures.nodeAffinity([], fields: [
                       NodeSelectorRequirement(key: "metadata.name", operator: "In", values: ["n1"])
                   ])), node: node, expected: .success),
        FilterCase(testDescription: "matchFields other name",
                   pod: Fixtures.pod("p", affinity: Fixtures.nodeAffinity([], fields: [
                       NodeSelectorRequirement(key: "metadata.name", operator: "In", values: ["n2"])
                   ])), node: node, expected: mismatch),
        FilterCase(testDescription: "terms are ORed",
                   pod: Fixtures.pod("p", affinity: Affinity(nodeAffinity: NodeAffinity(required: NodeSelector(nodeSelectorTerms: [
                       NodeSelectorTerm(matchExpressions: [NodeSelectorRequirement(key: "disk", operator: "In", values: ["hdd"])]),
                       NodeSelectorTerm(matchExpressions: [NodeSelectorRequirement(key: "cores", operator: "Exists")]),
                   ])))), node: node, expected: .success),
        FilterCase(testDescription: "empty term matches nothing",
                   pod: Fixtures.pod("p", affinity: Affinity(nodeAffinity: NodeAffinity(required: NodeSelector(nodeSelectorTerms: [
                       NodeSelectorTerm()
                   ])))), node: node, expected: mismatch),
        FilterCase(testDescription: "selector and affinity must both hold",
                   pod: Fixtures.pod("p", nodeSelector: ["disk": "ssd"], affinity: affinity("cores", "Lt", ["4"])),
                   node: node, expected: mismatch),
    ]

    @Test(arguments: cases)
    func affinity(_ testCase: FilterCase) { #expect(testCase.run(NodeAffinityFilter()) == testCase.expected) }
}
