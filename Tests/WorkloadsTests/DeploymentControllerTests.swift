import KubeClient
import KubeModel
import SteadTestSupport
import Testing

@testable import Workloads

extension WorkloadClusterTests {
    /// Deployments against the real API server, simulated nodes and the scheduler, as the Deployment
    /// concept page and the apps/v1 reference describe them: a ReplicaSet per template, rolling updates
    /// within maxSurge and maxUnavailable, rollbacks, Recreate, the revision history, scaling.
    @Suite(.serialized, .timeLimit(.minutes(3)))
    struct DeploymentControllerTests {
        @Test func rollsOutEachTemplateThroughItsReplicaSetWithinSurgeAndUnavailabilityAndRollsBack() async throws {
            try await WorkloadCluster.with { cluster in
                let deployments = try await cluster.watchDeployments()
                let sets = try await cluster.watchReplicaSets()
                let created = try await cluster.createDeployment("web", replicas: 4)
                #expect(created.spec?[path: ["strategy", "rollingUpdate", "maxSurge"]] == "25%", "the API's default: 1 of 4")

                // The first template: one ReplicaSet `web-<hash>`, revision 1, every replica available.
                let first = try await waitForRollout(of: "web", generation: created.generation, deployments)
                #expect(first.metadata.annotations?[DeploymentPlan.revisionAnnotation] == "1")
                #expect(first.condition("Available")?["status"] == "True")
                #expect(first.condition("Available")?["reason"] == "MinimumReplicasAvailable")
                #expect(first.condition("Progressing")?["status"] == "True")
                #expect(first.condition("Progressing")?["reason"] == "NewReplicaSetAvailable")
                let original = try #require(try await settled(sets, of: first, replicas: [4]).only)
                let hash = try #require(original.templateHash)
                #expect(original.name == "web-\(hash)")
                #expect(original.metadata.labels?["pod-template-hash"] == hash)
                #expect(original.spec?[path: ["selector", "matchLabels", "pod-template-hash"]] == .string(hash))
                #expect(original.spec?[path: ["template", "metadata", "labels", "pod-template-hash"]] == .string(hash))
                #expect(original.metadata.annotations?[DeploymentPlan.revisionAnnotation] == "1")
                let scaled = try await cluster.events(about: "web", reason: "ScalingReplicaSet")
                #expect(scaled.first?.message == "Scaled up replica set \(original.name) from 0 to 4")
                #expect(scaled.first?.source?.component == "deployment-controller")

                // A new image: a second ReplicaSet (revision 2) takes over, the first ends at 0.
                let pods = try await cluster.watchPods("app=web")
                try await pods.waitUntil("4 pods of web listed", timeout: .seconds(90)) { $0.count == 4 }
                let listed = await pods.history.count
                let second = try await waitForRollout(of: "web", generation: try await cluster.setImage("web", "web:2"), deployments)
                #expect(second.metadata.annotations?[DeploymentPlan.revisionAnnotation] == "2")
                let afterUpdate = try await settled(sets, of: second, replicas: [0, 4])
                #expect(afterUpdate.map(\.revision) == [1, 2])
                #expect(afterUpdate.first?.uid == original.uid)
                #expect(afterUpdate.last?.image == "web:2")
                let updatedHash = try #require(afterUpdate.last?.templateHash)
                #expect(updatedHash != hash)
                try await pods.waitUntil("4 pods of web:2 only", timeout: .seconds(90)) { pods in
                    pods.count == 4 && pods.allSatisfy { $0.metadata.labels?["pod-template-hash"] == updatedHash }
                }

                // The first template again: its ReplicaSet comes back as revision 3, no third set is made.
                let third = try await waitForRollout(of: "web", generation: try await cluster.setImage("web", "web:1"), deployments)
                #expect(third.metadata.annotations?[DeploymentPlan.revisionAnnotation] == "3")
                let afterRollback = try await settled(sets, of: third, replicas: [0, 4])
                #expect(afterRollback.map(\.uid) == [afterUpdate[1].uid, original.uid])
                #expect(afterRollback.map(\.revision) == [2, 3])
                try await pods.waitUntil("4 pods of web:1 only", timeout: .seconds(90)) { pods in
                    pods.count == 4 && pods.allSatisfy { $0.metadata.labels?["pod-template-hash"] == hash }
                }

                // Throughout both rollouts: at least 4 - 1 pods available, at most 4 + 1 pods.
                checkRollingBounds(await pods.history, listed: listed, minAvailable: 3, maxPods: 5)
            }
        }

