import Foundation
import SteadTestSupport

/// Runs `body`, failing with ``TimeoutError`` if it takes longer than `timeout`.
func withTimeout<R: Sendable>(
    _ timeout: Duration, _ what: String = "operation", _ body: @escaping @Sendable () async throws -> R
) async throws -> R {
    try await withThrowingTaskGroup(of: R?.self) { group in
        group.addTask { try await body() }
        group.addTask {
            try await Task.sleep(for: timeout)
            return nil
        }
        defer { group.cancelAll() }
        guard let first = try await group.next(), let result = first else { throw TimeoutError(what: what) }
        return result
    }
}

/// A thread-safe list of things that happened, for handlers to append to.
actor Recorder<Item: Sendable> {
    private(set) var items: [Item] = []
    func append(_ item: Item) { items.append(item) }
    var count: Int { items.count }
}

/// A gate handlers wait on while the test holds it closed.
actor Gate {
    private var open = true
    private var waiters: [CheckedContinuation<Void, Never>] = []
    func close() { open = false }
    func openGate() {
        open = true
        for waiter in waiters { waiter.resume() }
        waiters.removeAll()
    }
    func pass() async {
        if open { return }
        await withCheckedContinuation { waiters.append($0) }
    }
}
