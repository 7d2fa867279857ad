import Foundation

/// A min-heap of items by deadline (ties in insertion order). Pure data structure.
struct DeadlineHeap<Item: Sendable>: Sendable {
    private struct Entry: Sendable {
        var deadline: Date
        var sequence: UInt64
        var item: Item

        func before(_ other: Entry) -> Bool {
            deadline != other.deadline ? deadline < other.deadline : sequence < other.sequence
        }
    }

    private var entries: [Entry] = []
    private var sequence: UInt64 = 0

    var count: Int { entries.count }
    var isEmpty: Bool { entries.isEmpty }
    var nextDeadline: Date? { entries.first?.deadline }

    mutating func insert(_ item: Item, at deadline: Date) {
        sequence += 1
        entries.append(Entry(deadline: deadline, sequence: sequence, item: item))
        var child = entries.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard entries[child].before(entries[parent]) else { break }
            entries.swapAt(child, parent)
            child = parent
        }
    }

    /// Removes and returns every item due at `now`, earliest first.
    mutating func popDue(now: Date) -> [Item] {
        var due: [Item] = []
        while let first = entries.first, first.deadline <= now {
            due.append(first.item)
            removeFirst()
        }
        return due
    }

    private mutating func removeFirst() {
        let last = entries.removeLast()
        guard !entries.isEmpty else { return }
        entries[0] = last
        var parent = 0
        while true {
            let left = 2 * parent + 1
            let right = left + 1
            var smallest = parent
            if left < entries.count, entries[left].before(entries[smallest]) { smallest = left }
            if right < entries.count, entries[right].before(entries[smallest]) { smallest = right }
            if smallest == parent { return }
            entries.swapAt(parent, smallest)
            parent = smallest
        }
    }
}
