import Foundation
import KubeModel
import SteadAPI

/// Informer events applied to the snapshot, one object at a time (never a rebuild).
extension SchedulingCore {
    // MARK: Nodes

    func nodeChanged(old: Node?, new: Node) async {
        snapshot.upsertNode(new)
        lostNodes[new.name] = nil
        if old.map({ Self.schedulingRelevantChange(from: $0, to: new) }) ?? true {
            await retryUnschedulable()
        }
    }

    func nodeDeleted(_ node: Node) {
        // A node that went NotReady before it was deleted has been lost since then.
        lostNodes[node.name] = snapshot.node(named: node.name)?.notReadySince?.date ?? Date()
        snapshot.removeNode(named: node.name)
    }

    /// Heartbeats change nothing a filter looks at; labels, taints, capacity and readiness do.
    static func schedulingRelevantChange(from old: Node, to new: Node) -> Bool {
        old.metadata.labels != new.metadata.labels || old.spec != new.spec
            || old.status?.allocatable != new.status?.allocatable
            || old.status?.condition(ConditionType.ready)?.status != new.status?.condition(ConditionType.ready)?.status
    }

    // MARK: Pods

    func podChanged(old: Pod?, new: Pod) async {
        let key = new.key
        if new.isBound {
            pending[key] = nil
            waiting.remove(key)
            reportedDiagnoses[key] = nil
            assumed[key] = nil
            if new.isReplaceable(scheduledBy: configuration.schedulerName),
                new.isTerminating || new.metadata.annotations?[SteadKeys.reserveForReplacement] != nil,
                expectsReplacement(of: new)
            {
                reserveForReplacement(of: new)
            }
            let reservation = snapshot.reservation(for: new.objectKey)
            snapshot.updatePod(new)
            noteRelease(of: reservation)
            if new.hasFinished, let old, !old.hasFinished {
                await retryUnschedulable()
            }
            return
        }
        guard new.awaitsScheduling(by: configuration.schedulerName) else {
            pending[key] = nil
            waiting.remove(key)
            return
        }
        pending[key] = new
        if assumed[key] != nil { return }
        // An unschedulable pod waits for the cluster to change, unless its own spec or labels did
        // (our status patch and annotations come back here too, and must not start a loop).
        if waiting.contains(key), let old, old.spec == new.spec, old.metadata.labels == new.metadata.labels {
            return
        }
        waiting.remove(key)
        await queue.add(key)
    }

    func podDeleted(_ pod: Pod) async {
        let key = pod.key
        pending[key] = nil
        waiting.remove(key)
        reportedDiagnoses[key] = nil
        assumed[key] = nil
        if reportedFallbacks[key] == pod.metadata.uid ?? "" { reportedFallbacks[key] = nil }
        if reportedWaits[key] == pod.metadata.uid ?? "" { reportedWaits[key] = nil }
        if pod.isReplaceable(scheduledBy: configuration.schedulerName), expectsReplacement(of: pod) {
            reserveForReplacement(of: pod)
        }
        snapshot.removePod(pod.objectKey)
        await retryUnschedulable()
    }

    // MARK: Volumes

    func volumeChanged(_ volume: PersistentVolume) async {
        snapshot.upsertPersistentVolume(volume)
        await retryUnschedulable()
    }

    func volumeDeleted(_ volume: PersistentVolume) {
        snapshot.removePersistentVolume(named: volume.name)
    }

    func claimChanged(_ claim: PersistentVolumeClaim) async {
        snapshot.upsertClaim(claim)
        await retryUnschedulable()
    }

    func claimDeleted(_ claim: PersistentVolumeClaim) {
        snapshot.removeClaim(claim.objectKey)
    }

    func storageClassChanged(_ storageClass: StorageClass) async {
        snapshot.upsertStorageClass(storageClass)
        await retryUnschedulable()
    }

    func storageClassDeleted(_ storageClass: StorageClass) {
        snapshot.removeStorageClass(named: storageClass.name)
    }

    // MARK: Placement records

    /// Records new or changed in a placement ConfigMap; an older record never replaces a newer one (our
    /// own writes come back after the bind that made them already updated memory).
    func recordsChanged(old: ConfigMap?, new: ConfigMap) {
        for record in PlacementConfigMap.changedRecords(from: old, to: new) {
            if let known = records[record.identity], known.updatedAt > record.updatedAt { continue }
            records[record.identity] = record
        }
    }

    func recordsDeleted(_ configMap: ConfigMap) {
        for record in PlacementConfigMap.records(in: configMap) where records[record.identity] == record {
            records[record.identity] = nil
        }
    }
}
