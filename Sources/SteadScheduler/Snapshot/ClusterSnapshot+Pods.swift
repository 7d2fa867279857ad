import KubeModel

/// Pod events: every change of an assigned pod is applied as detach-then-attach, so moves, resizes and
/// finishes need no special cases.
extension ClusterSnapshot {
    mutating func addPod(_ pod: Pod) { upsertPod(PodInfo(pod)) }

    /// Handles a move to another node, a resize, a finish (Succeeded/Failed) and an unassignment.
    mutating func updatePod(_ pod: Pod) { upsertPod(PodInfo(pod)) }

    /// Records a pod as bound to `node` before the API confirms it (kube-scheduler's "assume").
    public mutating func assume(_ pod: Pod, onNode node: String) {
        var bound = pod
        if bound.spec == nil { bound.spec = PodSpec(containers: []) }
        bound.spec?.nodeName = node
        upsertPod(PodInfo(bound))
    }

    mutating func removePod(_ key: ObjectKey) {
        detachPod(key)
        holdReservation(of: key)
    }

    mutating func removePod(_ pod: Pod) { removePod(pod.objectKey) }

    mutating func upsertPod(_ pod: PodInfo) {
        detachPod(pod.key)
        guard pod.occupiesNode, let nodeName = pod.nodeName else {
            holdReservation(of: pod.key)
            return
        }
        attachPod(pod, to: nodeName)
        if let reservation = reservationsByIdentity[pod.key] {
            if reservation.isReleased(by: pod) {
                release(identity: pod.key)
            } else {
                setHeld(false, identity: pod.key)
            }
        }
    }

    mutating func attachPod(_ pod: PodInfo, to nodeName: String) {
        var ownerID: Int?
        if let owner = pod.ownerUID { ownerID = spreadID(ofOwner: owner) }
        let zone: String?
        if let index = indexByName[nodeName] {
            nodes[index].addPod(pod, owner: ownerID)
            zone = nodes[index].zone
        } else {
            unknownNodeUsage[nodeName, default: NodeUsage()].add(pod, owner: ownerID)
            zone = nil
        }
        podNodes[pod.key] = nodeName
        if let owner = pod.ownerUID { spreadByOwner[owner]?.add(node: nodeName, zone: zone) }
        if !pod.requiredAntiAffinity.isEmpty { podsWithAntiAffinity[pod.key] = pod }
        podsByNamespace[pod.namespace, default: [:]][pod.key] = pod
        for (key, value) in pod.labels { podsByLabel[LabelPair(key, value), default: [:]][pod.key] = pod }
    }

    mutating func detachPod(_ key: ObjectKey) {
        guard let nodeName = podNodes.removeValue(forKey: key) else { return }
        let removed: PodInfo?
        let zone: String?
        if let index = indexByName[nodeName] {
            removed = nodes[index].removePod(key, owner: spreadID(ofOwnerOf: nodes[index].usage.pods[key]))
            zone = nodes[index].zone
        } else {
            let ownerID = spreadID(ofOwnerOf: unknownNodeUsage[nodeName]?.pods[key])
            removed = unknownNodeUsage[nodeName]?.remove(key, owner: ownerID)
            if unknownNodeUsage[nodeName]?.isEmpty == true { unknownNodeUsage[nodeName] = nil }
            zone = nil
        }
        podsWithAntiAffinity[key] = nil
        if let namespace = removed?.namespace {
            podsByNamespace[namespace]?[key] = nil
            if podsByNamespace[namespace]?.isEmpty == true { podsByNamespace[namespace] = nil }
        }
        for (labelKey, value) in removed?.labels ?? [:] {
            let pair = LabelPair(labelKey, value)
            podsByLabel[pair]?[key] = nil
            if podsByLabel[pair]?.isEmpty == true { podsByLabel[pair] = nil }
        }
        if let owner = removed?.ownerUID {
            spreadByOwner[owner]?.remove(node: nodeName, zone: zone)
            if spreadByOwner[owner]?.isEmpty == true { spreadByOwner[owner] = nil }
        }
    }

    /// The ID of `owner`'s spread, which is created (with a new ID) for the owner's first pod.
    private mutating func spreadID(ofOwner owner: String) -> Int {
        if let spread = spreadByOwner[owner] { return spread.id }
        let id = nextOwnerSpreadID
        nextOwnerSpreadID += 1
        spreadByOwner[owner] = OwnerSpread(id: id)
        return id
    }

    private func spreadID(ofOwnerOf pod: PodInfo?) -> Int? {
        pod?.ownerUID.flatMap { spreadByOwner[$0]?.id }
    }
}