        @Test func recreateRemovesEveryOldPodBeforeMakingANewOne() async throws {
            try await WorkloadCluster.with { cluster in
                let deployments = try await cluster.watchDeployments()
                let sets = try await cluster.watchReplicaSets()
                let created = try await cluster.createDeployment("batch", replicas: 3, strategy: ["type": "Recreate"])
                let first = try await waitForRollout(of: "batch", generation: created.generation, deployments)
                let pods = try await cluster.watchPods("app=batch")
                let listed = try await pods.waitUntil("3 pods of batch listed", timeout: .seconds(90)) { $0.count == 3 }
                let oldHashes = Set(listed.compactMap { $0.metadata.labels?["pod-template-hash"] })
                #expect(oldHashes.count == 1)

                // One old pod takes its time to stop: the new ReplicaSet waits for it.
                try await cluster.hold([listed[0]])
                let generation = try await cluster.setImage("batch", "batch:2")
                try await sets.waitUntil("the old ReplicaSet at 0 with one pod terminating", timeout: .seconds(90)) { sets in
                    guard let old = sets.owned(by: first).first(where: { oldHashes.contains($0.templateHash ?? "") }) else { return false }
                    return old.replicas == 0 && old.count("replicas") == 0 && old.count("terminatingReplicas") == 1
                }
                try await deployments.waitUntil("batch's status at generation \(generation)", timeout: .seconds(90)) { deployments in
                    deployments.first { $0.name == "batch" }.map { $0.count("observedGeneration") == generation } ?? false
                }
                #expect(await pods.objects.map(\.name) == [listed[0].name], "only the held pod is left")
                try await cluster.hold([listed[0]], false)

                let second = try await waitForRollout(of: "batch", generation: generation, deployments)
                #expect(second.metadata.annotations?[DeploymentPlan.revisionAnnotation] == "2")
                #expect(first.uid == second.uid)
                var live: [String: Pod] = [:]
                var newPodsSeen = 0
                for (type, pod) in await pods.history {
                    if type == .deleted { live[pod.name] = nil } else { live[pod.name] = pod }
                    guard let hash = pod.metadata.labels?["pod-template-hash"], !oldHashes.contains(hash) else { continue }
                    if type == .added {
                        newPodsSeen += 1
                        let old = live.values.filter { oldHashes.contains($0.metadata.labels?["pod-template-hash"] ?? "") }
                        #expect(old.isEmpty, "new pod \(pod.name) made while \(old.map(\.name)) remained")
                    }
                }
                #expect(newPodsSeen == 3)
            }
        }

        @Test func revisionHistoryLimitKeepsOnlyThatManyOldReplicaSets() async throws {
            try await WorkloadCluster.with { cluster in
                let deployments = try await cluster.watchDeployments()
                let sets = try await cluster.watchReplicaSets()
                var generation = try await cluster.createDeployment("api", replicas: 2, extra: ["revisionHistoryLimit": 1]).generation
                var deployment = try await waitForRollout(of: "api", generation: generation, deployments)
                for version in 2...4 {
                    generation = try await cluster.setImage("api", "api:\(version)")
                    deployment = try await waitForRollout(of: "api", generation: generation, deployments)
                }
                let owner = deployment
                let kept = try await sets.waitUntil("two ReplicaSets of api left", timeout: .seconds(90)) { sets in
                    sets.owned(by: owner).count == 2
                }.owned(by: owner)
                #expect(kept.map(\.revision) == [3, 4])
                #expect(kept.map(\.image) == ["api:3", "api:4"])
                #expect(kept.map(\.replicas) == [0, 2])
            }
        }

        @Test func scalingTheDeploymentScalesItsCurrentReplicaSet() async throws {
            try await WorkloadCluster.with { cluster in
                let deployments = try await cluster.watchDeployments()
                let sets = try await cluster.watchReplicaSets()
                let created = try await cluster.createDeployment("cache", replicas: 2)
                let deployment = try await waitForRollout(of: "cache", generation: created.generation, deployments)
                let pods = try await cluster.watchPods("app=cache")
                for replicas: Int64 in [5, 1] {
                    let generation = try await cluster.patch("cache", ["spec": ["replicas": .int(replicas)]])
                    let scaled = try await waitForRollout(of: "cache", generation: generation, deployments)
                    #expect(scaled.metadata.annotations?[DeploymentPlan.revisionAnnotation] == "1", "scaling is no new revision")
                    let owned = try await settled(sets, of: deployment, replicas: [replicas])
                    #expect(owned.first?.metadata.annotations?["deployment.kubernetes.io/desired-replicas"] == String(replicas))
                    try await pods.waitUntil("\(replicas) pods of cache", timeout: .seconds(90)) { pods in
                        pods.count == replicas && pods.allSatisfy(\.servesTraffic)
                    }
                }
            }
        }
    }
}

