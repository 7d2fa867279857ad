import KubeClient
import KubeModel
@testable import SteadScheduler
import SteadTestSupport
import Testing

/// `stead up` has no kube-scheduler: Stead places the pods that name `default-scheduler` (or no
/// scheduler) too, as new pods, and leaves alone those of schedulers it was not given.
@Suite(.timeLimit(.minutes(4)))
struct PlainSchedulerNameTests {
    @Test func podsOfTheDefaultSchedulerArePlacedAsNewPodsAndOthersAreLeftAlone() async throws {
        try await SchedulerEnvironment.with { env in
            for index in 0..<3 { try await env.createNode("node-\(index)") }
            let scheduler = try await env.startScheduler(plainSchedulerNames: ["default-scheduler"])
            let owner = try await env.createStatefulSet("web")
            try await env.createPod("unnamed", schedulerName: nil)
            try await env.createPod("web-0", owner: owner, schedulerName: "default-scheduler")
            try await env.createPod("elsewhere", schedulerName: "another-scheduler")
            _ = try await env.waitForNode(of: "unnamed")
            let node = try await env.waitForNode(of: "web-0")
            try await env.createPod("stead-pod", schedulerName: "stead")
            _ = try await env.waitForNode(of: "stead-pod")
            #expect(try await env.pod("elsewhere").spec?.nodeName == nil, "a pod of another scheduler stays unbound")

            // No reservation for a pod of the plain path: its replacement is a new pod.
            let before = scheduler.counts
            try await env.deletePod("web-0")
            try await env.createPod("web-0", owner: owner, schedulerName: "default-scheduler")
            _ = try await env.waitForNode(of: "web-0")
            let counts = try await scheduler.counts(afterBinds: 1, since: before)
            await scheduler.service.stop()
            #expect(counts.stickyBinds == 0)
            #expect(counts.reservationsCreated == 0)
            _ = node
        }
    }
}
