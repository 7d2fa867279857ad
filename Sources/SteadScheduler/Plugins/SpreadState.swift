/// Where the incoming pod's siblings (same controller owner) run, laid out for the cycle as arrays
/// indexed by node position and zone ID, with the busiest node and zone counts.
public struct SpreadState: Sendable {
    /// Sibling count per node, by `NodeInfo.position`; empty when the pod has no siblings.
    public let siblingsOnNode: [Int32]
    /// Sibling count per zone, by `NodeInfo.zoneID`.
    public let siblingsInZone: [Int32]
    public let maxPerNode: Int
    public let maxPerZone: Int

    public init(pod: PodInfo, snapshot: ClusterSnapshot) {
        guard let owner = pod.ownerUID, let spread = snapshot.spreadByOwner[owner] else {
            siblingsOnNode = []
            siblingsInZone = []
            maxPerNode = 0
            maxPerZone = 0
            return
        }
        var onNode = [Int32](repeating: 0, count: snapshot.nodeCount)
        for (name, count) in spread.byNode {
            if let position = snapshot.position(ofNode: name) { onNode[position] = Int32(count) }
        }
        var inZone = [Int32](repeating: 0, count: snapshot.zoneIDCount)
        for (zone, count) in spread.byZone {
            if let id = snapshot.zoneID(of: zone) { inZone[id] = Int32(count) }
        }
        siblingsOnNode = onNode
        siblingsInZone = inZone
        maxPerNode = spread.byNode.values.max() ?? 0
        maxPerZone = spread.byZone.values.max() ?? 0
    }

    func siblings(on node: NodeInfo) -> Int {
        node.position < siblingsOnNode.count ? Int(siblingsOnNode[node.position]) : 0
    }

    /// nil when the node has no zone.
    func siblings(inZoneOf node: NodeInfo) -> Int? {
        guard node.zoneID >= 0 else { return nil }
        return node.zoneID < siblingsInZone.count ? Int(siblingsInZone[node.zoneID]) : 0
    }
}
