import Foundation
import KubeClient
import KubeModel
@testable import SteadScheduler
import SteadTestSupport
import Testing

// A hang guard: in the full suite, beside the fault tests' processes, a minute was once not enough.
@Suite(.timeLimit(.minutes(3)))
struct NewPodPathTests {
    @Test func fiftyPodsSpreadOverTwentyNodes() async throws {
        try await SchedulerEnvironment.with { env in
            for index in 0..<20 { try await env.createNode("node-\(index)", zone: "zone-\(index % 3)") }
            let scheduler = try await env.startScheduler()
            let owner = Owner.statefulPodSet("spread")
            for index in 0..<50 { try await env.createPod("web-\(index)", owner: owner) }
            var perNode: [String: Int] = [:]
            for index in 0..<50 { perNode[try await env.waitForNode(of: "web-\(index)"), default: 0] += 1 }
            let counts = try await scheduler.counts(afterBinds: 50)
            await scheduler.service.stop()

            #expect(perNode.values.reduce(0, +) == 50)
            #expect(perNode.values.allSatisfy { $0 <= 4 }, "ceil(50/20)+1 = 4 at most per node: \(perNode)")
            #expect(counts.binds == 50)
            #expect(counts.attempts == 50)
            #expect(counts.scoreCalls > 0)
        }
    }

    @Test func unschedulablePodIsReportedAndBoundWhenANodeFits() async throws {
        try await SchedulerEnvironment.with { env in
            for index in 0..<3 { try await env.createNode("small-\(index)", cpu: "1") }
            let scheduler = try await env.startScheduler()
            try await env.createPod("big", cpu: "4")

            var condition: PodCondition?
            try await eventually(timeout: .seconds(10), "PodScheduled=False") {
                condition = try await env.pod("big").status?.condition("PodScheduled")
                return condition?.status == "False"
            }
            #expect(condition?.reason == "Unschedulable")
            #expect(condition?.message == "0/3 nodes are available: 3 Insufficient cpu.")
            try await eventually("FailedScheduling event") {
                try await !env.events(for: "big", reason: "FailedScheduling").isEmpty
            }
            let event = try await env.events(for: "big", reason: "FailedScheduling").first
            #expect(event?.type == "Warning")
            #expect(event?.message == "0/3 nodes are available: 3 Insufficient cpu.")
            // The status patch touched only that condition.
            #expect(try await env.pod("big").status?.phase == "Pending")
            try await eventually("the queue gauge shows the pod unschedulable") {
                pending(scheduler) == [.unschedulable: 1]
            }

            try await env.createNode("large", cpu: "8")
            #expect(try await env.waitForNode(of: "big") == "large")
            try await eventually("Scheduled event") { try await !env.events(for: "big", reason: "Scheduled").isEmpty }
            #expect(
                try await env.events(for: "big", reason: "Scheduled").first?.message
                    == "Successfully assigned default/big to large")
            try await eventually("the queue is empty") { pending(scheduler).isEmpty }
            await scheduler.service.stop()
        }
    }
}

/// The `stead_scheduler_pending_pods` gauges that are not 0, by queue.
private func pending(_ scheduler: MeasuredScheduler) -> [SchedulerMetricNames.Queue: Int] {
    var counts: [SchedulerMetricNames.Queue: Int] = [:]
    for queue in SchedulerMetricNames.Queue.allCases {
        let value = scheduler.metrics.reading(SchedulerMetricNames.pendingPods, [(SchedulerMetricNames.Label.queue, queue.rawValue)])
        if value != 0 { counts[queue] = value }
    }
    return counts
}
