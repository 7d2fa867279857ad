/// Where the pods of one controller owner are: counts per node and per zone.
struct OwnerSpread: Sendable, Hashable {
    /// The snapshot's small integer for this owner, under which nodes count its pods (`NodeUsage`).
    let id: Int
    private(set) var byNode: [String: Int] = [:]
    private(set) var byZone: [String: Int] = [:]

    init(id: Int) { self.id = id }

    var isEmpty: Bool { byNode.isEmpty }

    mutating func add(node: String, zone: String?, count: Int = 1) {
        Self.adjust(&byNode, node, by: count)
        if let zone { Self.adjust(&byZone, zone, by: count) }
    }

    mutating func remove(node: String, zone: String?, count: Int = 1) {
        Self.adjust(&byNode, node, by: -count)
        if let zone { Self.adjust(&byZone, zone, by: -count) }
    }

    mutating func moveZone(node: String, from oldZone: String?, to newZone: String?) {
        guard let count = byNode[node], oldZone != newZone else { return }
        if let oldZone { Self.adjust(&byZone, oldZone, by: -count) }
        if let newZone { Self.adjust(&byZone, newZone, by: count) }
    }

    private static func adjust(_ counts: inout [String: Int], _ key: String, by delta: Int) {
        let updated = (counts[key] ?? 0) + delta
        counts[key] = updated > 0 ? updated : nil
    }
}
