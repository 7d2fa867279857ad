import Foundation
import Synchronization

/// The creates and deletes a controller has asked for and not yet seen in its informer, per owner key
/// (client-go's ControllerExpectations): until they show up (or `timeout` passes) the owner is not
/// reconciled again, so a pod not yet in the cache is never made twice. A delete shows up as the pod's
/// deletionTimestamp, not its removal, which waits for the kubelet (the pod's grace period).
final class Expectations: Sendable {
    private struct Pending {
        var adds: Int
        var deletes: Set<String>
        var since: ContinuousClock.Instant
    }

    private let pending = Mutex<[String: Pending]>([:])
    let timeout: Duration

    init(timeout: Duration = .seconds(30)) { self.timeout = timeout }

    func expect(_ key: String, adds: Int = 0, deletes: [String] = []) {
        pending.withLock { $0[key] = Pending(adds: adds, deletes: Set(deletes), since: .now) }
    }

    func created(_ key: String) {
        pending.withLock { $0[key]?.adds -= 1 }
    }

    /// A create that failed will never be seen.
    func creationFailed(_ key: String) { created(key) }

    func deleted(_ key: String, pod: String) {
        pending.withLock { _ = $0[key]?.deletes.remove(pod) }
    }

    /// The pods whose deletion is asked for and not yet seen.
    func pendingDeletes(_ key: String) -> Set<String> {
        pending.withLock { $0[key]?.deletes ?? [] }
    }

    func forget(_ key: String) { pending.withLock { $0[key] = nil } }

    func satisfied(_ key: String) -> Bool {
        pending.withLock { state in
            guard let entry = state[key] else { return true }
            if (entry.adds <= 0 && entry.deletes.isEmpty) || ContinuousClock.now - entry.since > timeout {
                state[key] = nil
                return true
            }
            return false
        }
    }
}
