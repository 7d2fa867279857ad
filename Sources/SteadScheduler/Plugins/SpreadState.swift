/// Where the incoming pod's siblings (same controller owner) run, with the busiest node and zone
/// counts. Per node the count is read from the node itself (`NodeInfo.pods(ofOwner:)`, a search over the
/// few owners with pods there), and only for the nodes that get scored.
struct SpreadState: Sendable {
    /// The siblings' `OwnerSpread.id`; nil when the pod has no siblings.
    let owner: Int?
    /// Sibling count per zone, by `NodeInfo.zoneID`.
    let siblingsInZone: [Int32]
    let maxPerNode: Int
    let maxPerZone: Int

    init(pod: PodInfo, snapshot: ClusterSnapshot) {
        guard let owner = pod.ownerUID, let spread = snapshot.spreadByOwner[owner] else {
            self.owner = nil
            siblingsInZone = []
            maxPerNode = 0
            maxPerZone = 0
            return
        }
        var inZone = [Int32](repeating: 0, count: snapshot.zoneIDCount)
        for (zone, count) in spread.byZone {
            if let id = snapshot.zoneID(of: zone) { inZone[id] = Int32(count) }
        }
        self.owner = spread.id
        siblingsInZone = inZone
        maxPerNode = spread.byNode.values.max() ?? 0
        maxPerZone = spread.byZone.values.max() ?? 0
    }

    func siblings(on node: NodeInfo) -> Int {
        guard let owner else { return 0 }
        return node.pods(ofOwner: owner)
    }

    /// nil when the node has no zone.
    func siblings(inZoneOf node: NodeInfo) -> Int? {
        guard node.zoneID >= 0 else { return nil }
        return node.zoneID < siblingsInZone.count ? Int(siblingsInZone[node.zoneID]) : 0
    }
}
