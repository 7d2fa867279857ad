import Foundation
import KubeClient
import KubeModel
import NodeSim
import SteadTestSupport
import Testing

@testable import SteadBench

@Suite("Simulated pods against the embedded API server")
struct PodLifecycleIntegrationTests {
    @Test func boundPodRunsWithIPHostIPAndConditions() async throws {
        try await SimEnvironment.with { env in
            _ = try await env.client.create(makePod("web", node: "sim-1", containers: [container("app"), container("sidecar", image: "busybox:1")]))
            let pod = try await env.waitForPod("web", "Running and Ready") { $0.isRunningAndReady }
            let addressing = try #require(env.simulator.addressing(ofNode: "sim-1"))
            let ip = try #require(pod.status?.podIP)
            #expect(addressing.contains(ip))
            #expect(addressing.host(of: ip) != nil)
            #expect(pod.status?.podIPs?.map(\.ip) == [ip])
            #expect(pod.status?.hostIP == addressing.nodeIP)
            #expect(pod.status?.startTime != nil)
            for type in ["PodScheduled", "Initialized", "ContainersReady", "Ready"] {
                #expect(pod.status?.condition(type)?.status == "True", "condition \(type)")
                #expect(pod.status?.condition(type)?.lastTransitionTime != nil)
            }
            let statuses = try #require(pod.status?.containerStatuses)
            #expect(statuses.map(\.name) == ["app", "sidecar"])
            for status in statuses {
                #expect(status.ready)
                #expect(status.started == true)
                #expect(status.restartCount == 0)
                #expect(status.containerID?.hasPrefix("containerd://") == true)
                #expect(status.imageID?.contains("@sha256:") == true)
                #expect(status.state?["running"]?["startedAt"]?.stringValue != nil)
            }
            #expect(statuses[1].image == "busybox:1")
            #expect(env.simulator.usage(ofNode: "sim-1")?.podIPsInUse == 1)
        }
    }

