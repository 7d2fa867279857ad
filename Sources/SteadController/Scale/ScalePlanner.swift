import KubeModel

/// Creation and deletion of ordinals, as a StatefulSet does it.
///
/// - OrderedReady: creates the lowest missing ordinal only when every lower one is Running and Ready, one
///   per reconcile; removes the highest extra ordinal only when every pod below it is Running and Ready
///   and none is terminating.
/// - Parallel: creates every missing ordinal and removes every extra one at once.
/// - Failed pods are deleted so they are created again.
public enum ScalePlanner {
    public static func plan(
        set: StatefulPodSet, pods: [Pod], currentRevision: String, updateRevision: String,
        existingClaims: [PersistentVolumeClaim] = []
    ) -> ScalePlan {
        let spec = set.spec.withDefaults()
        let replicas = spec.effectiveReplicas
        let ordered = spec.effectivePodManagementPolicy == .orderedReady
        let podsByOrdinal = set.podsByOrdinal(pods)
        var plan = ScalePlan()

        for ordinal in podsByOrdinal.keys.sorted(by: >) where ordinal < replicas {
            let pod = podsByOrdinal[ordinal]!
            if pod.hasFinished, !pod.isTerminating {
                plan.delete.append(PodDeletion(ordinal: ordinal, name: pod.name, reason: "pod \(pod.status?.phase ?? "")"))
            }
        }

        for ordinal in 0..<replicas where podsByOrdinal[ordinal] == nil {
            let revision = ordinal < spec.effectivePartition && spec.effectiveUpdateStrategyType == .rollingUpdate
                ? currentRevision : updateRevision
            let creation = PodCreation(
                ordinal: ordinal, name: PodNaming.podName(setName: set.name, ordinal: ordinal), revision: revision)
            if ordered {
                if let blocker = firstNotReady(podsByOrdinal, below: ordinal) {
                    plan.waitReason = "waiting for \(blocker) to be Running and Ready before creating \(creation.name)"
                } else {
                    plan.create.append(creation)
                }
                break
            }
            plan.create.append(creation)
        }

        let extras = podsByOrdinal.keys.filter { $0 >= replicas }.sorted(by: >)
        for ordinal in extras {
            let pod = podsByOrdinal[ordinal]!
            if pod.isTerminating {
                if ordered {
                    plan.waitReason = plan.waitReason ?? "waiting for \(pod.name) to terminate"
                    break
                }
                continue
            }
            if ordered {
                if !plan.create.isEmpty || plan.waitReason != nil { break }
                if let blocker = firstNotReady(podsByOrdinal, below: ordinal) {
                    plan.waitReason = "waiting for \(blocker) to be Running and Ready before deleting \(pod.name)"
                    break
                }
                plan.delete.append(PodDeletion(ordinal: ordinal, name: pod.name, reason: "scale down to \(replicas)"))
                break
            }
            plan.delete.append(PodDeletion(ordinal: ordinal, name: pod.name, reason: "scale down to \(replicas)"))
        }

        plan.deleteClaims = ClaimRetention.claimsToDelete(
            set: set, pods: pods, existingClaims: existingClaims, deletingPods: plan.delete.map(\.ordinal))
        return plan
    }

    /// The name of the first pod below `ordinal` that is missing or not Running and Ready (or terminating).
    static func firstNotReady(_ pods: [Int: Pod], below ordinal: Int) -> String? {
        for lower in 0..<ordinal {
            guard let pod = pods[lower] else { return "ordinal \(lower)" }
            if !pod.isRunningAndReady { return pod.name }
        }
        return nil
    }
}
