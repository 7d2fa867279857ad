import Foundation
import KubeModel
import Testing

@testable import NodeSim

@Suite("Pure decisions")
struct DecisionTests {
    @Test func admissionChecksPodsThenCPUThenMemory() {
        let allocatable = ResourceAmount(milliCPU: 8000, memory: 32 << 30, pods: 110)
        #expect(Admission.check(request: ResourceAmount(milliCPU: 1000, memory: 1 << 30, pods: 1), used: .zero, allocatable: allocatable) == nil)
        let cpu = Admission.check(request: ResourceAmount(milliCPU: 2000, pods: 1), used: ResourceAmount(milliCPU: 7000, pods: 3), allocatable: allocatable)
        #expect(cpu?.reason == "OutOfcpu")
        #expect(cpu?.message == "Pod was rejected: Node didn't have enough resource: cpu, requested: 2000, used: 7000, capacity: 8000")
        #expect(Admission.check(request: ResourceAmount(memory: 33 << 30, pods: 1), used: .zero, allocatable: allocatable)?.reason == "OutOfmemory")
        #expect(Admission.check(request: ResourceAmount(pods: 1), used: ResourceAmount(pods: 110), allocatable: allocatable)?.reason == "OutOfpods")
    }

    @Test func resizeVerdicts() {
        let allocatable = ResourceAmount(milliCPU: 4000, memory: 8 << 30, pods: 10)
        let current = ResourceAmount(milliCPU: 1000, pods: 1)
        let used = ResourceAmount(milliCPU: 3000, pods: 2)
        #expect(Admission.checkResize(current: current, desired: ResourceAmount(milliCPU: 2000, pods: 1), used: used, allocatable: allocatable) == .fits)
        guard case .deferred = Admission.checkResize(current: current, desired: ResourceAmount(milliCPU: 3000, pods: 1), used: used, allocatable: allocatable) else {
            Issue.record("expected deferred"); return
        }
        guard case .infeasible = Admission.checkResize(current: current, desired: ResourceAmount(milliCPU: 5000, pods: 1), used: used, allocatable: allocatable) else {
            Issue.record("expected infeasible"); return
        }
    }

    @Test func requestsSumContainersAndDefaultToLimits() {
        var spec = PodSpec(containers: [
            Container(name: "a", resources: ResourceRequirements(requests: ["cpu": "250m", "memory": "1Gi"])),
            Container(name: "b", resources: ResourceRequirements(limits: ["cpu": "1"])),
        ])
        spec.initContainers = [Container(name: "init", resources: ResourceRequirements(requests: ["cpu": "2"]))]
        let total = ResourceAmount.requests(of: spec)
        #expect(total.milliCPU == 2000)
        #expect(total.memory == 1 << 30)
        #expect(total.pods == 1)
    }

    @Test func leaseRenewalStretchesOnlyBeyondTheBudget() {
        func interval(nodes: Int, every: Duration = .seconds(10)) -> Duration {
            NodeSimConfiguration(nodeCount: nodes, leaseRenewInterval: every).effectiveLeaseRenewInterval
        }
        #expect(interval(nodes: 2, every: .milliseconds(200)) == .milliseconds(200))
        #expect(interval(nodes: 5000) == .seconds(10), "5000 kubelets at 10 s are exactly the default budget")
        #expect(interval(nodes: 8000) == .seconds(16))
        #expect(interval(nodes: 50_000) == .seconds(20), "never beyond half the 40 s lease")
        var unlimited = NodeSimConfiguration(nodeCount: 50_000)
        unlimited.heartbeatBudget = 0
        #expect(unlimited.effectiveLeaseRenewInterval == .seconds(10))
        #expect(abs(NodeSimConfiguration(nodeCount: 5000).expectedHeartbeatsPerSecond - 5000 / 10.2) < 0.01)
    }

