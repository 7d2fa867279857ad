import Foundation
import KubeClient
import KubeModel
import SteadScheduler
import Testing

// A hang guard: in the full suite, beside the fault tests' processes, a minute was once not enough.
@Suite(.timeLimit(.minutes(3)))
struct PlacementRecordTests {
    @Test func recordsOfOneOwnerAreCoalescedIntoFewMergePatches() async throws {
        try await SchedulerEnvironment.with { env in
            for index in 0..<10 { try await env.createNode("node-\(index)") }
            let scheduler = try await env.startScheduler()
            let owner = Owner.statefulPodSet("web")
            // A key written by someone else survives: the patches set only their own keys.
            var foreign = PlacementConfigMap.make(
                .init(
                    namespace: "default",
                    owner: OwnerReference(apiVersion: owner.apiVersion, kind: owner.kind, name: owner.name, uid: owner.uid)),
                entries: ["keep-me": "x"])
            foreign.metadata.labels = ["stead.dev/placement": "true"]
            _ = try await env.client.create(foreign)

            try await withThrowingTaskGroup(of: Void.self) { group in
                for index in 0..<30 { group.addTask { try await env.createPod("web-\(index)", owner: owner) } }
                try await group.waitForAll()
            }
            var nodes: [String: String] = [:]
            for index in 0..<30 { nodes["web-\(index)"] = try await env.waitForNode(of: "web-\(index)") }
            await scheduler.flushPlacementRecords()
            let writes = await scheduler.placementWrites
            await scheduler.stop()

            let configMap = try await env.client.get(ConfigMap.self, name: "stead-placement-web-0", namespace: "default")
            #expect(configMap.data?["keep-me"] == "x")
            for (pod, node) in nodes {
                let record = try PlacementRecord(jsonString: try #require(configMap.data?[pod]))
                #expect(record.node == node)
                #expect(record.ownerUID == owner.uid)
            }
            #expect(writes < 30, "30 records in \(writes) patches")
        }
    }
}
