import Foundation
import KubeModel

/// What a ReplicaSet's controller does next, from the set and the pods it controls: pure.
enum ReplicaSetPlan {
    enum Action: Equatable {
        case create(Int)
        case delete([String])
        case none
    }

    static func action(replicas: Int64, active: [Pod]) -> Action {
        let difference = Int(replicas) - active.count
        if difference > 0 { return .create(difference) }
        if difference < 0 { return .delete(victims(active, count: -difference).map(\.name)) }
        return .none
    }

    /// The pods to delete first, as Kubernetes ranks them: unscheduled before scheduled, pending before
    /// running, not ready before ready, more restarts first, newer before older.
    static func victims(_ pods: [Pod], count: Int) -> [Pod] {
        func phaseRank(_ pod: Pod) -> Int {
            switch pod.status?.phase {
            case PodPhase.pending?: 0
            case PodPhase.running?: 2
            default: 1
            }
        }
        func restarts(_ pod: Pod) -> Int32 { (pod.status?.containerStatuses ?? []).map(\.restartCount).max() ?? 0 }
        return pods.sorted { a, b in
            let aBound = !(a.spec?.nodeName ?? "").isEmpty
            let bBound = !(b.spec?.nodeName ?? "").isEmpty
            if aBound != bBound { return !aBound }
            if phaseRank(a) != phaseRank(b) { return phaseRank(a) < phaseRank(b) }
            if a.isReady != b.isReady { return !a.isReady }
            if restarts(a) != restarts(b) { return restarts(a) > restarts(b) }
            let aCreated = a.metadata.creationTimestamp?.date ?? .distantPast
            let bCreated = b.metadata.creationTimestamp?.date ?? .distantPast
            if aCreated != bCreated { return aCreated > bCreated }
            return a.name > b.name
        }.prefix(count).map { $0 }
    }

    /// The status the set's pods give it: the active ones counted, those being deleted (and not
    /// finished) as `terminatingReplicas`.
    static func status(_ set: ReplicaSet, pods: [Pod], now: Date) -> JSONValue {
        let active = pods.filter(\.isActive)
        let terminating = pods.filter { $0.isTerminating && !$0.hasFinished }
        let minReady = set.spec?["minReadySeconds"]?.intValue ?? 0
        let selector = LabelSelector(set.spec?["selector"] ?? [:])
        var status: JSONObject = [
            "replicas": .int(Int64(active.count)),
            "fullyLabeledReplicas": .int(Int64(active.filter { selector?.matches($0.metadata.labels ?? [:]) ?? false }.count)),
            "readyReplicas": .int(Int64(active.filter(\.isReady).count)),
            "availableReplicas": .int(Int64(active.filter { $0.isAvailable(minReadySeconds: minReady, now: now) }.count)),
            "terminatingReplicas": .int(Int64(terminating.count)),
            "observedGeneration": .int(set.generation),
        ]
        if let conditions = set.status?["conditions"], conditions != .null { status["conditions"] = conditions }
        return .object(status)
    }
}
