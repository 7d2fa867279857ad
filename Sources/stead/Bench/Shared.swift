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
