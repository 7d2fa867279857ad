import KubeClient
import KubeModel
import SteadTestSupport
import Testing

@testable import Workloads

extension WorkloadClusterTests {
    /// A ReplicaSet against the real API server, simulated nodes and the scheduler: its pods, a
    /// replacement, a scale-down and the status, as kube-controller-manager's replicaset controller keeps them.
    @Suite(.serialized, .timeLimit(.minutes(3)))
    struct ReplicaSetControllerTests {
        @Test func keepsItsPodsReplacesADeletedOneScalesDownAndReportsStatus() async throws {
            try await WorkloadCluster.with { cluster in
                let set = try await cluster.createReplicaSet("frontend", replicas: 3)
                let pods = try await cluster.watchPods("app=frontend")
                let sets = try await cluster.watchReplicaSets()

                // Three pods made from the template, controlled by the set, then Ready on the nodes.
                let ready = try await pods.waitUntil("3 pods of frontend Ready", timeout: .seconds(90)) { pods in
                    pods.count == 3 && pods.allSatisfy { $0.isReady && !$0.isTerminating }
                }
                for pod in ready {
                    #expect(pod.metadata.generateName == "frontend-")
                    #expect(pod.name.hasPrefix("frontend-") && pod.name.count > "frontend-".count)
                    #expect(pod.metadata.labels == ["app": "frontend", "tier": "web"])
                    let owner = try #require(pod.metadata.controllerReference)
                    #expect(owner.apiVersion == "apps/v1" && owner.kind == "ReplicaSet" && owner.name == "frontend")
                    #expect(owner.uid == set.metadata.uid && owner.blockOwnerDeletion == true)
                    #expect(pod.spec?.nodeName?.isEmpty == false, "placed by the scheduler")
                }
                try await sets.waitUntil("frontend's status counts 3 available", timeout: .seconds(90)) { sets in
                    guard let set = sets.first(where: { $0.name == "frontend" }) else { return false }
                    return set.count("replicas") == 3 && set.count("readyReplicas") == 3 && set.count("availableReplicas") == 3
                        && set.count("fullyLabeledReplicas") == 3 && set.count("observedGeneration") == set.generation
                }

                // A deleted pod is replaced by a new one.
                let victim = ready[0].name
                try await cluster.client.delete(Pod.self, name: victim, namespace: WorkloadCluster.namespace)
                let replaced = try await pods.waitUntil("a replacement for \(victim), Ready", timeout: .seconds(90)) { pods in
                    pods.count == 3 && !pods.contains { $0.name == victim } && pods.allSatisfy { $0.isReady && !$0.isTerminating }
                }
                #expect(Set(replaced.map(\.name)).subtracting(ready.map(\.name)).count == 1)

                // Scaled down to 1: the two others are deleted, the status follows the new generation.
                let scaled = try await cluster.client.patch(
                    ReplicaSet.self, name: "frontend", namespace: WorkloadCluster.namespace, patch: .merge(["spec": ["replicas": 1]]))
                try await pods.waitUntil("frontend down to 1 pod", timeout: .seconds(90)) { pods in
                    pods.count == 1 && pods[0].isReady && !pods[0].isTerminating
                }
                let final = try await sets.waitUntil("frontend's status at 1", timeout: .seconds(90)) { sets in
                    guard let set = sets.first(where: { $0.name == "frontend" }) else { return false }
                    return set.count("observedGeneration") == scaled.generation && set.count("replicas") == 1
                        && set.count("readyReplicas") == 1 && set.count("availableReplicas") == 1
                }
                #expect(scaled.generation == set.generation + 1)
                #expect(final.count == 1)
                // Never more than the replicas asked for, not counting those being deleted.
                var live: [String: Pod] = [:]
                for (type, pod) in await pods.history {
                    if type == .deleted { live[pod.name] = nil } else { live[pod.name] = pod }
                    #expect(live.values.filter(\.isActive).count <= 3, "more than 3 active pods after \(type) of \(pod.name)")
                }
            }
        }

        /// A pod being deleted no longer counts (client-go's expectations see the deletionTimestamp): the
        /// status drops at once, and a scale-up makes new pods while the old ones still terminate.
        @Test func podsStillTerminatingNoLongerCount() async throws {
            try await WorkloadCluster.with { cluster in
                try await cluster.createReplicaSet("backend", replicas: 3)
                let pods = try await cluster.watchPods("app=backend")
                let sets = try await cluster.watchReplicaSets()
                let first = try await pods.waitUntil("3 pods of backend Ready", timeout: .seconds(90)) { pods in
                    pods.count == 3 && pods.allSatisfy(\.servesTraffic)
                }
                try await cluster.hold(first)

                // Scaled to 1: two pods are deleted and stay terminating; the status counts the one left.
                let down = try await cluster.client.patch(
                    ReplicaSet.self, name: "backend", namespace: WorkloadCluster.namespace, patch: .merge(["spec": ["replicas": 1]]))
                let terminating = try await pods.waitUntil("2 pods of backend terminating", timeout: .seconds(90)) { pods in
                    pods.count == 3 && pods.filter(\.isTerminating).count == 2
                }.filter(\.isTerminating)
                // Within the 30 s the expectations would otherwise wait for the pods to be gone.
                try await sets.waitUntil("backend's status at 1 with 2 terminating", timeout: .seconds(90)) { sets in
                    guard let set = sets.first(where: { $0.name == "backend" }) else { return false }
                    return set.count("observedGeneration") == down.generation && set.count("replicas") == 1
                        && set.count("availableReplicas") == 1 && set.count("terminatingReplicas") == 2
                }

                // Scaled back to 3: two new pods while the old two still terminate.
                let up = try await cluster.client.patch(
                    ReplicaSet.self, name: "backend", namespace: WorkloadCluster.namespace, patch: .merge(["spec": ["replicas": 3]]))
                try await pods.waitUntil("3 pods of backend Ready beside 2 terminating", timeout: .seconds(90)) { pods in
                    pods.count == 5 && pods.filter(\.servesTraffic).count == 3
                }
                try await sets.waitUntil("backend's status at 3", timeout: .seconds(90)) { sets in
                    guard let set = sets.first(where: { $0.name == "backend" }) else { return false }
                    return set.count("observedGeneration") == up.generation && set.count("replicas") == 3
                        && set.count("availableReplicas") == 3 && set.count("terminatingReplicas") == 2
                }

                // Let go, the old pods are gone and the status says so.
                try await cluster.hold(terminating, false)
                try await pods.waitUntil("3 pods of backend", timeout: .seconds(90)) { $0.count == 3 }
                try await sets.waitUntil("backend's status with none terminating", timeout: .seconds(90)) { sets in
                    sets.first(where: { $0.name == "backend" })?.count("terminatingReplicas") == 0
                }
                try await cluster.hold(await pods.objects, false)
            }
        }
    }
}
