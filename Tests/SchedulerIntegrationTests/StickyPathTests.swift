import Foundation
import KubeClient
import KubeModel
@testable import SteadScheduler
import SteadTestSupport
import Testing

@Suite(.timeLimit(.minutes(3)))
struct StickyPathTests {
    /// Places `name` with the scheduler, waits for its record, then deletes it and waits for the
    /// scheduler to see the deletion. Returns the node it ran on.
    func placeAndDelete(_ name: String, owner: Owner, env: SchedulerEnvironment, scheduler: MeasuredScheduler)
        async throws -> String
    {
        try await env.createPod(name, owner: owner)
        let node = try await env.waitForNode(of: name)
        try await eventually("record of \(name)") {
            await scheduler.service.placementRecord(for: ObjectKey(namespace: "default", name: name))?.node == node
        }
        let before = scheduler.counts.reservationsCreated
        try await env.deletePod(name)
        try await eventually("reservation for \(name)") { scheduler.counts.reservationsCreated > before }
        return node
    }

    @Test func recreatedPodGoesBackToItsNodeWithOneEvaluation() async throws {
        try await SchedulerEnvironment.with { env in
            for index in 0..<20 { try await env.createNode("node-\(index)") }
            let scheduler = try await env.startScheduler()
            let owner = Owner.statefulPodSet("db")
            for index in 1..<10 { try await env.createPod("other-\(index)", owner: owner) }
            let node = try await placeAndDelete("db-0", owner: owner, env: env, scheduler: scheduler)
            for index in 1..<10 { _ = try await env.waitForNode(of: "other-\(index)") }
            let baseline = scheduler.counts

            try await env.createPod("db-0", owner: owner)
            #expect(try await env.waitForNode(of: "db-0") == node)
            let counts = try await scheduler.counts(afterBinds: 1, since: baseline)
            await scheduler.service.stop()
            #expect(counts.stickyBinds == 1)
            #expect(counts.nodeEvaluations == 1)
            #expect(counts.scoreCalls == 0)
            #expect(counts.attempts == 0)
            #expect(counts.fallbacks == 0)
            #expect(counts.reservationsHeld == 0, "the replacement consumed the reservation")
        }
    }

    @Test func nativeStatefulSetPodTakesTheStickyPath() async throws {
        try await SchedulerEnvironment.with { env in
            for index in 0..<10 { try await env.createNode("node-\(index)") }
            let scheduler = try await env.startScheduler()
            let owner = try await env.createStatefulSet("web")
            let node = try await placeAndDelete("web-0", owner: owner, env: env, scheduler: scheduler)
            let baseline = scheduler.counts
            try await env.createPod("web-0", owner: owner)
            #expect(try await env.waitForNode(of: "web-0") == node)
            let counts = try await scheduler.counts(afterBinds: 1, since: baseline)
            await scheduler.service.stop()
            #expect(counts.stickyBinds == 1)
            #expect(counts.nodeEvaluations == 1)
        }
    }

    @Test func aPodWithAnotherOwnerIsNew() async throws {
        try await SchedulerEnvironment.with { env in
            for index in 0..<5 { try await env.createNode("node-\(index)") }
            let scheduler = try await env.startScheduler()
            _ = try await placeAndDelete("web-0", owner: .statefulPodSet("web"), env: env, scheduler: scheduler)
            let baseline = scheduler.counts
            try await env.createPod("web-0", owner: .statefulPodSet("web"))
            _ = try await env.waitForNode(of: "web-0")
            let counts = try await scheduler.counts(afterBinds: 1, since: baseline)
            await scheduler.service.stop()
            #expect(counts.stickyAttempts == 0)
            #expect(counts.attempts == 1)
        }
    }

    @Test func stickinessSurvivesASchedulerRestart() async throws {
        try await SchedulerEnvironment.with { env in
            for index in 0..<20 { try await env.createNode("node-\(index)") }
            let owner = Owner.statefulPodSet("cache")
            let first = try await env.startScheduler()
            try await env.createPod("cache-0", owner: owner)
            let node = try await env.waitForNode(of: "cache-0")
            await first.service.stop()

            // The record is in the owner's ConfigMap, written with a merge patch of its own key.
            let configMap = try await env.client.get(ConfigMap.self, name: "stead-placement-cache-0", namespace: "default")
            #expect(configMap.metadata.labels?["stead.dev/placement"] == "true")
            #expect(configMap.metadata.ownerReferences?.first?.uid == owner.uid)
            let record = try PlacementRecord(jsonString: try #require(configMap.data?["cache-0"]))
            #expect(record.node == node)

            try await env.deletePod("cache-0")
            let second = try await env.startScheduler()
            try await env.createPod("cache-0", owner: owner)
            #expect(try await env.waitForNode(of: "cache-0") == node)
            let counts = try await second.counts(afterBinds: 1)
            await second.service.stop()
            #expect(counts.stickyBinds == 1)
            #expect(counts.nodeEvaluations == 1)
        }
    }
}
