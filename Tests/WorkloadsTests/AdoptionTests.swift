import Foundation
import KubeClient
import KubeModel
import SteadTestSupport
import Testing

@testable import Workloads

extension WorkloadClusterTests {
    /// Controllers adopt the orphans their selector matches and release what no longer matches, as the
    /// ReplicaSet and garbage collection pages describe: a workload deleted with `--cascade=orphan` and
    /// made again takes its objects back instead of making new ones; a pod relabelled out of a ReplicaSet
    /// is let go and replaced.
    @Suite(.serialized, .timeLimit(.minutes(3)))
    struct AdoptionTests {
        private var namespace: String { WorkloadCluster.namespace }

        @Test func aReplicaSetAdoptsMatchingOrphansAndReleasesARelabelledPod() async throws {
            try await WorkloadCluster.with { cluster in
                let pods = try await cluster.watchPods("app=web")
                var orphan = Pod(
                    metadata: ObjectMeta(name: "stray", namespace: namespace, labels: ["app": "web", "tier": "web"]),
                    spec: PodSpec(containers: [Container(name: "main", image: "web:0")]))
                orphan.spec?.schedulerName = "default-scheduler"
                let created = try await cluster.client.create(orphan)
                let set = try await cluster.createReplicaSet("web", replicas: 3)
                let three = try await pods.waitUntil("3 pods of web, the stray one adopted", timeout: .seconds(90)) { pods in
                    pods.count == 3 && pods.allSatisfy { $0.metadata.controllerReference?.uid == set.metadata.uid }
                }
                let stray = try #require(three.first { $0.name == "stray" }, "the orphan is kept, not replaced")
                #expect(stray.metadata.uid == created.metadata.uid)
                #expect(stray.metadata.controllerReference?.kind == "ReplicaSet")
                #expect(stray.metadata.controllerReference?.blockOwnerDeletion == true)

                // Taken out of the set by its label: released (no owner) and replaced.
                _ = try await cluster.client.patch(
                    Pod.self, name: "stray", namespace: namespace, patch: .merge(["metadata": ["labels": ["app": "debug"]]]))
                try await pods.waitUntil("a replacement", timeout: .seconds(90)) { pods in
                    pods.count == 3 && !pods.contains { $0.name == "stray" }
                }
                let released = try await cluster.client.get(Pod.self, name: "stray", namespace: namespace)
                #expect(released.metadata.ownerReferences == nil)
                #expect(!released.isTerminating)
            }
        }

        @Test func aDeploymentMadeAgainAfterAnOrphaningDeleteTakesItsReplicaSetBack() async throws {
            try await WorkloadCluster.with { cluster in
                let deployments = try await cluster.watchDeployments()
                let sets = try await cluster.watchReplicaSets()
                let first = try await waitForRollout(
                    of: "api", generation: try await cluster.createDeployment("api", replicas: 2).generation, deployments)
                let before = try await settled(sets, of: first, replicas: [2])
                let pods = try await cluster.client.list(Pod.self, namespace: namespace, options: ListOptions(labelSelector: "app=api"))
                try await cluster.client.delete(
                    Deployment.self, name: "api", namespace: namespace, options: DeleteOptions(propagationPolicy: .orphan))
                try await sets.waitUntil("the ReplicaSet orphaned", timeout: .seconds(60)) { sets in
                    sets.first { $0.name == before[0].name }?.metadata.ownerReferences == nil
                }

                let again = try await cluster.createDeployment("api", replicas: 2)
                let second = try await waitForRollout(of: "api", generation: again.generation, deployments)
                let after = try await settled(sets, of: second, replicas: [2])
                #expect(after.map(\.uid) == before.map(\.uid), "the same ReplicaSet, now owned by the new Deployment")
                #expect(second.metadata.annotations?[DeploymentPlan.revisionAnnotation] == "1")
                let now = try await cluster.client.list(Pod.self, namespace: namespace, options: ListOptions(labelSelector: "app=api"))
                #expect(Set(now.items.compactMap(\.metadata.uid)) == Set(pods.items.compactMap(\.metadata.uid)), "no pod replaced")
            }
        }

        @Test func aStatefulSetMadeAgainAdoptsItsPodsByName() async throws {
            try await WorkloadCluster.with { cluster in
                let body: JSONValue = [
                    "apiVersion": "apps/v1", "kind": "StatefulSet", "metadata": ["name": "db", "namespace": .string(namespace)],
                    "spec": [
                        "replicas": 2, "serviceName": "db", "selector": ["matchLabels": ["app": "db"]],
                        "template": WorkloadCluster.template(app: "db", image: "db:1"),
                    ],
                ]
                let pods = try await cluster.watchPods("app=db")
                _ = try await cluster.client.create(StatefulSet.resourceType, body, namespace: namespace)
                let running = try await pods.waitUntil("db-0 and db-1 ready", timeout: .seconds(90)) { pods in
                    pods.map(\.name) == ["db-0", "db-1"] && pods.allSatisfy(\.isReady)
                }
                try await cluster.client.delete(
                    StatefulSet.self, name: "db", namespace: namespace, options: DeleteOptions(propagationPolicy: .orphan))
                try await pods.waitUntil("the pods orphaned", timeout: .seconds(60)) { pods in
                    pods.count == 2 && pods.allSatisfy { $0.metadata.ownerReferences == nil }
                }
                // A pod of the same labels but not named as an ordinal of the set is not taken.
                var stranger = Pod(
                    metadata: ObjectMeta(name: "db-backup", namespace: namespace, labels: ["app": "db"]),
                    spec: PodSpec(containers: [Container(name: "main", image: "db:1")]))
                stranger.spec?.schedulerName = "default-scheduler"
                _ = try await cluster.client.create(stranger)

                let again = try await cluster.client.create(StatefulSet.resourceType, body, namespace: namespace)
                let adopted = try await pods.waitUntil("both pods adopted", timeout: .seconds(90)) { pods in
                    pods.filter { $0.metadata.controllerReference?.uid == again[path: ["metadata", "uid"]]?.stringValue }.count == 2
                }
                #expect(Set(adopted.filter { $0.name != "db-backup" }.compactMap(\.metadata.uid)) == Set(running.compactMap(\.metadata.uid)))
                #expect(adopted.first { $0.name == "db-backup" }?.metadata.ownerReferences == nil)
            }
        }
    }
}
