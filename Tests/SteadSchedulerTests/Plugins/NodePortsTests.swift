import KubeModel
import Testing
@testable import SteadScheduler

@Suite("NodePorts filter")
struct NodePortsTests {
    static let conflict = FilterResult.unschedulable(NodePorts.reason)

    static func pod(_ name: String, node: String? = nil, port: Int32, protocol: String? = nil, hostIP: String? = nil) -> Pod {
        var pod = Fixtures.pod(name, node: node)
        var containerPort = ContainerPort(containerPort: port, hostPort: port, protocol: `protocol`)
        containerPort.hostIP = hostIP
        pod.spec?.containers[0].ports = [containerPort]
        return pod
    }

    static let cases: [FilterCase] = [
        FilterCase(testDescription: "free port", pod: pod("p", port: 80), node: Fixtures.node("n"),
                   existing: [pod("u", node: "n", port: 81)], expected: .success),
        FilterCase(testDescription: "same port, both on all addresses", pod: pod("p", port: 80), node: Fixtures.node("n"),
                   existing: [pod("u", node: "n", port: 80)], expected: conflict),
        FilterCase(testDescription: "same port, other protocol", pod: pod("p", port: 53, protocol: "UDP"),
                   node: Fixtures.node("n"), existing: [pod("u", node: "n", port: 53)], expected: .success),
        FilterCase(testDescription: "same port, different specific addresses",
                   pod: pod("p", port: 80, hostIP: "10.0.0.1"), node: Fixtures.node("n"),
                   existing: [pod("u", node: "n", port: 80, hostIP: "10.0.0.2")], expected: .success),
        FilterCase(testDescription: "specific address against all addresses",
                   pod: pod("p", port: 80, hostIP: "10.0.0.1"), node: Fixtures.node("n"),
                   existing: [pod("u", node: "n", port: 80)], expected: conflict),
        FilterCase(testDescription: "pod without host ports", pod: Fixtures.pod("p"), node: Fixtures.node("n"),
                   existing: [pod("u", node: "n", port: 80)], expected: .success),
    ]

    @Test(arguments: cases)
    func ports(_ testCase: FilterCase) { #expect(testCase.run(NodePorts()) == testCase.expected) }
}
