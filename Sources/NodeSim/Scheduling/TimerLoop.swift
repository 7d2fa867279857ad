import Foundation
import Synchronization

/// What the timer loop wakes up for.
enum TimedWork: Hashable, Sendable {
    /// Renew the lease of the node at this offset.
    case lease(Int)
    /// Refresh the status (Ready heartbeat) of the node at this offset.
    case nodeStatus(Int)
    /// Look at this pod again (a container starts, gets ready, crashes, a resize completes).
    case pod(String)
}

/// One loop for every timer of the simulator: a heap of deadlines checked every tick, instead of a task
/// or a timer per node and per pod. Due items go to `dispatch`, which must be quick (it enqueues).
final class TimerLoop: Sendable {
    private let heap = Mutex(DeadlineHeap<TimedWork>())
    let tick: Duration

    init(tick: Duration = .milliseconds(5)) {
        self.tick = tick
    }

    func schedule(_ work: TimedWork, at deadline: Date) {
        heap.withLock { $0.insert(work, at: deadline) }
    }

    func schedule(_ work: TimedWork, after delay: Duration) {
        schedule(work, at: Date().adding(delay))
    }

    var pending: Int { heap.withLock { $0.count } }

    /// Runs until the task is cancelled.
    func run(dispatch: @Sendable (TimedWork) async -> Void) async {
        while !Task.isCancelled {
            let due = heap.withLock { $0.popDue(now: Date()) }
            for work in due { await dispatch(work) }
            do { try await Task.sleep(for: tick) } catch { return }
        }
    }
}
