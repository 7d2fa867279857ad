import Foundation
import KubeClient
import KubeModel
import NodeSim
import Testing

@Suite("pods/resize through the embedded API server, applied by NodeSim")
struct ResizeSubresourceTests {
    static let original = ResourceRequirements(
        requests: ["cpu": "100m", "memory": "64Mi"], limits: ["cpu": "1", "memory": "256Mi"])

    @Test func resizeIsAppliedInPlace() async throws {
        try await SimEnvironment.with(nodes: 1, configure: { $0.restartLatency = .milliseconds(300) }) { env in
            let app = Container(name: "app", image: "nginx:1.27", resources: Self.original)
            _ = try await env.client.create(makePod("vpa", node: "sim-0", containers: [app]))
            let running = try await env.waitForPod("vpa", "running") { $0.isRunningAndReady }
            #expect(env.simulator.usage(ofNode: "sim-0")?.requested.milliCPU == 100)

            let bigger = ResourceRequirements(requests: ["cpu": "500m", "memory": "128Mi"], limits: Self.original.limits)
            let resized = try await env.client.resize(pod: "vpa", namespace: "default", containers: ["app": bigger])
            #expect(resized.spec?.containers.first?.resources == bigger)
            #expect(resized.metadata.generation == (running.metadata.generation ?? 1) + 1)

            let states = try await env.podStates("vpa", after: resized.metadata.resourceVersion) {
                $0.containerStatus("app")?.resources == bigger && $0.status?.condition("PodResizeInProgress") == nil
            }
            #expect(states.contains { $0.status?.condition("PodResizeInProgress")?.status == "True" })
            let applied = try #require(states.last)
            #expect(applied.isRunningAndReady)
            #expect(applied.containerStatus("app")?.restartCount == 0)
            #expect(applied.metadata.uid == running.metadata.uid)
            #expect(applied.status?.podIP == running.status?.podIP)
            let usage = try #require(env.simulator.usage(ofNode: "sim-0"))
            #expect(usage.requested.milliCPU == 500)
            #expect(usage.requested.memory == Int64(128 << 20), "got \(usage.requested.memory)")
        }
    }

    @Test func refusedResizesChangeNothing() async throws {
        try await SimEnvironment.with(nodes: 1) { env in
            let app = Container(name: "app", image: "nginx:1.27", resources: Self.original)
            _ = try await env.client.create(makePod("fixed", node: "sim-0", containers: [app]))
            let running = try await env.waitForPod("fixed", "running") { $0.isRunningAndReady }

            let guaranteed = ResourceRequirements(requests: Self.original.limits, limits: Self.original.limits)
            await #expect { try await env.client.resize(pod: "fixed", namespace: "default", containers: ["app": guaranteed]) }
                throws: { ($0 as? KubeAPIError)?.isInvalid == true }
            let aboveLimit = ResourceRequirements(requests: ["cpu": "2"], limits: nil)
            await #expect { try await env.client.resize(pod: "fixed", namespace: "default", containers: ["app": aboveLimit]) }
                throws: { ($0 as? KubeAPIError)?.isInvalid == true }

            let small = ResourceRequirements(requests: ["cpu": "200m"], limits: nil)
            _ = try await env.client.resize(pod: "fixed", namespace: "default", containers: ["app": small])
            await #expect {
                try await env.client.resize(
                    pod: "fixed", namespace: "default", containers: ["app": small],
                    resourceVersion: running.metadata.resourceVersion)
            } throws: { ($0 as? KubeAPIError)?.isConflict == true }

            let current = try await env.pod("fixed")
            #expect(current.spec?.containers.first?.resources?.requests?["cpu"] == "200m")
            #expect(current.spec?.containers.first?.resources?.requests?["memory"] == "64Mi")
            #expect(current.metadata.generation == (running.metadata.generation ?? 1) + 1)
        }
    }
}