    @Test func podsGetDistinctIPs() async throws {
        try await SimEnvironment.with(nodes: 1) { env in
            for index in 0..<5 { _ = try await env.client.create(makePod("p\(index)", node: "sim-0")) }
            var ips: Set<String> = []
            for index in 0..<5 {
                let pod = try await env.waitForPod("p\(index)", "running") { $0.isRunningAndReady }
                ips.insert(try #require(pod.status?.podIP))
            }
            #expect(ips.count == 5)
        }
    }

    @Test func imageChangeRestartsOnlyThatContainer() async throws {
        try await SimEnvironment.with(configure: { $0.restartLatency = .milliseconds(400) }) { env in
            _ = try await env.client.create(makePod("db", node: "sim-0", containers: [container("app"), container("sidecar")]))
            let before = try await env.waitForPod("db", "running") { $0.isRunningAndReady }
            let updated = try await env.updatePod("db") { $0.spec?.containers[0].image = "nginx:1.28" }
            // The restart lasts restartLatency: read every state from a watch so that it cannot be missed.
            let states = try await env.podStates("db", after: updated.metadata.resourceVersion) {
                $0.isRunningAndReady && $0.containerStatus("app")?.image == "nginx:1.28"
            }
            let restarting = try #require(states.first {
                $0.containerStatus("app")?.restartCount == 1 && $0.containerStatus("app")?.ready == false
            }, "no state with the app container restarting and not ready")
            #expect(restarting.status?.condition("Ready")?.status == "False")
            #expect(restarting.status?.condition("ContainersReady")?.status == "False")
            let after = try #require(states.last)
            #expect(after.containerStatus("app")?.restartCount == 1)
            #expect(after.containerStatus("app")?.ready == true)
            #expect(after.containerStatus("sidecar")?.restartCount == 0)
            #expect(after.containerStatus("app")?.lastState?["terminated"] != nil)
            #expect(after.containerStatus("app")?.containerID != before.containerStatus("app")?.containerID)
            #expect(after.metadata.uid == before.metadata.uid)
            #expect(after.status?.podIP == before.status?.podIP)
            #expect(after.spec?.nodeName == before.spec?.nodeName)
        }
    }

    @Test func resourceChangeIsAppliedInPlace() async throws {
        try await SimEnvironment.with(nodes: 1, configure: { $0.restartLatency = .milliseconds(300) }) { env in
            _ = try await env.client.create(makePod("vpa", node: "sim-0", containers: [container("app", cpu: "100m", memory: "64Mi")]))
            try await env.waitForPod("vpa", "running") { $0.isRunningAndReady }
            #expect(env.simulator.usage(ofNode: "sim-0")?.requested.milliCPU == 100)

            let request = try await env.client.resize(
                pod: "vpa", namespace: "default",
                containers: ["app": ResourceRequirements(requests: ["cpu": "500m", "memory": "64Mi"])])
            let states = try await env.podStates("vpa", after: request.metadata.resourceVersion) {
                $0.containerStatus("app")?.resources?.requests?["cpu"] == "500m" && $0.status?.condition("PodResizeInProgress") == nil
            }
            #expect(states.contains { $0.status?.condition("PodResizeInProgress")?.status == "True" })
            let resized = try #require(states.last)
            #expect(resized.isRunningAndReady)
            #expect(resized.containerStatus("app")?.restartCount == 0)
            #expect(env.simulator.usage(ofNode: "sim-0")?.requested.milliCPU == 500)

            // More than the node has: pending, infeasible, nothing applied.
            _ = try await env.client.resize(
                pod: "vpa", namespace: "default",
                containers: ["app": ResourceRequirements(requests: ["cpu": "64", "memory": "64Mi"])])
            let pending = try await env.waitForPod("vpa", "resize infeasible") {
                $0.status?.condition("PodResizePending")?.reason == "Infeasible"
            }
            #expect(pending.containerStatus("app")?.resources?.requests?["cpu"] == "500m")
            #expect(env.simulator.usage(ofNode: "sim-0")?.requested.milliCPU == 500)
        }
    }

    @Test func oversizedPodFailsOutOfcpuAndFullNodeOutOfpods() async throws {
        try await SimEnvironment.with(nodes: 1, configure: { $0.maxPods = 2 }) { env in
            _ = try await env.client.create(makePod("huge", node: "sim-0", containers: [container("app", cpu: "9")]))
            let huge = try await env.waitForPod("huge", "Failed") { $0.status?.phase == "Failed" }
            #expect(huge.status?.reason == "OutOfcpu")
            #expect(huge.status?.message?.contains("Node didn't have enough resource: cpu, requested: 9000") == true)

            _ = try await env.client.create(makePod("big", node: "sim-0", containers: [container("app", memory: "40Gi")]))
            #expect(try await env.waitForPod("big", "Failed") { $0.status?.phase == "Failed" }.status?.reason == "OutOfmemory")

            _ = try await env.client.create(makePod("a", node: "sim-0"))
            _ = try await env.client.create(makePod("b", node: "sim-0"))
            try await env.waitForPod("a", "running") { $0.isRunningAndReady }
            try await env.waitForPod("b", "running") { $0.isRunningAndReady }
            _ = try await env.client.create(makePod("c", node: "sim-0"))
            #expect(try await env.waitForPod("c", "Failed") { $0.status?.phase == "Failed" }.status?.reason == "OutOfpods")
        }
    }

    @Test func readinessGateHoldsReadyUntilItsConditionIsTrue() async throws {
        try await SimEnvironment.with { env in
            var pod = makePod("gated", node: "sim-0")
            pod.spec?.readinessGates = [PodReadinessGate(conditionType: "example.com/in-service")]
            _ = try await env.client.create(pod)
            let waiting = try await env.waitForPod("gated", "containers ready") {
                $0.status?.condition("ContainersReady")?.status == "True"
            }
            #expect(waiting.status?.condition("Ready")?.status == "False")
            #expect(waiting.status?.condition("Ready")?.reason == "ReadinessGatesNotReady")
            try await Task.sleep(for: .milliseconds(200))
            #expect(try await env.pod("gated").status?.condition("Ready")?.status == "False")

            try await env.updatePod("gated", subresource: "status") { pod in
                pod.status?.conditions?.append(PodCondition(type: "example.com/in-service", status: "True", lastTransitionTime: .now()))
            }
            let ready = try await env.waitForPod("gated", "Ready") { $0.isReady }
            #expect(ready.status?.condition("example.com/in-service")?.status == "True")
        }
    }

    @Test func failingImageNeverGetsReady() async throws {
        try await SimEnvironment.with { env in
            _ = try await env.client.create(makePod("broken", node: "sim-0", containers: [container("app", image: "nginx:fail")]))
            let pod = try await env.waitForPod("broken", "crash looping") { ($0.containerStatus("app")?.restartCount ?? 0) >= 2 }
            #expect(pod.status?.phase == "Running")
            #expect(pod.status?.condition("Ready")?.status == "False")
            #expect(pod.status?.condition("ContainersReady")?.status == "False")
            #expect(pod.containerStatus("app")?.ready == false)
            #expect(pod.containerStatus("app")?.state?["waiting"]?["reason"]?.stringValue == "CrashLoopBackOff")
        }
    }

    @Test func podOfAJobRunsToCompletionAndFreesItsNode() async throws {
        try await SimEnvironment.with(nodes: 1) { env in
            var sleeper = container("work", image: "busybox:1", cpu: "500m")
            sleeper.command = ["sh", "-c", "sleep 1.5; echo done"]
            var pod = makePod("migrate", node: "sim-0", containers: [sleeper, container("quick", image: "busybox:1")])
            pod.spec?.restartPolicy = "Never"
            let created = try await env.client.create(pod)
            let states = try await env.podStates("migrate", after: created.metadata.resourceVersion) { $0.status?.phase == "Succeeded" }
            #expect(states.contains { $0.status?.phase == "Running" }, "it runs before it completes")
            let done = try #require(states.last)
            let work = try #require(done.containerStatus("work")?.state?["terminated"])
            #expect(work["exitCode"] == 0)
            #expect(work["reason"] == "Completed")
            let started = try #require(work["startedAt"]?.stringValue.flatMap(KubeTime.init(text:))?.date)
            let finished = try #require(work["finishedAt"]?.stringValue.flatMap(KubeTime.init(text:))?.date)
            #expect(finished.timeIntervalSince(started) >= 1, "sleep 1.5 runs for 1.5 s (whole seconds in the API)")
            #expect(done.containerStatus("quick")?.state?["terminated"]?["reason"] == "Completed")
            #expect(done.containerStatus("work")?.ready == false)
            #expect(done.status?.condition("Ready")?.status == "False")
            #expect(done.status?.condition("Ready")?.reason == "PodCompleted")
            #expect(done.status?.condition("ContainersReady")?.reason == "PodCompleted")
            #expect(done.status?.podIP != nil, "a finished pod keeps its IP in its status")
            let usage = try #require(env.simulator.usage(ofNode: "sim-0"))
            #expect(usage.podIPsInUse == 0)
            #expect(usage.requested.milliCPU == 0)
        }
    }

    @Test func failingContainerOfANeverRestartedPodFailsIt() async throws {
        try await SimEnvironment.with(nodes: 1, configure: { $0.crashLoopInterval = .milliseconds(500) }) { env in
            var pod = makePod("broken-job", node: "sim-0", containers: [container("app", image: "busybox:fail")])
            pod.spec?.restartPolicy = "Never"
            let created = try await env.client.create(pod)
            let states = try await env.podStates("broken-job", after: created.metadata.resourceVersion) { $0.status?.phase == "Failed" }
            let failed = try #require(states.last)
            #expect(failed.containerStatus("app")?.state?["terminated"]?["exitCode"] == 1)
            #expect(failed.containerStatus("app")?.state?["terminated"]?["reason"] == "Error")
            #expect(failed.containerStatus("app")?.restartCount == 0)
            #expect(failed.status?.condition("Ready")?.reason == "ContainersNotReady")
            #expect(env.simulator.usage(ofNode: "sim-0")?.podIPsInUse == 0)
        }
    }

    @Test func deletedPodFreesItsIPAndResources() async throws {
        try await SimEnvironment.with(nodes: 1) { env in
            _ = try await env.client.create(makePod("gone", node: "sim-0", containers: [container("app", cpu: "1")]))
            try await env.waitForPod("gone", "running") { $0.isRunningAndReady }
            #expect(env.simulator.usage(ofNode: "sim-0")?.podIPsInUse == 1)
            try await env.client.delete(Pod.self, name: "gone", namespace: "default")
            try await eventually("IP and CPU freed") {
                let usage = env.simulator.usage(ofNode: "sim-0")
                return usage?.podIPsInUse == 0 && usage?.requested.milliCPU == 0
            }
        }
    }

    @Test func gracefulDeletionStopsContainersThenDeletes() async throws {
        try await SimEnvironment.with(nodes: 1) { env in
            _ = try await env.client.create(makePod("held", node: "sim-0", finalizers: ["test.stead.dev/hold"]))
            try await env.waitForPod("held", "running") { $0.isRunningAndReady }
            try await env.client.delete(Pod.self, name: "held", namespace: "default")
            let stopped = try await env.waitForPod("held", "containers stopped") {
                $0.metadata.deletionTimestamp != nil && $0.containerStatus("app")?.ready == false
            }
            #expect(stopped.status?.phase == "Running")
            #expect(stopped.status?.condition("Ready")?.status == "False")
            #expect(stopped.containerStatus("app")?.state?["terminated"] != nil)
            try await eventually("IP freed") { env.simulator.usage(ofNode: "sim-0")?.podIPsInUse == 0 }
            try await env.updatePod("held") { $0.metadata.finalizers = nil }
            try await eventually("pod gone") { (try? await env.pod("held")) == nil }
        }
    }

    @Test func slowNodeStartsPodsLater() async throws {
        try await SimEnvironment.with { env in
            try env.simulator.setSlow("sim-1", extraLatency: .milliseconds(600))
            let start = ContinuousClock.now
            _ = try await env.client.create(makePod("slow", node: "sim-1"))
            try await env.waitForPod("slow", "running") { $0.isRunningAndReady }
            #expect(ContinuousClock.now - start >= .milliseconds(600))
        }
    }

    @Test func benchmarkRunsAllPods() async throws {
        try await SimEnvironment.with(nodes: 0) { env in
            let options = NodeSimBenchmark.Options(
                nodes: 50, pods: 200, heartbeatWindow: .seconds(2), leaseRenewInterval: .milliseconds(500),
                startLatency: .milliseconds(20), createConcurrency: 8, timeout: .seconds(60))
            let result = try await NodeSimBenchmark(client: env.client, options: options).run()
            #expect(result.podsRunning == 200)
            #expect(result.nodesReady == 50)
            #expect(result.heartbeatWritesPerSecond > 0)
            #expect(result.heartbeatWritesPerSecondUnderPodLoad > 0)
            #expect(result.lateLeaseRenewals == 0)
            #expect(result.longestLeaseRenewalGapSeconds > 0)
            #expect(result.podsPerSecond > 0)
            #expect(result.timeToRunningP99Milliseconds >= result.timeToRunningP50Milliseconds)
        }
    }
}
