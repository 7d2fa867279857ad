import Foundation
import KubeModel
import SteadAPI
import Testing
@testable import SteadScheduler

@Suite("Node loss rule")
struct NodeLossRuleTests {
    let lost = Date(timeIntervalSince1970: 1_800_000_000)
    let strict = NodeLossPolicy(strict: true, timeoutSeconds: 3)

    struct Row: CustomStringConvertible, Sendable {
        var description: String
        var reason: StickyFallbackReason
        var policy: NodeLossPolicy
        var lostFor: Double
        /// The deadline when the pod waits, nil when it moves.
        var waitsFor: Double?
    }

    @Test("Strict waits from the loss, Preferred and filters move at once", arguments: [
        Row(description: "Strict, NotReady 1s", reason: .nodeNotReady(node: "n", since: nil),
            policy: NodeLossPolicy(strict: true, timeoutSeconds: 3), lostFor: 1, waitsFor: 3),
        Row(description: "Strict, NotReady exactly the timeout", reason: .nodeNotReady(node: "n", since: nil),
            policy: NodeLossPolicy(strict: true, timeoutSeconds: 3), lostFor: 3, waitsFor: nil),
        Row(description: "Strict, deleted 2s", reason: .nodeGone(node: "n"),
            policy: NodeLossPolicy(strict: true, timeoutSeconds: 3), lostFor: 2, waitsFor: 3),
        Row(description: "Strict, deleted 10s", reason: .nodeGone(node: "n"),
            policy: NodeLossPolicy(strict: true, timeoutSeconds: 3), lostFor: 10, waitsFor: nil),
        Row(description: "Preferred, NotReady 0s", reason: .nodeNotReady(node: "n", since: nil),
            policy: NodeLossPolicy(strict: false, timeoutSeconds: 300), lostFor: 0, waitsFor: nil),
        Row(description: "Strict, filtered", reason: .filtered(node: "n", plugin: "NodeResourcesFit", reasons: ["Insufficient cpu"]),
            policy: NodeLossPolicy(strict: true, timeoutSeconds: 300), lostFor: 0, waitsFor: nil),
    ])
    func decide(_ row: Row) {
        let verdict = NodeLossRule.decide(row.reason, policy: row.policy, lostSince: lost, now: lost + row.lostFor)
        switch (verdict, row.waitsFor) {
        case (.wait(let until, let message), let deadline?):
            #expect(until == lost + deadline)
            #expect(message.contains("node n is lost"))
        case (.move(let message), nil):
            #expect(message.hasPrefix(FallbackMessage.text(row.reason)))
        default:
            Issue.record("unexpected \(verdict)")
        }
    }

    @Test func moveMessagesSayWhy() {
        let afterWait = NodeLossRule.decide(.nodeGone(node: "n"), policy: strict, lostSince: lost, now: lost + 4)
        #expect(afterWait == .move(message:
            "rescheduled: node n no longer exists (stickiness Strict, nodeLossTimeoutSeconds 3: node lost for 4s)"))
        let preferred = NodeLossRule.decide(
            .nodeGone(node: "n"), policy: NodeLossPolicy(strict: false, timeoutSeconds: 3), lostSince: lost, now: lost)
        #expect(preferred == .move(message: "rescheduled: node n no longer exists (stickiness Preferred: moved at once)"))
    }

    @Test func aPodWithoutPolicyMovesAtOnceWithThePlainMessage() {
        let verdict = NodeLossRule.decide(.nodeGone(node: "n"), policy: nil, lostSince: lost, now: lost)
        #expect(verdict == .move(message: "rescheduled: node n no longer exists"))
        #expect(NodeLossPolicy(pod: Fixtures.pod("db-0", cpu: "1", owner: "set", uid: "new")) == nil)
    }

    @Test("policy from the pod's annotations; Preferred or a zero timeout moves at once", arguments: [
        ([SteadKeys.stickiness: "Strict", SteadKeys.nodeLossTimeoutSeconds: "30"], true, 30, true),
        ([SteadKeys.stickiness: "Preferred", SteadKeys.nodeLossTimeoutSeconds: "30"], false, 30, false),
        ([SteadKeys.stickiness: "Strict", SteadKeys.nodeLossTimeoutSeconds: "0"], true, 0, false),
        ([SteadKeys.stickiness: "Strict", SteadKeys.nodeLossTimeoutSeconds: "soon"], true, 0, false),
    ] as [([String: String], Bool, Int, Bool)])
    func policy(_ annotations: [String: String], strict: Bool, timeout: Int, waits: Bool) {
        var pod = Fixtures.pod("db-0", cpu: "1", owner: "set", uid: "new")
        pod.metadata.annotations = annotations
        let policy = NodeLossPolicy(pod: pod)
        #expect(policy == NodeLossPolicy(strict: strict, timeoutSeconds: timeout))
        #expect(policy?.waits == waits)
    }
}
