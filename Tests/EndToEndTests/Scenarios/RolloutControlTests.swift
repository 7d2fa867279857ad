import Foundation
import KubeClient
import KubeModel
import SteadController
import SteadTestSupport
import Testing

extension EndToEnd {
    /// What an operator steers a rollout with: partition, maxUnavailable, pause, and a rollback to an
    /// earlier template (the earlier revision is reused, not made again).
    @Suite("rollout control", .serialized)
    struct RolloutControl {
        @Test func partitionPauseMaxUnavailableAndRollback() async throws {
            try await Scenario.run("rollout", nodes: 4) { scenario in
                var options = Manifests.SetOptions()
                options.replicas = 4
                options.partition = 2
                try await scenario.apply(Manifests.statefulPodSet("web", pool: scenario.pool.name, options))
                let first = try await scenario.waitForRollout("web")
                let firstRevision = try #require(first.status?.updateRevision)

                // Partition 2: only ordinals 2 and 3 take the new image.
                try await scenario.editSet("web", [Scenario.container("image", "nginx:1.28")])
                let partitioned = try await waitForUpdated(scenario, "web", count: 2)
                let pods = try await scenario.pods(of: "web")
                #expect(pods.filter { $0.value.spec?.containers.first?.image == "nginx:1.28" }.keys.sorted() == [2, 3])
                #expect(partitioned.status?.currentRevision == firstRevision)

                // Paused: a change is recorded as a new revision, but no pod moves to it.
                try await scenario.patchSet(
                    "web", ["spec": ["updateStrategy": ["rollingUpdate": ["partition": 0, "paused": true]]]])
                try await scenario.editSet("web", [Scenario.container("image", "nginx:1.29")])
                let paused = try await scenario.watchSets()
                let held = try await paused.waitUntil("the paused set observed") { sets in
                    sets.first.map { $0.status?.observedGeneration == $0.metadata.generation } ?? false
                }
                await paused.stop()
                #expect(held.first?.status?.updatedReplicas == 0)
                #expect(try await scenario.pods(of: "web").values.allSatisfy { $0.spec?.containers.first?.image != "nginx:1.29" })

                // Unpaused with maxUnavailable 2: two pods at a time reach the new image.
                let watched = try await scenario.watchPods(of: "web")
                try await scenario.patchSet(
                    "web", ["spec": ["updateStrategy": ["rollingUpdate": ["paused": false, "maxUnavailable": 2]]]])
                let rolled = try await scenario.waitForRollout("web")
                await watched.stop()
                #expect(try await scenario.pods(of: "web").values.allSatisfy { $0.spec?.containers.first?.image == "nginx:1.29" })
                let unavailable = maximumNotReady(await watched.history.map(\.object), set: "web", pods: 4)
                #expect(unavailable == 2, "at most two at once, and two did go together: \(unavailable)")

                // Rollback: the first template again; its revision is reused and the pods are updated in place.
                let before = try await scenario.pods(of: "web").mapValues(Incarnation.init)
                try await scenario.editSet("web", [Scenario.container("image", "nginx:1.27")])
                let rolledBack = try await scenario.waitForRollout("web")
                #expect(rolledBack.status?.updateRevision == firstRevision, "a new revision was made for an old template")
                #expect(rolledBack.status?.updateRevision != rolled.status?.updateRevision)
                for (ordinal, pod) in try await scenario.pods(of: "web") {
                    #expect(pod.metadata.uid == before[ordinal]?.uid, "web-\(ordinal) was replaced by the rollback")
                    #expect(pod.spec?.containers.first?.image == "nginx:1.27")
                }
                let revisions = try await scenario.admin.list(ControllerRevision.self, namespace: scenario.namespace).items
                #expect(Set(revisions.map(\.name)).contains(firstRevision))
                #expect(revisions.count == 3, "\(revisions.map(\.name))")
            }
        }

        /// The set once `count` pods are on its update revision and Ready, at its current generation.
        func waitForUpdated(_ scenario: Scenario, _ name: String, count: Int32) async throws -> StatefulPodSet {
            let sets = try await scenario.watchSets()
            defer { Task { await sets.stop() } }
            let reached = try await sets.waitUntil("\(count) pods of \(name) updated") { sets in
                guard let set = sets.first(where: { $0.name == name }), let status = set.status else { return false }
                return status.observedGeneration == set.metadata.generation && status.updatedReplicas == count
                    && status.readyReplicas == set.spec.replicas
            }
            return reached.first { $0.name == name }!
        }
    }
}
