import Foundation
import KubeModel

/// Merging conditions: a condition whose status did not change keeps its lastTransitionTime.
public enum ConditionList {
    public static func setting(
        _ condition: StatefulPodSetCondition, in conditions: [StatefulPodSetCondition], now: Date
    ) -> [StatefulPodSetCondition] {
        var result = conditions
        var updated = condition
        if let index = result.firstIndex(where: { $0.type == condition.type }) {
            let previous = result[index]
            updated.lastTransitionTime =
                previous.status == condition.status ? (previous.lastTransitionTime ?? KubeTime(now)) : KubeTime(now)
            result[index] = updated
        } else {
            updated.lastTransitionTime = KubeTime(now)
            result.append(updated)
        }
        return result
    }
}
