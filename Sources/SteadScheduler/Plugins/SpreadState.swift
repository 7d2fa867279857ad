/// Where the incoming pod's siblings (same controller owner) run, with the busiest node and zone
/// counts. Per node it keeps the owner's counts by name (a copy that costs nothing) and looks up only
/// the nodes that get scored: laying them out by node position cost a pass over every sibling and an
/// array as long as the cluster for each pod.
public struct SpreadState: Sendable {
    /// Sibling count per node name; empty when the pod has no siblings.
    let siblingsByNode: [String: Int]
    /// Sibling count per zone, by `NodeInfo.zoneID`.
    public let siblingsInZone: [Int32]
    public let maxPerNode: Int
    public let maxPerZone: Int

    public init(pod: PodInfo, snapshot: ClusterSnapshot) {
        guard let owner = pod.ownerUID, let spread = snapshot.spreadByOwner[owner] else {
            siblingsByNode = [:]
            siblingsInZone = []
            maxPerNode = 0
            maxPerZone = 0
            return
        }
        var inZone = [Int32](repeating: 0, count: snapshot.zoneIDCount)
        for (zone, count) in spread.byZone {
            if let id = snapshot.zoneID(of: zone) { inZone[id] = Int32(count) }
        }
        siblingsByNode = spread.byNode
        siblingsInZone = inZone
        maxPerNode = spread.byNode.values.max() ?? 0
        maxPerZone = spread.byZone.values.max() ?? 0
    }

    func siblings(on node: NodeInfo) -> Int {
        siblingsByNode[node.name] ?? 0
    }

    /// nil when the node has no zone.
    func siblings(inZoneOf node: NodeInfo) -> Int? {
        guard node.zoneID >= 0 else { return nil }
        return node.zoneID < siblingsInZone.count ? Int(siblingsInZone[node.zoneID]) : 0
    }
}
