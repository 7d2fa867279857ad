import Synchronization

/// The items waiting for one watcher. Its stream takes everything queued at once, so a watcher that
/// falls behind under load catches up with one write (one TLS record, one syscall) for many events
/// instead of one per event, and the cost of a busy watch falls as its rate rises.
///
/// Bounded: an offer to a full queue is refused and the hub closes the watcher (it drains what it
/// has; its client resumes from the last resourceVersion it got). One consumer at a time.
final class WatchQueue: Sendable {
    private struct State {
        var items: [WatchItem] = []
        var finished = false
        var waiter: CheckedContinuation<Void, Never>?
    }

    private let state = Mutex(State())
    let capacity: Int

    init(capacity: Int) {
        self.capacity = capacity
    }

    /// Queues `item`; false when the queue is full (a queue already finished takes nothing, silently).
    func offer(_ item: WatchItem) -> Bool {
        let (accepted, waiter) = state.withLock { state -> (Bool, CheckedContinuation<Void, Never>?) in
            if state.finished { return (true, nil) }
            guard state.items.count < capacity else { return (false, nil) }
            state.items.append(item)
            defer { state.waiter = nil }
            return (true, state.waiter)
        }
        waiter?.resume()
        return accepted
    }

    /// No more items: the consumer gets what is queued, then the end.
    func finish() {
        let waiter = state.withLock { state -> CheckedContinuation<Void, Never>? in
            state.finished = true
            defer { state.waiter = nil }
            return state.waiter
        }
        waiter?.resume()
    }

    /// Every item queued so far, waiting for one if there is none; empty once the queue is finished and
    /// drained (or the calling task is cancelled).
    func nextBatch() async -> [WatchItem] {
        await withTaskCancellationHandler {
            while true {
                if let batch = take() { return batch }
                await withCheckedContinuation { continuation in
                    let ready = state.withLock { state in
                        if !state.items.isEmpty || state.finished { return true }
                        state.waiter = continuation
                        return false
                    }
                    if ready { continuation.resume() }
                }
            }
        } onCancel: {
            finish()
        }
    }

    private func take() -> [WatchItem]? {
        state.withLock { state -> [WatchItem]? in
            if !state.items.isEmpty {
                defer { state.items = [] }
                return state.items
            }
            return state.finished ? [] : nil
        }
    }
}