extension WorkloadClusterTests.DeploymentControllerTests {
    /// `kubectl rollout pause`: template changes wait for the resume, scaling still happens.
    /// The Deployment concept page's example: 10 replicas, maxSurge 3, maxUnavailable 2, an image that
    /// never gets ready (8 old and 5 new pods), then scaled to 15: 3 more old, 2 more new.
    @Test func aDeploymentScaledMidRolloutGrowsItsSetsInProportion() async throws {
        try await WorkloadCluster.with { cluster in
            let deployments = try await cluster.watchDeployments()
            let sets = try await cluster.watchReplicaSets()
            let created = try await cluster.createDeployment(
                "nginx", replicas: 10, strategy: ["type": "RollingUpdate", "rollingUpdate": ["maxSurge": 3, "maxUnavailable": 2]])
            let first = try await waitForRollout(of: "nginx", generation: created.generation, deployments)
            try await cluster.setImage("nginx", "nginx:fail")
            let halfway = try await settled(sets, of: first, replicas: [8, 5])
            #expect(halfway[0].metadata.annotations?[DeploymentPlan.maxReplicasAnnotation] == "13")
            try await cluster.patch("nginx", ["spec": ["replicas": 15]])
            let scaled = try await settled(sets, of: first, replicas: [11, 7])
            for set in scaled {
                #expect(set.metadata.annotations?[DeploymentPlan.desiredReplicasAnnotation] == "15")
                #expect(set.metadata.annotations?[DeploymentPlan.maxReplicasAnnotation] == "18")
            }
            // Scaled down to 0 mid-rollout: every set goes to 0.
            try await cluster.patch("nginx", ["spec": ["replicas": 0]])
            _ = try await settled(sets, of: first, replicas: [0, 0])
        }
    }

    @Test func aPausedDeploymentScalesButStartsNoRolloutUntilResumed() async throws {
        try await WorkloadCluster.with { cluster in
            let deployments = try await cluster.watchDeployments()
            let sets = try await cluster.watchReplicaSets()
            let created = try await cluster.createDeployment("queue", replicas: 2)
            let first = try await waitForRollout(of: "queue", generation: created.generation, deployments)
            try await cluster.patch("queue", ["spec": ["paused": true]])
            let changed = try await cluster.setImage("queue", "queue:2")
            let paused = try await deployments.waitUntil("queue's status paused at \(changed)", timeout: .seconds(90)) {
                deployments in
                guard let deployment = deployments.first(where: { $0.name == "queue" }) else { return false }
                return deployment.count("observedGeneration") == changed
                    && deployment.condition("Progressing")?["reason"] == "DeploymentPaused"
            }.first { $0.name == "queue" }
            #expect(paused?.revision == 1)
            // Read after the status was written: a set made before it would be listed.
            let listed = try await cluster.client.list(ReplicaSet.self, namespace: WorkloadCluster.namespace)
            #expect(listed.items.owned(by: first).map(\.image) == ["queue:1"], "no new ReplicaSet while paused")

            // Scaled while paused: the current set follows.
            try await cluster.patch("queue", ["spec": ["replicas": 3]])
            let scaled = try await settled(sets, of: first, replicas: [3])
            #expect(scaled.first?.image == "queue:1")

            // Resumed: the new template rolls out.
            let resumed = try await waitForRollout(of: "queue", generation: try await cluster.patch("queue", ["spec": ["paused": false]]), deployments)
            #expect(resumed.revision == 2)
            let after = try await settled(sets, of: first, replicas: [0, 3])
            #expect(after.map(\.image) == ["queue:1", "queue:2"])
        }
    }
}

extension WorkloadClusterTests.DeploymentControllerTests {
    /// A new template whose pods never become Ready: the old pods keep serving, and once nothing moved
    /// for `progressDeadlineSeconds` the rollout is reported failed; going back to the old template heals it.
    @Test func aStuckRolloutKeepsTheOldPodsAndExceedsItsProgressDeadline() async throws {
        try await WorkloadCluster.with { cluster in
            let deployments = try await cluster.watchDeployments()
            let sets = try await cluster.watchReplicaSets()
            let created = try await cluster.createDeployment("stuck", replicas: 3)
            let first = try await waitForRollout(of: "stuck", generation: created.generation, deployments)
            let pods = try await cluster.watchPods("app=stuck")
            try await pods.waitUntil("3 pods of stuck listed", timeout: .seconds(90)) { $0.count == 3 }
            let listed = await pods.history.count

            // NodeSim never makes a `:fail` image Ready. 25% of 3: one pod of surge, none unavailable.
            let failing = try await cluster.patch(
                "stuck",
                ["spec": ["progressDeadlineSeconds": 2, "template": WorkloadCluster.template(app: "stuck", image: "stuck:fail")]])
            let failed = try await deployments.waitUntil("stuck past its progress deadline", timeout: .seconds(90)) { deployments in
                guard let deployment = deployments.first(where: { $0.name == "stuck" }) else { return false }
                return deployment.count("observedGeneration") == failing
                    && deployment.condition("Progressing")?["reason"] == "ProgressDeadlineExceeded"
            }.first { $0.name == "stuck" }
            #expect(failed?.condition("Progressing")?["status"] == "False")
            #expect(failed?.condition("Available")?["status"] == "True")
            #expect(failed?.count("availableReplicas") == 3 && failed?.count("updatedReplicas") == 1)
            #expect(try await settled(sets, of: first, replicas: [3, 1]).map(\.revision) == [1, 2])

            // Back to the first template: its set is revision 3 and the failing pod goes.
            let healed = try await waitForRollout(of: "stuck", generation: try await cluster.setImage("stuck", "stuck:1"), deployments)
            #expect(healed.revision == 3)
            #expect(healed.condition("Progressing")?["status"] == "True")
            #expect(try await settled(sets, of: first, replicas: [0, 3]).map(\.revision) == [2, 3])
            checkRollingBounds(await pods.history, listed: listed, minAvailable: 3, maxPods: 4)
        }
    }