    @Test func failingImageRuleIsTheTag() {
        #expect(FailingImage.fails("nginx:fail"))
        #expect(FailingImage.fails("registry:5000/team/app:fail-v2"))
        #expect(FailingImage.fails("app:failing@sha256:abc"))
        #expect(!FailingImage.fails("nginx:1.27"))
        #expect(!FailingImage.fails("fail/app:1"))
        #expect(!FailingImage.fails("registry:5000/fail"))
        #expect(!FailingImage.fails(nil))
    }

    @Test func addressingGivesEachNodeItsOwnRange() {
        let a = NodeAddressing(index: 3)
        let b = NodeAddressing(index: 259)
        #expect(a.podCIDR == "10.0.3.0/24")
        #expect(b.podCIDR == "10.1.3.0/24")
        #expect(a.nodeIP == "10.0.3.1")
        #expect(a.contains("10.0.3.77") && !b.contains("10.0.3.77"))
        #expect(a.host(of: "10.0.3.77") == 77)
        #expect(a.host(of: "10.0.3.1") == nil)
        #expect(ZoneNames.name(0) == "zone-a" && ZoneNames.name(25) == "zone-z" && ZoneNames.name(26) == "zone-aa")
    }

    @Test func ipPoolNeverHandsOutAnAddressInUse() {
        var pool = IPPool()
        var seen: Set<Int> = []
        for _ in 0..<253 { seen.insert(pool.allocate()!) }
        #expect(seen.count == 253)
        #expect(pool.allocate() == nil)
        pool.release(100)
        #expect(pool.allocate() == 100)
        let claimedAgain = pool.claim(100)
        #expect(!claimedAgain)
    }

    @Test func deadlineHeapPopsInOrder() {
        var heap = DeadlineHeap<Int>()
        let base = Date()
        for value in [5, 1, 4, 2, 3] { heap.insert(value, at: base.addingTimeInterval(Double(value))) }
        #expect(heap.popDue(now: base.addingTimeInterval(3.5)) == [1, 2, 3])
        #expect(heap.count == 2)
        #expect(heap.popDue(now: base.addingTimeInterval(10)) == [4, 5])
    }

    private var timing: PodTiming {
        PodTiming(startLatency: .milliseconds(100), restartLatency: .milliseconds(50), crashLoopInterval: .seconds(1))
    }

    private func pod(gates: [String] = [], conditions: [PodCondition]? = nil) -> Pod {
        var pod = Pod(
            metadata: ObjectMeta(name: "p", namespace: "ns"),
            spec: PodSpec(containers: [Container(name: "app", image: "nginx:1"), Container(name: "side", image: "busybox:1")], nodeName: "n"))
        pod.metadata.uid = "uid-1"
        pod.spec?.readinessGates = gates.map { PodReadinessGate(conditionType: $0) }
        if let conditions {
            pod.status = PodStatus(phase: "Pending")
            pod.status?.conditions = conditions
        }
        return pod
    }

    @Test func statusBeforeStartIsUnchangedAndAfterStartIsRunning() {
        let now = Date()
        let pod = pod()
        let runtime = PodLifecycle.admit(pod: pod, nodeName: "n", ipHost: 2, podIP: "10.0.0.2", now: now, timing: timing)
        #expect(PodStatusBuilder.status(for: pod, runtime: runtime, hostIP: "10.0.0.1", now: now) == (pod.status ?? PodStatus()))
        let later = now.addingTimeInterval(1)
        let status = PodStatusBuilder.status(for: pod, runtime: runtime, hostIP: "10.0.0.1", now: later)
        #expect(status.phase == "Running")
        #expect(status.conditions?.map(\.type) == ["PodScheduled", "Initialized", "ContainersReady", "Ready"])
        #expect(status.conditions?.allSatisfy { $0.status == "True" } == true)
        // Same inputs later: identical status (no needless write).
        var written = pod
        written.status = status
        #expect(PodStatusBuilder.status(for: written, runtime: runtime, hostIP: "10.0.0.1", now: later.addingTimeInterval(5)) == status)
    }

