import Foundation
import KubeClient
import KubeModel
import SteadTestSupport
import Testing

extension EndToEnd {
    /// A plain apps/v1 StatefulSet that names Stead's scheduler, driven by the cluster's own StatefulSet
    /// controller: `kubectl set image` deletes and recreates every pod, and Stead sends each back to the
    /// node its predecessor ran on (one node checked, no scoring); scaling down and deleting the set keep
    /// no capacity for pods that will not come back.
    @Suite("native StatefulSet", .serialized)
    struct NativeStatefulSet {
        static func statefulSet(pool: String) -> JSONValue {
            [
                "apiVersion": "apps/v1", "kind": "StatefulSet", "metadata": ["name": "cache"],
                "spec": [
                    "replicas": 3, "serviceName": "cache", "podManagementPolicy": "Parallel",
                    "selector": ["matchLabels": ["app": "cache"]],
                    "template": [
                        "metadata": ["labels": ["app": "cache"]],
                        "spec": [
                            "schedulerName": "stead",
                            "nodeSelector": .object([SimulatedPool.label: .string(pool)]),
                            "containers": [["name": "redis", "image": "redis:7.4", "resources": ["requests": ["cpu": "500m"]]]],
                        ],
                    ],
                ],
            ]
        }

        @Test func recreatedPodsGoBackToTheirNodes() async throws {
            try await Scenario.run("native", nodes: 4) { scenario in
                let leader = try await scenario.installation.replicas.leader()
                try await scenario.apply(Self.statefulSet(pool: scenario.pool.name))
                try await scenario.kubectl.succeed(
                    ["rollout", "status", "statefulset/cache", "-n", scenario.namespace, "--timeout=120s"])
                let before = try await pods(scenario)
                #expect(before.count == 3)
                let stickyBefore = await counter("stead_scheduler_sticky_binds_total", leader)
                let attemptsBefore = await counter(#"stead_scheduler_schedule_attempts_total{result="scheduled"}"#, leader)

                try await scenario.kubectl.succeed(
                    ["set", "image", "statefulset/cache", "redis=redis:7.4.1", "-n", scenario.namespace])
                try await scenario.kubectl.succeed(
                    ["rollout", "status", "statefulset/cache", "-n", scenario.namespace, "--timeout=180s"])
                let after = try await pods(scenario)
                for (name, pod) in after {
                    let was = try #require(before[name])
                    #expect(pod.metadata.uid != was.metadata.uid, "\(name) was not recreated by the StatefulSet controller")
                    #expect(pod.spec?.nodeName == was.spec?.nodeName, "\(name) moved")
                    #expect(pod.spec?.containers.first?.image == "redis:7.4.1")
                }
                #expect(await counter("stead_scheduler_sticky_binds_total", leader) - stickyBefore == 3)
                #expect(await counter(#"stead_scheduler_schedule_attempts_total{result="scheduled"}"#, leader) == attemptsBefore,
                        "a recreated pod went through filter and score")

                try await scenario.kubectl.succeed(["scale", "statefulset/cache", "--replicas=1", "-n", scenario.namespace])
                let watched = try await Watched<Pod>.start(
                    client: scenario.admin, namespace: scenario.namespace, labelSelector: "app=cache")
                try await watched.waitUntil("cache scaled to one pod") { $0.map(\.name) == ["cache-0"] }
                try await expectNoReservation(scenario, "after scaling the StatefulSet down")
                try await scenario.kubectl.succeed(["delete", "statefulset", "cache", "-n", scenario.namespace])
                try await watched.waitUntil("the StatefulSet's pods gone") { $0.isEmpty }
                await watched.stop()
                try await expectNoReservation(scenario, "after deleting the StatefulSet")
            }
        }

        /// The rollouts of `WorkloadChecks` on the real control plane (its StatefulSet and Deployment
        /// controllers, kube-scheduler for the Deployment): what `stead up`'s test expects of it too.
        @Test func theSharedWorkloadChecksAnswerAsOnStead() async throws {
            try await Scenario.run("workloads", nodes: 3) { scenario in
                let seen = try await WorkloadChecks.rollouts(
                    kubectl: try #require(E2EConfiguration.kubectl), kubeconfig: try #require(E2EConfiguration.kubeconfig),
                    client: scenario.admin, namespace: scenario.namespace,
                    nodeSelector: [SimulatedPool.label: scenario.pool.name])
                #expect(seen == WorkloadChecks.expected, "\(seen.differences(from: WorkloadChecks.expected))")
            }
        }

        func pods(_ scenario: Scenario) async throws -> [String: Pod] {
            let list = try await scenario.admin.list(
                Pod.self, namespace: scenario.namespace, options: ListOptions(labelSelector: "app=cache"))
            return Dictionary(uniqueKeysWithValues: list.items.map { ($0.name, $0) })
        }

        func counter(_ series: String, _ leader: SteadReplicas.Replica) async -> Double {
            await SteadReplicas.metricValue(series, of: leader) ?? -1
        }
    }
}
