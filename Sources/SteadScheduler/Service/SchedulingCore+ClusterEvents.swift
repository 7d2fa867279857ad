import Foundation
import KubeModel
import SteadAPI

/// Informer events applied to the snapshot, one object at a time (never a rebuild).
extension SchedulingCore {
    // MARK: Nodes

    func nodeChanged(old: Node?, new: Node) {
        snapshot.upsertNode(new)
        lostNodes[new.name] = nil
        if old.map({ Self.schedulingRelevantChange(from: $0, to: new) }) ?? true {
            moveAllToActive()
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

    func podChanged(old: Pod?, new: Pod) {
        let key = new.key
        if new.isBound {
            queue.remove(key)
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
                moveAllToActive()
            }
            return
        }
        guard configuration.places(new) else {
            queue.remove(key)
            return
        }
        queue.podChanged(new)
        wakeScheduler()
    }

    func podDeleted(_ pod: Pod) {
        queue.remove(pod.key)
        if pod.isReplaceable(scheduledBy: configuration.schedulerName), expectsReplacement(of: pod) {
            reserveForReplacement(of: pod)
        }
        snapshot.removePod(pod.objectKey)
        moveAllToActive()
    }

    // MARK: Volumes

    func volumeChanged(_ volume: PersistentVolume) {
        snapshot.upsertPersistentVolume(volume)
        moveAllToActive()
    }

    func volumeDeleted(_ volume: PersistentVolume) {
        snapshot.removePersistentVolume(named: volume.name)
    }

    func claimChanged(_ claim: PersistentVolumeClaim) {
        snapshot.upsertClaim(claim)
        moveAllToActive()
    }

    func claimDeleted(_ claim: PersistentVolumeClaim) {
        snapshot.removeClaim(claim.objectKey)
    }

    func storageClassChanged(_ storageClass: StorageClass) {
        snapshot.upsertStorageClass(storageClass)
        moveAllToActive()
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
