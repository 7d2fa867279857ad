import KubeModel

/// The scheduler's view of the cluster, updated incrementally from informer events and read by every
/// scheduling cycle. A value type: the owning actor mutates it; a cycle reads a consistent copy.
public struct ClusterSnapshot: Sendable {
    /// Dense, so a cycle can walk nodes by index; `indexByName` gives O(1) lookup.
    var nodes: [NodeInfo] = []
    /// Nodes with at least one taint: with none, the taint filter has nothing to check.
    var taintedNodeCount = 0
    var indexByName: [String: Int] = [:]
    /// Pods assigned to nodes the snapshot does not know (yet, or any more), by node name.
    var unknownNodeUsage: [String: NodeUsage] = [:]
    /// Node name of every pod counted, by pod key.
    var podNodes: [ObjectKey: String] = [:]
    var spreadByOwner: [String: OwnerSpread] = [:]
    /// The ID the next owner's spread gets (IDs are never reused while the snapshot lives).
    var nextOwnerSpreadID = 0
    /// Assigned pods with required anti-affinity terms: the ones the symmetric check must consult.
    var podsWithAntiAffinity: [ObjectKey: PodInfo] = [:]
    /// Assigned pods by namespace: anti-affinity terms select pods within namespaces.
    var podsByNamespace: [String: [ObjectKey: PodInfo]] = [:]
    /// Assigned pods by label: a selector with matchLabels only needs to look at one bucket.
    var podsByLabel: [LabelPair: [ObjectKey: PodInfo]] = [:]
    var reservationsByIdentity: [ObjectKey: Reservation] = [:]
    var persistentVolumesByName: [String: PersistentVolume] = [:]
    var claimsByKey: [ObjectKey: PersistentVolumeClaim] = [:]
    var storageClassesByName: [String: StorageClass] = [:]
    /// Whether the cluster serves StorageClasses (and `storageClassesByName` holds them all).
    var storageClassesWatched = false
    /// Zones interned to small integers, so per-node zone lookups in a cycle are array reads.
    var zoneIDsByName: [String: Int] = [:]

    public init() {}

    var nodeCount: Int { nodes.count }
    var podCount: Int { podNodes.count }

    func node(named name: String) -> NodeInfo? {
        indexByName[name].map { nodes[$0] }
    }

    /// The node a counted pod is on.
    func nodeName(ofPod key: ObjectKey) -> String? { podNodes[key] }

    /// The node's index in `nodes`.
    func position(ofNode name: String) -> Int? { indexByName[name] }

    /// The number of distinct zones ever seen; zone IDs are below it.
    var zoneIDCount: Int { zoneIDsByName.count }

    func zoneID(of zone: String) -> Int? { zoneIDsByName[zone] }

    mutating func internZone(_ zone: String?) -> Int {
        guard let zone else { return -1 }
        if let id = zoneIDsByName[zone] { return id }
        let id = zoneIDsByName.count
        zoneIDsByName[zone] = id
        return id
    }

    // MARK: Nodes

    public mutating func upsertNode(_ node: Node) {
        let name = node.name
        if let index = indexByName[name] {
            let oldZone = nodes[index].zone
            if nodes[index].hasTaints { taintedNodeCount -= 1 }
            nodes[index].update(node)
            if nodes[index].hasTaints { taintedNodeCount += 1 }
            nodes[index].place(at: index, zoneID: internZone(nodes[index].zone))
            moveSpreadZones(of: nodes[index], from: oldZone)
            return
        }
        let usage = unknownNodeUsage.removeValue(forKey: name) ?? NodeUsage()
        var info = NodeInfo(node: node, usage: usage)
        for reservation in reservationsByIdentity.values where reservation.node == name && reservation.isHeld {
            info.hold(reservation.requests, for: reservation.identity)
        }
        info.place(at: nodes.count, zoneID: internZone(info.zone))
        indexByName[name] = nodes.count
        nodes.append(info)
        if info.hasTaints { taintedNodeCount += 1 }
        moveSpreadZones(of: info, from: nil)
    }

    /// Pods still assigned to the removed node stay counted there, waiting for their deletion events.
    mutating func removeNode(named name: String) {
        guard let index = indexByName.removeValue(forKey: name) else { return }
        let removed = nodes[index]
        if removed.hasTaints { taintedNodeCount -= 1 }
        let last = nodes.count - 1
        if index != last {
            nodes.swapAt(index, last)
            indexByName[nodes[index].name] = index
            nodes[index].place(at: index, zoneID: nodes[index].zoneID)
        }
        nodes.removeLast()
        moveSpreadZones(of: removed, to: nil)
        if !removed.usage.isEmpty { unknownNodeUsage[name] = removed.usage }
    }

    mutating func moveSpreadZones(of info: NodeInfo, from oldZone: String?) {
        guard oldZone != info.zone else { return }
        for owner in Set(info.usage.pods.values.compactMap(\.ownerUID)) {
            spreadByOwner[owner]?.moveZone(node: info.name, from: oldZone, to: info.zone)
        }
    }

    mutating func moveSpreadZones(of info: NodeInfo, to newZone: String?) {
        guard newZone != info.zone else { return }
        for owner in Set(info.usage.pods.values.compactMap(\.ownerUID)) {
            spreadByOwner[owner]?.moveZone(node: info.name, from: info.zone, to: newZone)
        }
    }

    // MARK: Reservation bookkeeping on nodes

    /// A reservation's capacity counts only while no pod of its identity is in the snapshot.
    mutating func holdReservation(of identity: ObjectKey) {
        guard reservationsByIdentity[identity] != nil, podNodes[identity] == nil else { return }
        setHeld(true, identity: identity)
    }

    mutating func setHeld(_ held: Bool, identity: ObjectKey) {
        guard var reservation = reservationsByIdentity[identity] else { return }
        reservation.isHeld = held
        reservationsByIdentity[identity] = reservation
        guard let index = indexByName[reservation.node] else { return }
        if held {
            nodes[index].hold(reservation.requests, for: identity)
        } else {
            nodes[index].drop(identity)
        }
    }

    mutating func dropFromNode(_ reservation: Reservation) {
        guard let index = indexByName[reservation.node] else { return }
        nodes[index].drop(reservation.identity)
    }
}
