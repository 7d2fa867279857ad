import Foundation
import KubeClient
import KubeModel
import SteadTestSupport
import Testing

@testable import Workloads

/// The arithmetic every PodDisruptionBudget's status and every eviction share.
@Suite struct DisruptionBudgetArithmeticTests {
    static func pods(healthy: Int, unready: Int, finished: Int, other: Int = 1) -> [DisruptionBudget.Member] {
        let db = ["app": "db"]
        return Array(repeating: .init(labels: db, isHealthy: true, hasFinished: false), count: healthy)
            + Array(repeating: .init(labels: db, isHealthy: false, hasFinished: false), count: unready)
            + Array(repeating: .init(labels: db, isHealthy: false, hasFinished: true), count: finished)
            + Array(repeating: .init(labels: ["app": "web"], isHealthy: true, hasFinished: false), count: other)
    }

    @Test(arguments: [
        (#"{"minAvailable": 2}"#, 4, 3, 2, 1),
        (#"{"minAvailable": "50%"}"#, 4, 3, 2, 1),
        (#"{"minAvailable": "60%"}"#, 4, 3, 3, 0),
        (#"{"maxUnavailable": 1}"#, 4, 3, 3, 0),
        (#"{"maxUnavailable": "50%"}"#, 4, 3, 2, 1),
        (#"{}"#, 4, 3, 0, 3),
    ])
    func budgets(spec: String, expected: Int64, healthy: Int64, desired: Int64, allowed: Int64) throws {
        var budget = try KubeJSON.parse(Data(spec.utf8))
        budget["selector"] = ["matchLabels": ["app": "db"]]
        let counts = DisruptionBudget(spec: budget, pods: Self.pods(healthy: 3, unready: 1, finished: 2))
        #expect(counts.expectedPods == expected, "finished pods and others' do not count")
        #expect(counts.currentHealthy == healthy)
        #expect(counts.desiredHealthy == desired)
        #expect(counts.disruptionsAllowed == allowed)
    }

    @Test func aBudgetWithoutSelectorSelectsNothing() {
        let counts = DisruptionBudget(spec: ["minAvailable": 1], pods: Self.pods(healthy: 3, unready: 0, finished: 0))
        #expect(counts.expectedPods == 0 && counts.disruptionsAllowed == 0)
    }
}

extension WorkloadClusterTests {
    /// The disruption controller's status on a budget, as pods of a ReplicaSet come, get Ready and go.
    @Suite(.serialized, .timeLimit(.minutes(3)))
    struct DisruptionBudgetControllerTests {
        @Test func theStatusCountsTheSelectedPodsAsTheyComeAndGo() async throws {
            try await WorkloadCluster.with { cluster in
                let budgets = try await cluster.watchDisruptionBudgets()
                let budget: JSONValue = [
                    "apiVersion": "policy/v1", "kind": "PodDisruptionBudget",
                    "metadata": ["name": "db", "namespace": .string(WorkloadCluster.namespace)],
                    "spec": ["minAvailable": 2, "selector": ["matchLabels": ["app": "db"]]],
                ]
                _ = try await cluster.client.create(PodDisruptionBudget.resourceType, budget, namespace: WorkloadCluster.namespace)
                try await budgets.waitUntil("an empty budget's status", timeout: .seconds(60)) { budgets in
                    counts(budgets.first) == [0, 0, 2, 0]
                }

                _ = try await cluster.createReplicaSet("db", replicas: 3)
                let counted = try await budgets.waitUntil("3 healthy of 2 needed", timeout: .seconds(90)) { budgets in
                    counts(budgets.first) == [3, 3, 2, 1]
                }
                let condition = counted.first?.status?["conditions"]?.arrayValue?.first
                #expect(condition?["type"] == "DisruptionAllowed" && condition?["status"] == "True")
                #expect(condition?["reason"] == "SufficientPods" && condition?["lastTransitionTime"]?.stringValue != nil)

                _ = try await cluster.client.patch(
                    ReplicaSet.self, name: "db", namespace: WorkloadCluster.namespace, patch: .merge(["spec": ["replicas": 2]]))
                let scaled = try await budgets.waitUntil("2 healthy of 2 needed", timeout: .seconds(90)) { budgets in
                    counts(budgets.first) == [2, 2, 2, 0]
                }
                #expect(scaled.first?.status?["conditions"]?.arrayValue?.first?["reason"] == "InsufficientPods")
            }
        }

        /// expectedPods, currentHealthy, desiredHealthy, disruptionsAllowed, once the status is of the
        /// budget's generation.
        private func counts(_ budget: PodDisruptionBudget?) -> [Int64]? {
            guard let budget, let status = budget.status, status["observedGeneration"]?.intValue == budget.generation else {
                return nil
            }
            return ["expectedPods", "currentHealthy", "desiredHealthy", "disruptionsAllowed"].map { status[$0]?.intValue ?? -1 }
        }
    }
}
