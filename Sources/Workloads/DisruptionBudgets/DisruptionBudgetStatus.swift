import Foundation
import KubeModel

/// The status kube-controller-manager's disruption controller writes on a PodDisruptionBudget: the
/// counts of ``DisruptionBudget`` and the `DisruptionAllowed` condition (its transition time kept while
/// its status holds).
enum DisruptionBudgetStatus {
    static func status(of budget: PodDisruptionBudget, pods: [Pod], now: Date) -> JSONValue {
        let counts = DisruptionBudget(spec: budget.spec, pods: pods.map(DisruptionBudget.Member.init))
        let allowed = counts.disruptionsAllowed > 0
        var condition: JSONValue = [
            "type": "DisruptionAllowed", "status": allowed ? "True" : "False",
            "reason": allowed ? "SufficientPods" : "InsufficientPods", "message": "",
            "observedGeneration": .int(budget.generation), "lastTransitionTime": .string(KubeTime(now).description),
        ]
        let previous = budget.status?["conditions"]?.arrayValue?.first { $0["type"] == "DisruptionAllowed" }
        if let previous, previous["status"] == condition["status"], let since = previous["lastTransitionTime"] {
            condition["lastTransitionTime"] = since
        }
        return [
            "observedGeneration": .int(budget.generation), "expectedPods": .int(counts.expectedPods),
            "currentHealthy": .int(counts.currentHealthy), "desiredHealthy": .int(counts.desiredHealthy),
            "disruptionsAllowed": .int(counts.disruptionsAllowed), "conditions": [condition],
        ]
    }
}
