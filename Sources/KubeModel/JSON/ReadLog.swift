/// What a decode read of a JSON tree, kept so that ``UnknownFields/unread(_:log:node:)`` can keep the rest
/// without encoding the model back to compare.
///
/// One flat log per decode: every decoder of a nested value is a node (an index), and each read is an
/// entry appended under its node. Noting a read costs an append, not an object per nested value: with a
/// tree of objects, the bookkeeping cost twice the decode it served.
final class ReadLog {
    typealias Node = Int32
    static let root: Node = 0

    /// One read of a member (`key`) or an array element (`item`, with an empty key).
    struct Entry {
        var key: String
        var item: Int32
        /// The node that read the value further; `leaf` when it was read whole.
        var child: Node
        /// The next entry of the same node; -1 at the end.
        var next: Int32
    }

    static let leaf: Node = -1
    static let noItem: Int32 = -1
    /// Past this many members read by one node, lookups go through a hashed index.
    static let indexThreshold = 16

    private struct NodeState {
        var whole = false
        var first: Int32 = -1
        var last: Int32 = -1
        var count = 0
    }

    // Unchecked: a log belongs to one decode on one thread, and the dynamic exclusivity checks of a
    // class's stored properties cost as much as the appends they guarded.
    @exclusivity(unchecked) private var nodes: [NodeState] = [NodeState()]
    @exclusivity(unchecked) private var entries: [Entry] = []
    /// How each member was read, for the nodes that noted more than ``indexThreshold`` reads.
    @exclusivity(unchecked) private var memberIndex: [Node: [String: Read]] = [:]

    init() {
        entries.reserveCapacity(64)
        nodes.reserveCapacity(32)
    }

    func noteWhole(_ node: Node) { nodes[Int(node)].whole = true }

    func isWhole(_ node: Node) -> Bool { nodes[Int(node)].whole }

    func noteLeaf(_ node: Node, key: String) { append(Entry(key: key, item: Self.noItem, child: Self.leaf, next: -1), to: node) }

    func noteLeaf(_ node: Node, item: Int) {
        append(Entry(key: "", item: Int32(item), child: Self.leaf, next: -1), to: node)
    }

    /// The node that reads member `key` of `node`'s object: the same one each time the member is read.
    func child(_ node: Node, key: String) -> Node {
        if let existing = existingChild(node, key: key) { return existing }
        let child = newNode()
        append(Entry(key: key, item: Self.noItem, child: child, next: -1), to: node)
        return child
    }

    /// The node that reads element `item` of `node`'s array. Elements are read in order, so the last
    /// entry answers a repeated read; an earlier element read again is looked up.
    func child(_ node: Node, item: Int) -> Node {
        let item = Int32(item)
        let last = nodes[Int(node)].last
        if last >= 0, entries[Int(last)].item == item, entries[Int(last)].child != Self.leaf {
            return entries[Int(last)].child
        }
        if last >= 0, entries[Int(last)].item > item,
            let earlier = members(of: node).first(where: { $0.item == item && $0.child != Self.leaf })
        {
            return earlier.child
        }
        let child = newNode()
        append(Entry(key: "", item: item, child: child, next: -1), to: node)
        return child
    }

    /// How a decode read one member or element.
    enum Read: Equatable {
        case whole
        case partly(Node)
        case unread
    }

    /// How `node` read member `key`; a member read whole by any read counts as read whole.
    func read(_ node: Node, key: String) -> Read {
        if let index = memberIndex[node] { return index[key] ?? .unread }
        var result = Read.unread
        var index = nodes[Int(node)].first
        while index >= 0 {
            let entry = entries[Int(index)]
            if entry.item == Self.noItem, entry.key == key {
                if entry.child == Self.leaf { return .whole }
                if result == .unread { result = .partly(entry.child) }
            }
            index = entry.next
        }
        return result
    }

    /// How `node` read each of the `count` elements of its array.
    func itemTable(_ node: Node, count: Int) -> [Read] {
        var table = [Read](repeating: .unread, count: count)
        var index = nodes[Int(node)].first
        while index >= 0 {
            let entry = entries[Int(index)]
            if entry.item >= 0, Int(entry.item) < count { table[Int(entry.item)] = Self.merge(table[Int(entry.item)], entry) }
            index = entry.next
        }
        return table
    }

    private static func merge(_ read: Read, _ entry: Entry) -> Read {
        if entry.child == leaf { return .whole }
        return read == .unread ? .partly(entry.child) : read
    }

    /// The entries of `node`, in the order they were noted.
    private func members(of node: Node) -> [Entry] {
        var result: [Entry] = []
        result.reserveCapacity(nodes[Int(node)].count)
        var index = nodes[Int(node)].first
        while index >= 0 {
            result.append(entries[Int(index)])
            index = entries[Int(index)].next
        }
        return result
    }

    private func existingChild(_ node: Node, key: String) -> Node? {
        if let index = memberIndex[node] {
            // A member also read whole needs no node of its own: what its nodes read does not count.
            if case .partly(let child) = index[key] { return child }
            return nil
        }
        var index = nodes[Int(node)].first
        while index >= 0 {
            let entry = entries[Int(index)]
            if entry.child != Self.leaf, entry.item == Self.noItem, entry.key == key { return entry.child }
            index = entry.next
        }
        return nil
    }

    private func newNode() -> Node {
        nodes.append(NodeState())
        return Node(nodes.count - 1)
    }

    private func append(_ entry: Entry, to node: Node) {
        let position = Int32(entries.count)
        entries.append(entry)
        let last = nodes[Int(node)].last
        if last >= 0 { entries[Int(last)].next = position } else { nodes[Int(node)].first = position }
        nodes[Int(node)].last = position
        nodes[Int(node)].count += 1
        guard entry.item == Self.noItem else { return }
        if memberIndex[node] != nil {
            memberIndex[node]?[entry.key] = Self.merge(memberIndex[node]?[entry.key] ?? .unread, entry)
        } else if nodes[Int(node)].count > Self.indexThreshold {
            var index: [String: Read] = [:]
            for member in members(of: node) where member.item == Self.noItem {
                index[member.key] = Self.merge(index[member.key] ?? .unread, member)
            }
            memberIndex[node] = index
        }
    }
}
