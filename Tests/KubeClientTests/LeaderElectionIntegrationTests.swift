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
    static let retryPeriod = Duration.milliseconds(200)

    /// Short enough for tests, long enough that a renewal on a loaded 2-core machine (the whole suite
    /// running) does not miss its deadline and make the leader step down on its own. On a manual clock
    /// load does not matter: time moves only when the test moves it.
    func elector(
        _ client: KubeClient, _ identity: String, releaseOnCancel: Bool = true, leaseSeconds: Int64 = 8,
        clock: ManualClock? = nil
    ) -> LeaderElector {
        LeaderElector(
            client: client, lease: Self.key, identity: identity, leaseDuration: .seconds(leaseSeconds),
            renewDeadline: .seconds(leaseSeconds * 3 / 4), retryPeriod: Self.retryPeriod,
            releaseOnCancel: releaseOnCancel, clock: clock.map(ClockSource.init) ?? .continuous)
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

    /// Waits until `candidates` electors have done what the clock's current time asks of them: each
    /// sleeps until the next retry.
    func settle(_ clock: ManualClock, candidates: Int) async {
        await clock.waitForSleepers(candidates, until: clock.now.advanced(by: Self.retryPeriod))
    }

    /// Moves the clock `steps` retry periods forward, one at a time, letting the electors settle after each.
    func advance(_ clock: ManualClock, steps: Int, candidates: Int) async {
        for _ in 0..<steps {
            clock.advance(by: Self.retryPeriod)
            await settle(clock, candidates: candidates)
        }
    }

    @Test func twoCandidatesNeverLeadTogetherAndHandOver() async throws {
        try await withAPIServer { env in
            let clock = ManualClock()
            let a = elector(env.client, "candidate-a", clock: clock)
            let b = elector(env.client, "candidate-b", clock: clock)
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
            await settle(clock, candidates: 1)
            #expect(a.isLeader)
            let taskB = campaign(b, leadership)
            await settle(clock, candidates: 2)
            #expect(!b.isLeader)
            try await eventually(timeout: .seconds(5), "A's callback") { leadership.current == "candidate-a" }

            // The leader keeps the lease across three lease durations (24 s on the clock) by renewing it.
            await advance(clock, steps: 120, candidates: 2)
            #expect(leadership.history == ["candidate-a"])
            let lease = try await env.client.get(Lease.self, name: Self.key.name, namespace: Self.key.namespace)
            #expect(lease.spec?.holderIdentity == "candidate-a")
            #expect(lease.spec?.leaseDurationSeconds == 8)
            #expect(lease.spec?.leaseTransitions == 0)

            // Graceful stop of the leader: it releases, and the other takes over on its next retry
            // instead of waiting for the lease to expire.
            taskA.cancel()
            await taskA.value
            #expect(!a.isLeader)
            let released = try await env.client.get(Lease.self, name: Self.key.name, namespace: Self.key.namespace)
            #expect(released.spec?.holderIdentity == "")
            await advance(clock, steps: 1, candidates: 1)
            #expect(b.isLeader)
            try await eventually(timeout: .seconds(5), "B's callback") { leadership.current == "candidate-b" }
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
        try await withAPIServer { env in
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
        try await withAPIServer { env in
            let clock = ManualClock()
            let a = elector(env.client, "crashy", releaseOnCancel: false, clock: clock)
            let b = elector(env.client, "patient", clock: clock)
            let leadership = Leadership()
            let taskA = campaign(a, leadership)
            await settle(clock, candidates: 1)
            let taskB = campaign(b, leadership)
            await settle(clock, candidates: 2)
            await advance(clock, steps: 5, candidates: 2)
            #expect(a.isLeader && !b.isLeader)
            // A stops without releasing (like a crash after its last renewal).
            taskA.cancel()
            await taskA.value
            let lease = try await env.client.get(Lease.self, name: Self.key.name, namespace: Self.key.namespace)
            #expect(lease.spec?.holderIdentity == "crashy")
            // B saw A's last renewal now or one retry later (the two woke at the same moment), so the
            // lease expires for B 8.0 or 8.2 s from now on the clock: not at 7.8 s, surely at 8.2 s.
            await advance(clock, steps: 39, candidates: 1)
            #expect(!b.isLeader)
            await advance(clock, steps: 2, candidates: 1)
            #expect(b.isLeader)
            #expect(leadership.overlaps == 0)
            let taken = try await env.client.get(Lease.self, name: Self.key.name, namespace: Self.key.namespace)
            #expect(taken.spec?.holderIdentity == "patient")
            #expect(taken.spec?.leaseTransitions == 1)
            taskB.cancel()
            await taskB.value
        }
    }
}
