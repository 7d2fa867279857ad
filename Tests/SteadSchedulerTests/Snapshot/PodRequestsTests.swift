import KubeModel
import Testing
@testable import SteadScheduler

@Suite("Pod requests as kube-scheduler computes them")
struct PodRequestsTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var testDescription: String
        var pod: Pod
        var milliCPU: Int64
        var memory: Int64
        var nonZeroMilliCPU: Int64
    }

    static let cases: [Case] = [
        Case(testDescription: "one container", pod: Fixtures.pod("a", cpu: "500m", memory: "1Gi"),
             milliCPU: 500, memory: 1 << 30, nonZeroMilliCPU: 500),
        Case(testDescription: "no requests use non-zero defaults for scoring only", pod: Fixtures.pod("a"),
             milliCPU: 0, memory: 0, nonZeroMilliCPU: 100),
        Case(testDescription: "init container larger than the sum wins",
             pod: Fixtures.pod("a", cpu: "200m", memory: "100Mi", initContainers: [
                 Container(name: "init", resources: ResourceRequirements(requests: ["cpu": "1", "memory": "10Mi"]))
             ]),
             milliCPU: 1000, memory: 100 << 20, nonZeroMilliCPU: 1000),
        Case(testDescription: "containers are summed",
             pod: {
                 var pod = Fixtures.pod("a", cpu: "250m", memory: "1Mi")
                 pod.spec?.containers.append(
                     Container(name: "side", resources: ResourceRequirements(requests: ["cpu": "250m", "memory": "1Mi"])))
                 return pod
             }(),
             milliCPU: 500, memory: 2 << 20, nonZeroMilliCPU: 500),
    ]

    @Test(arguments: cases)
    func requests(_ testCase: Case) {
        let info = PodInfo(testCase.pod)
        #expect(info.requests.milliCPU == testCase.milliCPU)
        #expect(info.requests.memory == testCase.memory)
        #expect(info.requests.pods == 1)
        #expect(info.nonZeroMilliCPU == testCase.nonZeroMilliCPU)
    }

    @Test func extendedResourcesAreCountedByName() {
        let info = PodInfo(Fixtures.pod("a", extended: ["example.com/gpu": "2"]))
        #expect(info.requests.scalar("example.com/gpu") == 2)
    }
}
