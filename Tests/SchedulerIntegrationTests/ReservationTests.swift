import Foundation
import KubeClient
import KubeModel
@testable import SteadScheduler
import SteadTestSupport
import Testing

// A hang guard: in the full suite, beside the fault tests' processes, a minute was once not enough.
@Suite(.timeLimit(.minutes(3)))
struct ReservationTests {
    @Test func reservedCapacityIsNotGivenToACompetingPod() async throws {
        try await SchedulerEnvironment.with { env in
            try await env.createNode("node-a", cpu: "2")
            try await env.createNode("node-b", cpu: "2")
            let scheduler = try await env.startScheduler()
            let owner = Owner.statefulPodSet("db")
            try await env.createPod("db-0", cpu: "1500m", owner: owner)
            let node = try await env.waitForNode(of: "db-0")
            try await env.createPod("filler", cpu: "1500m")
            #expect(try await env.waitForNode(of: "filler") != node)
            try await eventually("record") {
                await scheduler.service.placementRecord(for: ObjectKey(namespace: "default", name: "db-0")) != nil
            }

            try await env.deletePod("db-0")
            try await eventually("reservation held") { scheduler.counts.reservationsHeld == 1 }
            let reservation = await scheduler.service.snapshot.reservation(for: ObjectKey(namespace: "default", name: "db-0"))
            #expect(reservation?.node == node)
            #expect(reservation?.requests.milliCPU == 1500)

            try await env.createPod("intruder", cpu: "1500m")
            try await eventually("intruder unschedulable") {
                try await env.pod("intruder").status?.condition("PodScheduled")?.status == "False"
            }
            try await env.createPod("db-0", cpu: "1500m", owner: owner)
            #expect(try await env.waitForNode(of: "db-0") == node)
            try await Task.sleep(for: .milliseconds(300))
            #expect(try await env.pod("intruder").spec?.nodeName == nil)
            let counts = scheduler.counts
            await scheduler.service.stop()
            #expect(counts.stickyBinds == 1)
            #expect(counts.reservationsHeld == 0)
        }
    }

    @Test func announcedLargerRequestsAreReserved() async throws {
        try await SchedulerEnvironment.with { env in
            try await env.createNode("node-a", cpu: "4")
            let scheduler = try await env.startScheduler()
            let owner = Owner.statefulPodSet("db")
            try await env.createPod("db-0", cpu: "1", owner: owner)
            _ = try await env.waitForNode(of: "db-0")
            _ = try await env.client.patch(
                Pod.self, name: "db-0", namespace: "default",
                patch: .merge(["metadata": ["annotations": ["stead.dev/reserve-for-replacement": "{\"cpu\":\"3\"}"]]]))
            try await env.deletePod("db-0")
            try await eventually("reservation held") { scheduler.counts.reservationsHeld == 1 }
            let reservation = await scheduler.service.snapshot.reservation(for: ObjectKey(namespace: "default", name: "db-0"))
            await scheduler.service.stop()
            #expect(reservation?.requests.milliCPU == 3000)
        }
    }

    @Test func reservationExpires() async throws {
        try await SchedulerEnvironment.with { env in
            try await env.createNode("node-a", cpu: "2")
            let scheduler = try await env.startScheduler(reservationTimeout: .milliseconds(500))
            try await env.createPod("db-0", cpu: "1500m", owner: .statefulPodSet("db"))
            _ = try await env.waitForNode(of: "db-0")
            try await env.deletePod("db-0")
            try await eventually("reservation held") { scheduler.counts.reservationsCreated == 1 }
            try await env.createPod("other", cpu: "1500m")
            #expect(try await env.waitForNode(of: "other") == "node-a")
            let counts = scheduler.counts
            await scheduler.service.stop()
            #expect(counts.reservationsExpired == 1)
        }
    }
}
