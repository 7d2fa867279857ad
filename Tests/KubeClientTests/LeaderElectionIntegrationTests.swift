import Foundation
import KubeModel
import SteadTestSupport
import Synchronization
import Testing

@testable import KubeClient

@Suite("Leader election against the embedded API server", .serialized)
struct LeaderElectionIntegrationTests {
    /// Records who leads; flags two leaders at once.
    final class Leadership: Sendable {
        private struct State {
            var current: String?
            var history: [String] = []
            var overlaps = 0
        }
        private let state = Mutex(State())

        func started(_ identity: String) {
            state.withLock { state in
                if state.current != nil { state.overlaps += 1 }
                state.current = identity
                state.history.append(identity)
            }
        }

        func stopped(_ identity: String) {
            state.withLock { state in if state.current == identity { state.current = nil } }
        }

        var current: String? { state.withLock { $0.current } }
        var history: [String] { state.withLock { $0.history } }
        var overlaps: Int { state.withLock { $0.overlaps } }
    }

    static let key = ObjectKey(namespace: "default", name: "stead-controller")

    /// Short enough for tests, long enough that a renewal on a loaded 2-core machine (the whole suite
    /// running) does not miss its deadline and make the leader step down on its own.
    func elector(
        _ client: KubeClient, _ identity: String, releaseOnCancel: Bool = true, leaseSeconds: Int64 = 8
    ) -> LeaderElector {
        LeaderElector(
            client: client, lease: Self.key, identity: identity, leaseDuration: .seconds(leaseSeconds),
            renewDeadline: .seconds(leaseSeconds * 3 / 4), retryPeriod: .milliseconds(200),
            releaseOnCancel: releaseOnCancel)
    }

    func campaign(_ elector: LeaderElector, _ leadership: Leadership) -> Task<Void, Never> {
        Task {
            await elector.run(
                onStartedLeading: {
                    leadership.started(elector.identity)
                    while !Task.isCancelled { try? await Task.sleep(for: .milliseconds(50)) }
                    leadership.stopped(elector.identity)
                })
        }
    }

    @Test func twoCandidatesNeverLeadTogetherAndHandOver() async throws {
        try await TestServer.with { env in
            // A long lease: this test hands over by release, never by expiry, and in the full suite a
            // 6 s renew deadline was once missed under load, making A step down before its graceful stop.
            let a = elector(env.client, "candidate-a", leaseSeconds: 40)
            let b = elector(env.client, "candidate-b", leaseSeconds: 40)
            let leadership = Leadership()
            let both = Mutex(0)
            let watcher = Task {
                while !Task.isCancelled {
                    if a.isLeader && b.isLeader { both.withLock { $0 += 1 } }
                    try? await Task.sleep(for: .milliseconds(5))
                }
            }
            defer { watcher.cancel() }

            let taskA = campaign(a, leadership)
            // B starts once A leads: a fixed head start loses the race on a loaded machine.
            try await eventually(timeout: .seconds(10), "A leads") { a.isLeader }
            let taskB = campaign(b, leadership)
            try await eventually(timeout: .seconds(5), "a leader") { leadership.current != nil }
            let first = try #require(leadership.current)
            #expect(first == "candidate-a")

            // The leader keeps the lease across several lease durations by renewing it.
            try await Task.sleep(for: .seconds(3))
            #expect(leadership.history == [first])
            let lease = try await env.client.get(Lease.self, name: Self.key.name, namespace: Self.key.namespace)
            #expect(lease.spec?.holderIdentity == first)
            #expect(lease.spec?.leaseDurationSeconds == 40)
            #expect(lease.spec?.leaseTransitions == 0)

            // Graceful stop of the leader: it releases and the other takes over quickly.
            taskA.cancel()
            await taskA.value
            #expect(!a.isLeader)
            let released = try await env.client.get(Lease.self, name: Self.key.name, namespace: Self.key.namespace)
            #expect(
                released.spec?.holderIdentity == "" || released.spec?.holderIdentity == "candidate-b",
                "holder after A's graceful stop: \(released.spec?.holderIdentity ?? "none"), transitions \(released.spec?.leaseTransitions ?? -1), history \(leadership.history)")
            // Released on stop, so B takes over on its next retry instead of waiting for expiry.
            try await eventually(timeout: .seconds(5), "hand-over") { b.isLeader }
            try await eventually(timeout: .seconds(2), "B's callback") { leadership.current == "candidate-b" }
            #expect(leadership.history == ["candidate-a", "candidate-b"])
            let handedOver = try await env.client.get(Lease.self, name: Self.key.name, namespace: Self.key.namespace)
            #expect(handedOver.spec?.holderIdentity == "candidate-b")
            #expect(handedOver.spec?.leaseTransitions == 1)

            taskB.cancel()
            await taskB.value
            #expect(leadership.overlaps == 0)
            #expect(both.withLock { $0 } == 0)
        }
    }

    @Test func leaderStepsDownWhenItCannotRenew() async throws {
        try await TestServer.with { env in
            let a = elector(env.client, "solo")
            let stopped = Mutex(false)
            let task = Task {
                await a.run(
                    onStartedLeading: { while !Task.isCancelled { try? await Task.sleep(for: .milliseconds(50)) } },
                    onStoppedLeading: { stopped.withLock { $0 = true } })
            }
            try await eventually(timeout: .seconds(5), "leadership") { a.isLeader }
            // Someone else takes the lease behind the elector's back: renewals are refused from now on.
            var lease = try await env.client.get(Lease.self, name: Self.key.name, namespace: Self.key.namespace)
            lease.spec?.holderIdentity = "intruder"
            lease.spec?.leaseDurationSeconds = 60
            _ = try await env.client.update(lease)
            // It gives up within the renew deadline (plus slack for a loaded machine).
            try await eventually(timeout: .seconds(15), "step down") { !a.isLeader }
            await task.value  // run returns after losing leadership
            #expect(stopped.withLock { $0 })
            let after = try await env.client.get(Lease.self, name: Self.key.name, namespace: Self.key.namespace)
            #expect(after.spec?.holderIdentity == "intruder")
        }
    }

    @Test func withoutReleaseTheNextLeaderWaitsForExpiry() async throws {
        try await TestServer.with { env in
            let a = elector(env.client, "crashy", releaseOnCancel: false)
            let b = elector(env.client, "patient")
            let leadership = Leadership()
            let taskA = campaign(a, leadership)
            try await eventually(timeout: .seconds(5), "first leader") { a.isLeader }
            let taskB = campaign(b, leadership)
            try await Task.sleep(for: .milliseconds(500))
            #expect(!b.isLeader)
            // A stops without releasing (like a crash after its last renewal).
            taskA.cancel()
            await taskA.value
            let stoppedAt = ContinuousClock.now
            let lease = try await env.client.get(Lease.self, name: Self.key.name, namespace: Self.key.namespace)
            #expect(lease.spec?.holderIdentity == "crashy")
            try await eventually(timeout: .seconds(20), "take-over after expiry") { b.isLeader }
            // B only takes over once the lease has expired as B observed it.
            #expect(ContinuousClock.now - stoppedAt >= .milliseconds(1200))
            #expect(leadership.overlaps == 0)
            let taken = try await env.client.get(Lease.self, name: Self.key.name, namespace: Self.key.namespace)
            #expect(taken.spec?.holderIdentity == "patient")
            #expect(taken.spec?.leaseTransitions == 1)
            taskB.cancel()
            await taskB.value
        }
    }
}
