import KubeModel
import Testing
@testable import SteadScheduler

@Suite("NodeResourcesFit filter")
struct NodeResourcesFitTests {
    static let node = Fixtures.node("n", cpu: "2", memory: "4Gi", pods: "3", extended: ["example.com/gpu": "1"])
    static let used = [Fixtures.pod("used", cpu: "1", memory: "1Gi", node: "n")]

    static let cases: [FilterCase] = [
        FilterCase(testDescription: "fits exactly", pod: Fixtures.pod("p", cpu: "1", memory: "3Gi"), node: node,
                   existing: used, expected: .success),
        FilterCase(testDescription: "cpu short", pod: Fixtures.pod("p", cpu: "1100m"), node: node, existing: used,
                   expected: .unschedulable("Insufficient cpu")),
        FilterCase(testDescription: "memory short", pod: Fixtures.pod("p", memory: "3073Mi"), node: node, existing: used,
                   expected: .unschedulable("Insufficient memory")),
        FilterCase(testDescription: "both short reports both", pod: Fixtures.pod("p", cpu: "2", memory: "4Gi"), node: node,
                   existing: used, expected: .unschedulable(reasons: ["Insufficient cpu", "Insufficient memory"])),
        FilterCase(testDescription: "pod slots full", pod: Fixtures.pod("p"), node: node,
                   existing: used + [Fixtures.pod("u2", node: "n"), Fixtures.pod("u3", node: "n")],
                   expected: .unschedulable("Too many pods")),
        FilterCase(testDescription: "extended resource available", pod: Fixtures.pod("p", extended: ["example.com/gpu": "1"]),
                   node: node, expected: .success),
        FilterCase(testDescription: "extended resource short", pod: Fixtures.pod("p", extended: ["example.com/gpu": "2"]),
                   node: node, expected: .unschedulable("Insufficient example.com/gpu")),
        FilterCase(testDescription: "extended resource the node lacks",
                   pod: Fixtures.pod("p", extended: ["example.com/fpga": "1"]), node: node,
                   expected: .unschedulable("Insufficient example.com/fpga")),
        FilterCase(testDescription: "finished pods free their requests", pod: Fixtures.pod("p", cpu: "2"), node: node,
                   existing: [Fixtures.pod("done", cpu: "2", node: "n", phase: "Succeeded")], expected: .success),
    ]

    @Test(arguments: cases)
    func fit(_ testCase: FilterCase) { #expect(testCase.run(NodeResourcesFit()) == testCase.expected) }
}
