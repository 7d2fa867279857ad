import Foundation
import KubeModel

/// The StatefulSet controller's decisions, pure: the pods of each ordinal, the revision a missing pod
/// gets, what to create, delete or wait for next (OrderedReady one at a time, Parallel all at once),
/// which pod a rolling update replaces next, and the status.
enum StatefulSetPlan {
    static let revisionLabel = "controller-revision-hash"
    static let podNameLabel = "statefulset.kubernetes.io/pod-name"
    static let podIndexLabel = "apps.kubernetes.io/pod-index"

    enum Step: Equatable {
        case create(ordinal: Int, revision: String)
        case delete(String)
        case wait
        case none
    }

    struct Input {
        var name: String
        var replicas: Int
        var start: Int = 0
        var parallel: Bool
        /// nil for OnDelete.
        var partition: Int?
        var currentRevision: String
        var updateRevision: String
        /// By ordinal.
        var pods: [Int: Pod]
    }

    static func ordinal(of podName: String, setName: String) -> Int? {
        guard podName.hasPrefix("\(setName)-") else { return nil }
        return Int(podName.dropFirst(setName.count + 1))
    }

    static func revision(of pod: Pod) -> String { pod.metadata.labels?[revisionLabel] ?? "" }

    static func isRunningAndReady(_ pod: Pod) -> Bool { pod.status?.phase == PodPhase.running && pod.isReady }

    static func hasFailed(_ pod: Pod) -> Bool { pod.status?.phase == PodPhase.failed }

    /// The steps of one reconcile, in order; a `.wait` ends them.
    static func steps(_ input: Input) -> [Step] {
        var steps: [Step] = []
        let wanted = input.start..<(input.start + input.replicas)
        for ordinal in wanted {
            guard let pod = input.pods[ordinal] else {
                let keepCurrent = input.partition.map { ordinal < $0 } ?? false
                steps.append(.create(ordinal: ordinal, revision: keepCurrent ? input.currentRevision : input.updateRevision))
                if !input.parallel { return steps + [.wait] }
                continue
            }
            if hasFailed(pod) && !pod.isTerminating {
                steps.append(.delete(pod.name))
                if !input.parallel { return steps + [.wait] }
                continue
            }
            if !input.parallel && (pod.isTerminating || !isRunningAndReady(pod)) { return steps + [.wait] }
        }
        let condemned = input.pods.filter { !wanted.contains($0.key) }.sorted { $0.key > $1.key }
        for (_, pod) in condemned {
            if pod.isTerminating {
                if !input.parallel { return steps + [.wait] }
                continue
            }
            steps.append(.delete(pod.name))
            if !input.parallel { return steps + [.wait] }
        }
        guard let partition = input.partition, steps.isEmpty else { return steps }
        // Rolling update: from the highest ordinal down to the partition, one pod at a time, each
        // replaced only once all the others are running and ready.
        for ordinal in wanted.reversed() where ordinal >= partition {
            guard let pod = input.pods[ordinal] else { return [.wait] }
            if revision(of: pod) != input.updateRevision {
                if pod.isTerminating { return [.wait] }
                let othersHealthy = input.pods.filter { wanted.contains($0.key) && $0.key != ordinal }.values
                    .allSatisfy(isRunningAndReady)
                return othersHealthy ? [.delete(pod.name)] : [.wait]
            }
            if !isRunningAndReady(pod) { return [.wait] }
        }
        return [.none]
    }

    static func status(
        set: StatefulSet, pods: [Pod], currentRevision: String, updateRevision: String, now: Date
    ) -> JSONValue {
        let minReady = set.spec?["minReadySeconds"]?.intValue ?? 0
        let active = pods.filter { !$0.isTerminating }
        let updated = active.filter { revision(of: $0) == updateRevision }.count
        let current = active.filter { revision(of: $0) == currentRevision }.count
        let replicas = Int(set.replicas)
        let done = updated == replicas && active.count == replicas
            && active.allSatisfy { isRunningAndReady($0) }
        var status: JSONObject = [
            "observedGeneration": .int(set.generation), "replicas": .int(Int64(active.count)),
            "readyReplicas": .int(Int64(active.filter(\.isReady).count)),
            "availableReplicas": .int(Int64(active.filter { $0.isAvailable(minReadySeconds: minReady, now: now) }.count)),
            "currentReplicas": .int(Int64(done ? updated : current)), "updatedReplicas": .int(Int64(updated)),
            "currentRevision": .string(done ? updateRevision : currentRevision), "updateRevision": .string(updateRevision),
            "collisionCount": .int(set.status?["collisionCount"]?.intValue ?? 0),
        ]
        if let conditions = set.status?["conditions"], conditions != .null { status["conditions"] = conditions }
        return .object(status)
    }
}
