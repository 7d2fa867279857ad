import Foundation

/// A work queue in the style of client-go's `workqueue`:
/// - an item is queued at most once however often it is added;
/// - an item being processed (between ``get()`` and ``done(_:)``) is not handed out again; adding it
///   meanwhile marks it dirty and it is queued again by ``done(_:)``;
/// - ``addAfter(_:delay:)`` and ``addRateLimited(_:)`` delay adds; ``forget(_:)`` resets back-off;
/// - after ``shutDown()`` adds are ignored, queued items are still handed out, then ``get()`` returns nil.
public actor WorkQueue<Key: Hashable & Sendable> {
    public let policy: RateLimitPolicy
    private let clock: ClockSource

    private var queue: [Key] = []
    private var head = 0
    private var dirty: Set<Key> = []
    private var processing: Set<Key> = []
    private var waiters: [Int: CheckedContinuation<Key?, Never>] = [:]
    private var waiterOrder: [Int] = []
    private var shuttingDown = false
    private var failures: [Key: Int] = [:]
    private let bucket: TokenBucket?
    private var delayed: [Int: Task<Void, Never>] = [:]
    /// Names waiters and delayed adds.
    private var lastID = 0

    /// - Parameter clock: what delays and the overall rate are measured on (tests pass a manual clock).
    public init(policy: RateLimitPolicy = RateLimitPolicy(), clock: ClockSource = .continuous) {
        self.policy = policy
        self.clock = clock
        self.bucket =
            policy.overallQPS > 0 ? TokenBucket(qps: policy.overallQPS, burst: policy.overallBurst, now: clock.now) : nil
    }

    /// Items waiting to be handed out (not those being processed).
    public var len: Int { queue.count - head }
    public var isShuttingDown: Bool { shuttingDown }

    public func add(_ key: Key) {
        guard !shuttingDown, !dirty.contains(key) else { return }
        dirty.insert(key)
        if processing.contains(key) { return }
        while !waiterOrder.isEmpty {
            let id = waiterOrder.removeFirst()
            if let waiter = waiters.removeValue(forKey: id) {
                dirty.remove(key)
                processing.insert(key)
                waiter.resume(returning: key)
                return
            }
        }
        queue.append(key)
    }

    /// The next item, suspending until one is queued. Returns nil once the queue is shut down and
    /// drained, or when the calling task is cancelled. Call ``done(_:)`` when finished with the item.
    public func get() async -> Key? {
        if let key = pop() { return key }
        if shuttingDown || Task.isCancelled { return nil }
        let id = newID()
        return await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                waiters[id] = continuation
                waiterOrder.append(id)
            }
        } onCancel: {
            Task { await self.cancelWaiter(id) }
        }
    }

    /// Marks the end of processing; an item added meanwhile is queued again.
    public func done(_ key: Key) {
        processing.remove(key)
        if dirty.contains(key) {
            dirty.remove(key)
            add(key)
        }
    }

    /// Adds the item once `delay` has passed.
    public func addAfter(_ key: Key, delay: Duration) {
        guard !shuttingDown else { return }
        if delay <= .zero {
            add(key)
            return
        }
        let id = newID()
        let deadline = clock.now.advanced(by: delay)
        delayed[id] = Task {
            try? await clock.sleep(until: deadline)
            self.finishDelayed(id, key: key)
        }
    }

    /// Adds the item after its back-off: exponential in the number of failures since the last
    /// ``forget(_:)``, and never faster than the overall token bucket.
    public func addRateLimited(_ key: Key) {
        let count = failures[key, default: 0]
        failures[key] = count + 1
        let itemDelay = policy.backoff(failures: count)
        let bucketDelay = bucket?.reserve(now: clock.now) ?? .zero
        addAfter(key, delay: max(itemDelay, bucketDelay))
    }

    /// Resets the item's back-off (call when it was processed successfully).
    public func forget(_ key: Key) {
        failures.removeValue(forKey: key)
    }

    /// How many times the item went through ``addRateLimited(_:)`` since the last ``forget(_:)``.
    public func numRequeues(_ key: Key) -> Int {
        failures[key, default: 0]
    }

    /// Stops accepting items; waiting ``get()`` calls return nil once the queue is drained.
    public func shutDown() {
        shuttingDown = true
        for task in delayed.values { task.cancel() }
        delayed.removeAll()
        if len == 0 { wakeAllWaiters() }
    }

    private func pop() -> Key? {
        guard head < queue.count else { return nil }
        let key = queue[head]
        head += 1
        if head > 64 && head * 2 > queue.count {
            queue.removeFirst(head)
            head = 0
        }
        dirty.remove(key)
        processing.insert(key)
        if shuttingDown && len == 0 { wakeAllWaiters() }
        return key
    }

    private func wakeAllWaiters() {
        let pending = waiters
        waiters.removeAll()
        waiterOrder.removeAll()
        for waiter in pending.values { waiter.resume(returning: nil) }
    }

    private func newID() -> Int {
        lastID += 1
        return lastID
    }

    private func cancelWaiter(_ id: Int) {
        waiterOrder.removeAll { $0 == id }
        waiters.removeValue(forKey: id)?.resume(returning: nil)
    }

    private func finishDelayed(_ id: Int, key: Key) {
        guard delayed.removeValue(forKey: id) != nil else { return }
        add(key)
    }
}