    /// `minReadySeconds`: a Ready pod counts as available only after that long; a change of it reaches
    /// the current ReplicaSet. (3 s: the Ready time is kept in whole seconds, so the wait seen can be
    /// up to one second shorter.)
    @Test func minReadySecondsDelaysAvailabilityAndFollowsTheDeployment() async throws {
        try await WorkloadCluster.with { cluster in
            let deployments = try await cluster.watchDeployments()
            let sets = try await cluster.watchReplicaSets()
            let created = try await cluster.createDeployment("slow", replicas: 2, extra: ["minReadySeconds": 3])
            let done = try await waitForRollout(of: "slow", generation: created.generation, deployments)
            let states = await deployments.history.map(\.object).filter { $0.name == "slow" }
            #expect(states.contains { $0.count("readyReplicas") > $0.count("availableReplicas") }, "Ready before available")
            #expect(try await settled(sets, of: done, replicas: [2]).first?.spec?["minReadySeconds"] == 3)

            let changed = try await cluster.patch("slow", ["spec": ["minReadySeconds": 0]])
            try await waitForRollout(of: "slow", generation: changed, deployments)
            try await sets.waitUntil("slow's ReplicaSet with minReadySeconds 0", timeout: .seconds(90)) { sets in
                sets.owned(by: done).map { $0.spec?["minReadySeconds"] } == [0]
            }
        }
    }
}

/// Waits until the Deployment has observed `generation` and its rollout is complete; returns it.
@discardableResult
func waitForRollout(of name: String, generation: Int64, _ deployments: Watched<Deployment>) async throws -> Deployment {
    let reached = try await deployments.waitUntil("rollout of \(name) at generation \(generation)", timeout: .seconds(90)) {
        deployments in
        guard let deployment = deployments.first(where: { $0.name == name }) else { return false }
        return deployment.generation == generation && deployment.rolloutComplete
            && deployment.condition("Progressing")?["reason"] == "NewReplicaSetAvailable"
    }
    return try #require(reached.first { $0.name == name })
}

/// The Deployment's ReplicaSets, oldest revision first, once their desired and current replicas are
/// `replicas` (the ReplicaSet watch may be a moment behind the Deployment's).
func settled(_ sets: Watched<ReplicaSet>, of deployment: Deployment, replicas: [Int64]) async throws -> [ReplicaSet] {
    try await sets.waitUntil("ReplicaSets of \(deployment.name) at \(replicas)", timeout: .seconds(90)) { sets in
        let owned = sets.owned(by: deployment)
        return owned.map(\.replicas) == replicas && owned.map { $0.count("replicas") } == replicas
    }.owned(by: deployment)
}

/// Replays the pods' states in the order the server made them and checks, after every one past the
/// first `listed` (the initial list), that at least `minAvailable` pods serve (Ready, not being deleted)
/// and at most `maxPods` are not being deleted.
func checkRollingBounds(
    _ history: [(type: WatchEventType, object: Pod)], listed: Int, minAvailable: Int, maxPods: Int,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    var live: [String: Pod] = [:]
    for (index, (type, pod)) in history.enumerated() {
        if type == .deleted { live[pod.name] = nil } else { live[pod.name] = pod }
        guard index >= listed - 1 else { continue }
        let available = live.values.filter(\.servesTraffic).count
        let active = live.values.filter { !$0.isTerminating }.count
        #expect(available >= minAvailable, "\(available) available after \(type) of \(pod.name)", sourceLocation: sourceLocation)
        #expect(active <= maxPods, "\(active) pods after \(type) of \(pod.name)", sourceLocation: sourceLocation)
    }
}

extension Array {
    /// The one element, nil when there are none or several.
    var only: Element? { count == 1 ? first : nil }
}
