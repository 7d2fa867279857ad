import KubeModel

/// What the pods assigned to one node take from it.
struct NodeUsage: Sendable {
    /// Sum of the assigned pods' requests; `pods` is their number.
    private(set) var requested = ResourceVector.zero
    private(set) var nonZeroMilliCPU: Int64 = 0
    private(set) var nonZeroMemory: Int64 = 0
    private(set) var pods: [ObjectKey: PodInfo] = [:]
    /// Host ports in use, with how many pods use each.
    private(set) var usedPorts: [HostPort: Int] = [:]
    /// Pods per controller owner, by `OwnerSpread.id`.
    private(set) var podsByOwner = OwnerPodCounts()

    init() {}

    var isEmpty: Bool { pods.isEmpty }

    /// `owner`: the `OwnerSpread.id` of the pod's controller owner.
    mutating func add(_ pod: PodInfo, owner: Int?) {
        requested.add(pod.requests)
        nonZeroMilliCPU += pod.nonZeroMilliCPU
        nonZeroMemory += pod.nonZeroMemory
        pods[pod.key] = pod
        for port in pod.hostPorts { usedPorts[port, default: 0] += 1 }
        if let owner { podsByOwner.change(owner, by: 1) }
    }

    @discardableResult
    mutating func remove(_ key: ObjectKey, owner: Int?) -> PodInfo? {
        guard let pod = pods.removeValue(forKey: key) else { return nil }
        requested.subtract(pod.requests)
        nonZeroMilliCPU -= pod.nonZeroMilliCPU
        nonZeroMemory -= pod.nonZeroMemory
        for port in pod.hostPorts {
            let remaining = (usedPorts[port] ?? 0) - 1
            usedPorts[port] = remaining > 0 ? remaining : nil
        }
        if let owner { podsByOwner.change(owner, by: -1) }
        return pod
    }
}

/// Pod counts per owner ID, sorted by owner: a node runs pods of few owners, and replica spreading asks
/// for one owner's count on every node it scores, so a binary search over small integers beats hashing.
struct OwnerPodCounts: Sendable, Equatable {
    struct Entry: Sendable, Equatable {
        let owner: Int
        var pods: Int
    }

    private(set) var entries: [Entry] = []

    init() {}

    func pods(ofOwner owner: Int) -> Int {
        let index = insertionIndex(of: owner)
        return index < entries.count && entries[index].owner == owner ? entries[index].pods : 0
    }

    mutating func change(_ owner: Int, by delta: Int) {
        let index = insertionIndex(of: owner)
        if index < entries.count, entries[index].owner == owner {
            entries[index].pods += delta
            if entries[index].pods <= 0 { entries.remove(at: index) }
        } else if delta > 0 {
            entries.insert(Entry(owner: owner, pods: delta), at: index)
        }
    }

    /// First index whose owner is not below `owner`.
    private func insertionIndex(of owner: Int) -> Int {
        var low = 0
        var high = entries.count
        while low < high {
            let middle = (low + high) / 2
            if entries[middle].owner < owner { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
