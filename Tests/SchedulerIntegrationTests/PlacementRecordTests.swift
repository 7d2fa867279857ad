import Foundation
import KubeClient
import KubeModel
@testable import SteadScheduler
import SteadTestSupport
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
            // A pod shows its node before the scheduler has queued its record (once the bind answers).
            var configMap = ConfigMap(metadata: ObjectMeta(name: "none"))
            try await eventually(timeout: .seconds(20), "30 records written") {
                await scheduler.service.flushPlacementRecords()
                configMap = try await env.client.get(ConfigMap.self, name: "stead-placement-web-0", namespace: "default")
                return nodes.keys.allSatisfy { configMap.data?[$0] != nil }
            }
            let writes = await scheduler.service.placementWrites
            await scheduler.service.stop()

            #expect(configMap.data?["keep-me"] == "x")
            for (pod, node) in nodes {
                let record = try PlacementRecord(jsonString: try #require(configMap.data?[pod]))
                #expect(record.node == node)
                #expect(record.ownerUID == owner.uid)
            }
            #expect(writes < 30, "30 records in \(writes) patches")
        }
    }

    /// A new shard takes one create (not a patch that gets 404 first), the next record one patch, and a
    /// shard deleted behind the writer's back is created again.
    @Test func aNewShardIsCreatedAtOnceAndADeletedOneAgain() async throws {
        try await SchedulerEnvironment.with { env in
            for index in 0..<3 { try await env.createNode("node-\(index)") }
            let scheduler = try await env.startScheduler()
            let owner = Owner.statefulPodSet("solo")

            func recordedPods() async throws -> [String] {
                do {
                    let configMap = try await env.client.get(
                        ConfigMap.self, name: "stead-placement-solo-0", namespace: "default")
                    return (configMap.data ?? [:]).keys.sorted()
                } catch let error as KubeAPIError where error.isNotFound {
                    return []
                }
            }
            // The pod shows its node before the scheduler has queued the record (it does so once the
            // bind answers): wait for the record itself, then count the requests it took.
            func place(_ name: String, thenRecorded expected: [String]) async throws -> Int {
                try await env.createPod(name, owner: owner)
                _ = try await env.waitForNode(of: name)
                try await eventually(timeout: .seconds(20), "\(name)'s record written") {
                    await scheduler.service.flushPlacementRecords()
                    return try await recordedPods() == expected
                }
                return await scheduler.service.placementRequests
            }

            #expect(try await place("solo-0", thenRecorded: ["solo-0"]) == 1)
            #expect(try await place("solo-1", thenRecorded: ["solo-0", "solo-1"]) == 2)
            try await env.client.delete(ConfigMap.self, name: "stead-placement-solo-0", namespace: "default")
            #expect(
                try await place("solo-2", thenRecorded: ["solo-2"]) == 4, "a patch that finds the shard gone, then a create")
            await scheduler.service.stop()
        }
    }
}
