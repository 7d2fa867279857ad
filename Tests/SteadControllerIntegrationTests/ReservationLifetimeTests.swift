import Foundation
import KubeClient
import KubeModel
import SteadController
@testable import SteadScheduler
import SteadTestSupport
import Testing

/// The scheduler keeps a node's capacity for a pod going away only while its set will bring it back:
/// not for ordinals scaled away, not for the pods of a deleted set. The reservation timeout (60 s) is
/// far longer than these tests wait, so a reservation left behind cannot expire in time to pass.
@Suite(.serialized, .timeLimit(.minutes(4)))
struct ReservationLifetimeTests {
    func waitUntilNoReservation(_ env: ControllerEnvironment, _ what: String) async throws {
        try await eventually(timeout: .seconds(10), "no reservation left \(what)") {
            await env.scheduler.service.snapshot.reservations.isEmpty
        }
    }

    @Test func scaledAwayOrdinalsKeepNoCapacity() async throws {
        try await ControllerEnvironment.with(nodes: 3) { env in
            try await env.create(SetFixture.make("web", replicas: 3, podManagement: .parallel))
            try await env.waitForRollout("web")
            _ = try await env.update("web") { $0.spec.replicas = 1 }
            try await eventually("web-1 and web-2 gone") { try await env.pods(of: "web").keys.sorted() == [0] }
            try await waitUntilNoReservation(env, "after scaling down")
        }
    }

    @Test func theDeletedSetsPodsKeepNoCapacity() async throws {
        try await ControllerEnvironment.with(nodes: 3) { env in
            try await env.create(SetFixture.make("web", replicas: 3, podManagement: .parallel))
            try await env.waitForRollout("web")
            try await env.client.delete(StatefulPodSet.self, name: "web", namespace: ControllerEnvironment.namespace)
            try await eventually("every pod gone") { try await env.pods(of: "web").isEmpty }
            try await waitUntilNoReservation(env, "after deleting the set")
        }
    }

    /// The control: a pod of a live set that is deleted by hand does get its capacity kept until its
    /// successor is bound, and the successor goes back to the same node.
    @Test func aDeletedPodOfALiveSetGoesHome() async throws {
        try await ControllerEnvironment.with(nodes: 3) { env in
            try await env.create(SetFixture.make("web", replicas: 2, podManagement: .parallel))
            try await env.waitForRollout("web")
            let old = try #require(try await env.pods(of: "web")[1])
            try await env.client.delete(Pod.self, name: "web-1", namespace: ControllerEnvironment.namespace)
            var successor: Pod?
            try await eventually("web-1 back") {
                successor = try await env.pods(of: "web")[1]
                return successor.map { $0.metadata.uid != old.metadata.uid && $0.spec?.nodeName != nil } ?? false
            }
            #expect(successor?.spec?.nodeName == old.spec?.nodeName)
            try await waitUntilNoReservation(env, "once the successor is bound")
        }
    }
}