    @Test func readinessGatesAndForeignConditionsAreHonouredAndKept() {
        let now = Date()
        let foreign = PodCondition(type: "example.com/other", status: "False", lastTransitionTime: KubeTime(now))
        var gated = pod(gates: ["example.com/gate"], conditions: [foreign])
        let runtime = PodLifecycle.admit(pod: gated, nodeName: "n", ipHost: 2, podIP: "10.0.0.2", now: now, timing: timing)
        let later = now.addingTimeInterval(1)
        var status = PodStatusBuilder.status(for: gated, runtime: runtime, hostIP: "h", now: later)
        #expect(status.condition("ContainersReady")?.status == "True")
        #expect(status.condition("Ready")?.status == "False")
        #expect(status.condition("Ready")?.reason == "ReadinessGatesNotReady")
        #expect(status.condition("example.com/other") == foreign)
        status.conditions?.append(PodCondition(type: "example.com/gate", status: "True"))
        gated.status = status
        status = PodStatusBuilder.status(for: gated, runtime: runtime, hostIP: "h", now: later)
        #expect(status.condition("Ready")?.status == "True")
        #expect(status.condition("example.com/other") == foreign)
    }

    @Test func imageChangeRestartsOneContainer() {
        let now = Date()
        var pod = pod()
        var runtime = PodLifecycle.admit(pod: pod, nodeName: "n", ipHost: 2, podIP: "ip", now: now, timing: timing)
        let running = now.addingTimeInterval(1)
        PodLifecycle.advance(&runtime, spec: pod.spec, now: running, timing: timing) { _ in .fits }
        pod.spec?.containers[0].image = "nginx:2"
        let next = PodLifecycle.advance(&runtime, spec: pod.spec, now: running, timing: timing) { _ in .fits }
        #expect(runtime.container("app")?.restartCount == 1)
        #expect(runtime.container("app")?.image == "nginx:2")
        #expect(runtime.container("app")?.isReady(at: running) == false)
        #expect(runtime.container("side")?.restartCount == 0)
        #expect(next == running.addingTimeInterval(0.05))
        #expect(runtime.container("app")?.isReady(at: running.addingTimeInterval(0.06)) == true)
    }

    @Test func resizeGoesInProgressThenApplies() {
        let now = Date()
        var pod = pod()
        pod.spec?.containers[0].resources = ResourceRequirements(requests: ["cpu": "100m"])
        var runtime = PodLifecycle.admit(pod: pod, nodeName: "n", ipHost: 2, podIP: "ip", now: now, timing: timing)
        pod.spec?.containers[0].resources = ResourceRequirements(requests: ["cpu": "300m"])
        let t1 = now.addingTimeInterval(1)
        PodLifecycle.advance(&runtime, spec: pod.spec, now: t1, timing: timing) { _ in .fits }
        guard case .inProgress? = runtime.resize else { Issue.record("expected in progress"); return }
        #expect(runtime.reserved.milliCPU == 100)
        PodLifecycle.advance(&runtime, spec: pod.spec, now: t1.addingTimeInterval(0.1), timing: timing) { _ in .fits }
        #expect(runtime.resize == nil)
        #expect(runtime.reserved.milliCPU == 300)
        #expect(runtime.container("app")?.resources?.requests?["cpu"] == "300m")
    }

    @Test func failingContainerCrashLoops() {
        let now = Date()
        var pod = pod()
        pod.spec?.containers[1].image = "busybox:fail"
        var runtime = PodLifecycle.admit(pod: pod, nodeName: "n", ipHost: 2, podIP: "ip", now: now, timing: timing)
        PodLifecycle.advance(&runtime, spec: pod.spec, now: now.addingTimeInterval(3.5), timing: timing) { _ in .fits }
        #expect(runtime.container("side")?.restartCount == 3)
        let status = PodStatusBuilder.status(for: pod, runtime: runtime, hostIP: "h", now: now.addingTimeInterval(3.5))
        #expect(status.condition("Ready")?.status == "False")
        #expect(status.containerStatuses?[1].state?["waiting"]?["reason"] == "CrashLoopBackOff")
    }

