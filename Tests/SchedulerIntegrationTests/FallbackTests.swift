import Foundation
import KubeClient
import KubeModel
@testable import SteadScheduler
import SteadTestSupport
import Testing

@Suite(.timeLimit(.minutes(3)))
struct FallbackTests {
    enum Breakage: CaseIterable {
        case nodeNotReady, nodeDeleted, nodeSelectorChanged
    }

    @Test(arguments: Breakage.allCases)
    func replacementIsPlacedElsewhereAndSaysWhy(_ breakage: Breakage) async throws {
        try await SchedulerEnvironment.with { env in
            for index in 0..<4 { try await env.createNode("node-\(index)", labels: ["disk": "ssd"]) }
            let scheduler = try await env.startScheduler()
            let owner = Owner.statefulPodSet("db")
            try await env.createPod("db-0", owner: owner)
            let node = try await env.waitForNode(of: "db-0")
            try await eventually("record") {
                await scheduler.service.placementRecord(for: ObjectKey(namespace: "default", name: "db-0")) != nil
            }
            try await env.deletePod("db-0")

            var nodeSelector: [String: String]?
            let expected: String
            switch breakage {
            case .nodeNotReady:
                let condition: JSONValue = [
                    "type": "Ready", "status": "False", "reason": "NodeStatusUnknown",
                    "lastTransitionTime": "2026-01-01T00:00:00Z",
                ]
                _ = try await env.client.patch(
                    Node.self, name: node, patch: .strategic(["status": ["conditions": [condition]]]),
                    subresource: "status")
                expected = "rescheduled: node \(node) NotReady since 2026-01-01T00:00:00Z"
            case .nodeDeleted:
                try await env.client.delete(Node.self, name: node)
                expected = "rescheduled: node \(node) no longer exists"
            case .nodeSelectorChanged:
                _ = try await env.client.patch(
                    Node.self, name: node, patch: .merge(["metadata": ["labels": ["disk": "hdd"]]]))
                nodeSelector = ["disk": "ssd"]
                expected = "rescheduled: node \(node) didn't match Pod's node affinity/selector"
            }
            try await eventually("the scheduler sees the node change") {
                let info = await scheduler.service.snapshot.node(named: node)
                return switch breakage {
                case .nodeNotReady: info?.isReady == false
                case .nodeDeleted: info == nil
                case .nodeSelectorChanged: info?.labels["disk"] == "hdd"
                }
            }

            try await env.createPod("db-0", owner: owner, nodeSelector: nodeSelector)
            let newNode = try await env.waitForNode(of: "db-0")
            #expect(newNode != node)
            try await eventually("StickyFallback event") {
                try await !env.events(for: "db-0", reason: "StickyFallback").isEmpty
            }
            #expect(try await env.events(for: "db-0", reason: "StickyFallback").first?.message == expected)
            #expect(try await env.pod("db-0").metadata.annotations?["stead.dev/placement-fallback"] == expected)
            let counts = scheduler.counts
            await scheduler.service.stop()
            #expect(counts.fallbacks == 1)
            #expect(counts.stickyBinds == 0)
        }
    }
}
