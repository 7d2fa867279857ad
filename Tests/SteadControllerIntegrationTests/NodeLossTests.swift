import Foundation
import KubeClient
import KubeModel
import SteadAPI
import SteadController
import SteadTestSupport
import Testing

/// A node lost while its pod is recreated on it (old pod gone, new one not yet bound): Strict waits
/// `nodeLossTimeoutSeconds` then moves the pod, Preferred moves it at once, and a node that returns in
/// time gets its pod back.
@Suite(.serialized, .timeLimit(.minutes(4)))
struct NodeLossTests {
    enum Loss: String, CustomStringConvertible, CaseIterable {
        /// Ready=Unknown, as a node-lifecycle controller marks a node whose heartbeats stopped.
        case notReady
        /// NotReady first, then the Node object deleted once the old pod is gone.
        case deleted
        var description: String { rawValue }
    }

    /// What happened to the set's only pod during a same-node recreate that lost its node.
    struct Window {
        var home: String
        var oldUID: String
        /// When the node was marked lost (test clock).
        var lostAt: ContinuousClock.Instant
    }

    static let set = "db"
    static let pod = "db-0"

    func makeSet(_ env: ControllerEnvironment, stickiness: Stickiness, timeout: Int32) async throws {
        var set = SetFixture.make(Self.set, replicas: 1)
        set.spec.placement = Placement(nodeLossTimeoutSeconds: timeout, stickiness: stickiness)
        try await env.create(set)
        try await env.waitForRollout(Self.set)
    }

    /// Starts a same-node recreate (env change) and takes the pod's node away inside the window: NotReady
    /// as soon as the old pod is marked for deletion (its kubelet still confirms it), deleted once the old
    /// pod is gone. The replacement therefore never sees its node healthy.
    func recreateLosingNode(_ env: ControllerEnvironment, _ loss: Loss) async throws -> Window {
        let old = try #require(try await env.pods(of: Self.set)[0])
        let home = try #require(old.spec?.nodeName)
        let oldUID = try #require(old.metadata.uid)
        let selector = "\(SteadKeys.set)=\(Self.set)"
        let list = try await env.client.list(
            Pod.self, namespace: ControllerEnvironment.namespace, options: ListOptions(labelSelector: selector))
        let stream = env.client.watch(
            Pod.self, namespace: ControllerEnvironment.namespace,
            options: WatchOptions(labelSelector: selector, resourceVersion: list.metadata.resourceVersion))
        try await env.update(Self.set) { $0.setEnv("MODE", "fast") }

        var lostAt: ContinuousClock.Instant?
        for try await event in stream where event.object.metadata.uid == oldUID {
            if lostAt == nil, event.object.isTerminating || event.type == .deleted {
                // Taken before the marking: its first write is when the scheduler can see the loss.
                lostAt = .now
                try await env.simulator.setNodeLost(home)
            }
            if event.type == .deleted {
                if loss == .deleted { try await env.simulator.deleteNode(home) }
                break
            }
        }
        return Window(home: home, oldUID: oldUID, lostAt: try #require(lostAt, "the old pod was never deleted"))
    }

    /// The replacement, once bound to a node.
    func boundReplacement(_ env: ControllerEnvironment, _ window: Window) async throws -> Pod {
        var bound: Pod?
        try await eventually(timeout: .seconds(60), "\(Self.pod) bound again") {
            let pod = try await env.pods(of: Self.set)[0]
            guard let pod, pod.metadata.uid != window.oldUID, pod.spec?.nodeName != nil else { return false }
            bound = pod
            return true
        }
        return try #require(bound)
    }

    /// The `stead.dev/placement-fallback` annotation of the replacement, once the scheduler wrote it (it
    /// is written beside the bind, not before it).
    func fallbackReason(_ env: ControllerEnvironment) async throws -> String {
        var reason = ""
        try await eventually("the placement-fallback annotation") {
            reason = try await env.pods(of: Self.set)[0]?.metadata.annotations?["stead.dev/placement-fallback"] ?? ""
            return !reason.isEmpty
        }
        return reason
    }

    @Test("Strict: the replacement waits nodeLossTimeoutSeconds, then is placed elsewhere", arguments: Loss.allCases)
    func strictMovesAfterTimeout(_ loss: Loss) async throws {
        try await ControllerEnvironment.with(nodes: 3) { env in
            try await makeSet(env, stickiness: .strict, timeout: 6)
            let window = try await recreateLosingNode(env, loss)

            let pod = try await boundReplacement(env, window)
            // The loss time is the node's Ready transition, kept in whole seconds: at most 1 s earlier.
            // 6 s rather than less, so that a loaded machine still creates the replacement inside it.
            #expect(ContinuousClock.now - window.lostAt >= .seconds(5), "the pod did not wait for its node")
            #expect(pod.spec?.nodeName != window.home)
            let reason = try await fallbackReason(env)
            #expect(reason.contains(window.home) && reason.contains("Strict, nodeLossTimeoutSeconds 6"), "\(reason)")
            #expect(try await !env.events(about: Self.pod, reason: "WaitingForNode").isEmpty)
            try await eventually("the StickyFallback event") {
                try await env.events(about: Self.pod, reason: "StickyFallback").contains { $0.message == reason }
            }
            try await env.waitForRollout(Self.set)
        }
    }

    @Test func preferredMovesAtOnce() async throws {
        try await ControllerEnvironment.with(nodes: 3) { env in
            // A timeout far beyond the hang guard: the pod can only finish in time by not waiting.
            try await makeSet(env, stickiness: .preferred, timeout: 3_600)
            let window = try await recreateLosingNode(env, .notReady)

            let pod = try await boundReplacement(env, window)
            #expect(pod.spec?.nodeName != window.home)
            let reason = try await fallbackReason(env)
            #expect(reason.contains("stickiness Preferred: moved at once"), "\(reason)")
            _ = try await env.events(about: Self.pod, reason: "StickyFallback")
            #expect(try await env.eventsSoFar(about: Self.pod, reason: "WaitingForNode").isEmpty)
            try await env.waitForRollout(Self.set)
        }
    }

    @Test("Strict: a node back before the timeout gets its pod back", arguments: Loss.allCases)
    func strictGoesHomeWhenTheNodeReturns(_ loss: Loss) async throws {
        try await ControllerEnvironment.with(nodes: 3) { env in
            try await makeSet(env, stickiness: .strict, timeout: 3_600)
            let window = try await recreateLosingNode(env, loss)
            _ = try await env.events(about: Self.pod, reason: "WaitingForNode")
            let waiting = try #require(try await env.pods(of: Self.set)[0])
            #expect(waiting.spec?.nodeName == nil, "bound while its node was lost")

            try await env.simulator.recover(window.home)
            let pod = try await boundReplacement(env, window)
            #expect(pod.spec?.nodeName == window.home)
            #expect(pod.metadata.annotations?["stead.dev/placement-fallback"] == nil)
            #expect(try await env.eventsSoFar(about: Self.pod, reason: "StickyFallback").isEmpty)
            try await env.waitForRollout(Self.set)
        }
    }
}
