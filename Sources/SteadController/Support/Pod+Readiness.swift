import Foundation
import KubeModel
import SteadAPI

extension Pod {
    /// The time the Ready condition last became True, when it is True, every readiness gate's condition
    /// is True too, and the kubelet runs the pod's spec: the kubelet folds a gate into Ready, and restarts
    /// a container for a new image, only on its next sync, so right after either Ready can still say True.
    var readySince: Date? {
        guard let ready = status?.condition(ConditionType.ready), ready.isTrue, gatesPass, runsItsSpec else { return nil }
        return ready.lastTransitionTime?.date ?? Date.distantPast
    }

    /// The kubelet reports every container at the spec's image, ready, with no resize pending.
    var runsItsSpec: Bool { InPlaceProgress.kubeletPending(self) == nil }

    var gatesPass: Bool {
        (spec?.readinessGates ?? []).allSatisfy { status?.condition($0.conditionType)?.isTrue == true }
    }

    var isRunningAndReady: Bool { status?.phase == PodPhase.running && isReady && gatesPass && runsItsSpec && !isTerminating }

    /// Ready for at least `minReadySeconds`, not terminating: what StatefulSet calls available.
    func isAvailable(minReadySeconds: Int, now: Date) -> Bool {
        guard !isTerminating, status?.phase == PodPhase.running, let since = readySince else { return false }
        if minReadySeconds <= 0 { return true }
        return now.timeIntervalSince(since) >= Double(minReadySeconds)
    }

    var revisionHash: String? { metadata.labels?[SteadKeys.revisionHash] }

    var nodeName: String? { spec?.nodeName.flatMap { $0.isEmpty ? nil : $0 } }
}

extension StatefulPodSet {
    /// The ordinal in a pod name `<set>-<ordinal>`, or nil when the name is not one of this set's.
    func ordinal(ofPodNamed podName: String) -> Int? {
        PodOrdinal.of(podName: podName, ownerName: name)
    }

    /// The pods that belong to this set, keyed by ordinal; pods of other owners are ignored.
    func podsByOrdinal(_ pods: [Pod]) -> [Int: Pod] {
        var result: [Int: Pod] = [:]
        for pod in pods {
            if let owner = pod.metadata.controllerReference, let uid = metadata.uid, owner.uid != uid { continue }
            guard let ordinal = ordinal(ofPodNamed: pod.name) else { continue }
            result[ordinal] = pod
        }
        return result
    }
}
