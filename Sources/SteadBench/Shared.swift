import SteadRuntime
import Synchronization

/// A value shared between the tasks of a benchmark.
final class Shared<Value: Sendable>: Sendable {
    private let mutex: Mutex<Value>

    init(_ value: Value) { mutex = Mutex(value) }

    func withLock<R: Sendable>(_ body: (inout Value) -> R) -> R { mutex.withLock { body(&$0) } }

    var value: Value { mutex.withLock { $0 } }
}

extension Shared where Value == Int {
    /// Adds `amount` and returns the value before.
    @discardableResult
    func add(_ amount: Int) -> Int {
        withLock { value in
            defer { value += amount }
            return value
        }
    }
}

/// Runs `work` for every index in `0..<total` on `concurrency` tasks, each taking the next index, with a
/// progress line labelled `label`.
func concurrentlyForEach(
    _ total: Int, concurrency: Int, label: String, _ work: @escaping @Sendable (Int) async throws -> Void
) async throws {
    let next = Shared(0)
    let done = Shared(0)
    try await withThrowingTaskGroup(of: Void.self) { group in
        for _ in 0..<concurrency {
            group.addTask {
                while true {
                    let index = next.add(1)
                    guard index < total else { return }
                    try await work(index)
                    done.add(1)
                }
            }
        }
        var progress = Progress(label, total: total)
        while done.value < total, !group.isEmpty {
            progress.update(done.value)
            try await Task.sleep(for: .milliseconds(200))
        }
        try await group.waitForAll()
        progress.update(total)
    }
}

/// `body`'s result, once `cleanUp` has run, whether `body` threw or not.
func withCleanUp<R>(_ body: () async throws -> R, cleanUp: () async -> Void) async throws -> R {
    let result: R
    do {
        result = try await body()
    } catch {
        await cleanUp()
        throw error
    }
    await cleanUp()
    return result
}
