import KubeModel

/// The open watches. It has no lock of its own: the store calls it while holding its lock, so events
/// reach every watcher in commit order and a new watcher sees no gap between its replay and live events.
struct WatchHub: Sendable {
    struct Watcher: Sendable {
        var resource: String
        var filter: ObjectFilter
        var queue: WatchQueue
        /// How this watcher's resource serves the stored objects, when it is not the one storing them.
        var conversion: StorageConversion?
    }

    private var watchers: [Int: Watcher] = [:]
    private var nextID = 0
    let bufferSize: Int

    init(bufferSize: Int) {
        self.bufferSize = max(16, bufferSize)
    }

    var count: Int { watchers.count }

    mutating func add(resource: String, filter: ObjectFilter, conversion: StorageConversion? = nil) -> (id: Int, queue: WatchQueue) {
        nextID += 1
        let queue = WatchQueue(capacity: bufferSize)
        watchers[nextID] = Watcher(resource: resource, filter: filter, queue: queue, conversion: conversion)
        return (nextID, queue)
    }

    /// Sends `event` to every watcher that sees it. A watcher whose buffer is full is closed: it drains
    /// what it has and ends, and its client resumes from the last resourceVersion it got.
    /// Returns the number of watchers closed.
    @discardableResult
    mutating func publish(_ event: StoreEvent) -> Int {
        var slow: [Int] = []
        for (id, watcher) in watchers where watcher.resource == event.resource {
            let served = watcher.conversion.map { $0.served(event) } ?? event
            guard let item = served.projected(through: watcher.filter) else { continue }
            if !watcher.queue.offer(item) { slow.append(id) }
        }
        for id in slow { remove(id) }
        return slow.count
    }

    mutating func send(_ item: WatchItem, to id: Int) {
        guard let watcher = watchers[id] else { return }
        if !watcher.queue.offer(item) { remove(id) }
    }

    mutating func remove(_ id: Int) {
        watchers.removeValue(forKey: id)?.queue.finish()
    }

    mutating func removeAll() {
        let all = watchers
        watchers = [:]
        for watcher in all.values { watcher.queue.finish() }
    }
}
