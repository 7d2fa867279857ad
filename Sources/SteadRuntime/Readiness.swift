import Synchronization

/// What `/readyz` answers: every check that is currently required has reported ready. A check can be
/// required for a while only (the controller's informers, while this process leads).
package final class Readiness: Sendable {
    private let checks = Mutex<[String: Bool]>([:])

    package init() {}

    /// Adds (or resets) a required check, not ready yet.
    package func require(_ name: String) { checks.withLock { $0[name] = false } }

    package func markReady(_ name: String) { checks.withLock { $0[name] = true } }

    /// Drops a check from what readiness requires.
    package func release(_ name: String) { checks.withLock { _ = $0.removeValue(forKey: name) } }

    /// The checks that are not ready, sorted; empty when ready. No check at all is not ready.
    package var pending: [String] {
        checks.withLock { checks in
            checks.isEmpty ? ["starting"] : checks.filter { !$0.value }.keys.sorted()
        }
    }

    package var isReady: Bool { pending.isEmpty }
}