    @Test func containersOfNeverAndOnFailurePodsExitAfterTheirRunTime() {
        let now = Date()
        var pod = pod()
        pod.spec?.restartPolicy = "OnFailure"
        pod.spec?.containers[0].args = ["sleep", "3"]
        var runtime = PodLifecycle.admit(pod: pod, nodeName: "n", ipHost: 2, podIP: "ip", now: now, timing: timing)
        let start = now.addingTimeInterval(0.1)
        #expect(runtime.container("app")?.exitAt == start.addingTimeInterval(3))
        #expect(runtime.container("side")?.exitAt == start.addingTimeInterval(1), "no sleep: the default run time")
        let next = PodLifecycle.advance(&runtime, spec: pod.spec, now: start.addingTimeInterval(1.5), timing: timing) { _ in .fits }
        #expect(runtime.isAdmitted)
        #expect(next == start.addingTimeInterval(3))
        let midway = PodStatusBuilder.status(for: pod, runtime: runtime, hostIP: "h", now: start.addingTimeInterval(1.5))
        #expect(midway.phase == "Running")
        #expect(midway.containerStatuses?[1].state?["terminated"]?["reason"] == "Completed")
        #expect(midway.condition("Ready")?.status == "False")
        #expect(PodLifecycle.advance(&runtime, spec: pod.spec, now: start.addingTimeInterval(3), timing: timing) { _ in .fits } == nil)
        #expect(runtime.phase == .finished(succeeded: true))
        let done = PodStatusBuilder.status(for: pod, runtime: runtime, hostIP: "h", now: start.addingTimeInterval(3))
        #expect(done.phase == "Succeeded")
        #expect(done.condition("Ready")?.reason == "PodCompleted")
    }

    @Test func onlyNeverRestartedPodsFailAndAlwaysRestartedOnesNeverExit() {
        let now = Date()
        var pod = pod()
        pod.spec?.containers[1].image = "busybox:fail"
        pod.spec?.containers[0].command = ["sleep", "1"]
        for policy in ["Always", "OnFailure"] {
            pod.spec?.restartPolicy = policy
            var runtime = PodLifecycle.admit(pod: pod, nodeName: "n", ipHost: 2, podIP: "ip", now: now, timing: timing)
            PodLifecycle.advance(&runtime, spec: pod.spec, now: now.addingTimeInterval(10), timing: timing) { _ in .fits }
            #expect(runtime.isAdmitted, "\(policy): a failing container restarts")
            #expect(runtime.container("side")?.restartCount ?? 0 > 5)
            #expect((runtime.container("app")?.terminated != nil) == (policy == "OnFailure"))
        }
        pod.spec?.restartPolicy = "Never"
        var runtime = PodLifecycle.admit(pod: pod, nodeName: "n", ipHost: 2, podIP: "ip", now: now, timing: timing)
        PodLifecycle.advance(&runtime, spec: pod.spec, now: now.addingTimeInterval(10), timing: timing) { _ in .fits }
        #expect(runtime.phase == .finished(succeeded: false))
        #expect(runtime.container("side")?.terminated?.exitCode == 1)
        #expect(runtime.container("side")?.restartCount == 0)
        #expect(runtime.container("app")?.terminated?.exitCode == 0)
    }

    @Test func runTimeIsTheSleepOfTheCommandLine() {
        func runTime(_ command: [String]?, _ args: [String]? = nil) -> Duration? {
            var container = Container(name: "c")
            container.command = command
            container.args = args
            return ContainerExit.runTime(of: container)
        }
        #expect(runTime(["sleep", "5"]) == .seconds(5))
        #expect(runTime(["sh", "-c"], ["echo start; sleep 0.5 && echo done"]) == .milliseconds(500))
        #expect(runTime(["/bin/migrate"]) == ContainerExit.defaultRunTime)
        #expect(runTime(nil) == ContainerExit.defaultRunTime)
        #expect(runTime(["sleep", "infinity"]) == nil, "runs until stopped")
        #expect(runTime(["sleep", "-1"]) == ContainerExit.defaultRunTime)
    }
}
