/// The most recent committed events, kept in memory so a watch can resume from a resourceVersion.
/// Events at or below `floor` are gone: asking to resume before it gets 410 Gone.
struct WatchHistory: Sendable {
    private var buffer: [StoreEvent] = []
    private var start = 0
    let limit: Int
    private(set) var floor: Int64

    init(limit: Int, floor: Int64) {
        self.limit = max(1, limit)
        self.floor = floor
    }

    var count: Int { buffer.count - start }

    mutating func append(_ event: StoreEvent) {
        buffer.append(event)
        if count > limit {
            floor = buffer[start].resourceVersion
            start += 1
        }
        // Compact once the dropped prefix is as large as the live part.
        if start > limit {
            buffer.removeFirst(start)
            start = 0
        }
    }

    /// Events newer than `resourceVersion`, oldest first; nil when that version is older than the history.
    func events(after resourceVersion: Int64) -> ArraySlice<StoreEvent>? {
        guard resourceVersion >= floor else { return nil }
        let live = buffer[start...]
        // Binary search for the first event newer than resourceVersion.
        var low = live.startIndex
        var high = live.endIndex
        while low < high {
            let mid = (low + high) / 2
            if live[mid].resourceVersion <= resourceVersion { low = mid + 1 } else { high = mid }
        }
        return live[low...]
    }
}
