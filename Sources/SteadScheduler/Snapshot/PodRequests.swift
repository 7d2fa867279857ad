import KubeModel

/// kube-scheduler's pod request: per resource, the larger of the containers' sum and the largest init
/// container (init containers run one at a time, before the others), and one pod slot.
/// Pod overhead is not in the model, so it is not added.
struct PodRequests {
    static let defaultMilliCPU: Int64 = 100
    static let defaultMemory: Int64 = 200 * 1024 * 1024

    var requests: ResourceVector
    var nonZeroMilliCPU: Int64
    var nonZeroMemory: Int64

    init(_ spec: PodSpec) {
        var sum = ResourceVector.zero
        var nonZeroCPU: Int64 = 0
        var nonZeroMemory: Int64 = 0
        for container in spec.containers {
            let requests = ResourceVector(container.resources?.requests)
            sum.add(requests)
            nonZeroCPU += Self.nonZeroCPU(container)
            nonZeroMemory += Self.nonZeroMemory(container)
        }
        for container in spec.initContainers ?? [] {
            sum = sum.elementwiseMax(ResourceVector(container.resources?.requests))
            nonZeroCPU = max(nonZeroCPU, Self.nonZeroCPU(container))
            nonZeroMemory = max(nonZeroMemory, Self.nonZeroMemory(container))
        }
        sum.pods = 1
        self.requests = sum
        self.nonZeroMilliCPU = nonZeroCPU
        self.nonZeroMemory = nonZeroMemory
    }

    private static func nonZeroCPU(_ container: Container) -> Int64 {
        container.resources?.requests?[ResourceName.cpu]?.milliValue ?? defaultMilliCPU
    }

    private static func nonZeroMemory(_ container: Container) -> Int64 {
        container.resources?.requests?[ResourceName.memory]?.value ?? defaultMemory
    }
}
