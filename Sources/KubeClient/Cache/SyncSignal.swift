/// A one-way flag others can wait for: "the informer has listed once".
actor SyncSignal {
    private(set) var isSet = false
    private var waiters: [Int: CheckedContinuation<Void, any Error>] = [:]
    private var nextWaiter = 0

    func set() {
        guard !isSet else { return }
        isSet = true
        let pending = waiters.values
        waiters.removeAll()
        for waiter in pending { waiter.resume() }
    }

    /// Returns once the flag is set; throws `CancellationError` as soon as the waiting task is
    /// cancelled (a list that never succeeds must not hold up a shutdown).
    func wait() async throws {
        if isSet { return }
        let waiter = nextWaiter
        nextWaiter += 1
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                if Task.isCancelled {
                    continuation.resume(throwing: CancellationError())
                } else {
                    waiters[waiter] = continuation
                }
            }
        } onCancel: {
            Task { await self.cancel(waiter) }
        }
    }

    private func cancel(_ waiter: Int) {
        waiters.removeValue(forKey: waiter)?.resume(throwing: CancellationError())
    }
}
