import Synchronization

/// A clock whose time moves only when a test calls ``advance(by:)``, on `ContinuousClock`'s instants
/// (so a part built on `ClockSource` runs on it unchanged). A test that asserts "nothing happened in
/// 3 s" advances 3 s and waits for the part to be asleep again (``waitForSleepers(_:until:)``), instead
/// of sleeping 3 s and hoping the machine kept up.
public final class ManualClock: Clock, Sendable {
    public typealias Instant = ContinuousClock.Instant
    public typealias Duration = Swift.Duration

    private struct Sleeper {
        var deadline: Instant
        var continuation: CheckedContinuation<Void, any Error>
    }

    private struct Watcher {
        var count: Int
        var deadline: Instant?
        var continuation: CheckedContinuation<Void, Never>
    }

    private struct State {
        var now: Instant
        var sleepers: [Int: Sleeper] = [:]
        var cancelled: Set<Int> = []
        var watchers: [Watcher] = []
        var lastID = 0

        func sleeping(until deadline: Instant?) -> Int {
            sleepers.values.count { sleeper in deadline.map { sleeper.deadline == $0 } ?? true }
        }

        /// Removes and returns the watchers now satisfied.
        mutating func satisfiedWatchers() -> [CheckedContinuation<Void, Never>] {
            let satisfied = watchers.map { sleeping(until: $0.deadline) >= $0.count }
            let ready = zip(watchers, satisfied).filter(\.1).map(\.0.continuation)
            watchers = zip(watchers, satisfied).filter { !$0.1 }.map(\.0)
            return ready
        }
    }

    private let state: Mutex<State>

    public init(now: Instant = .now) {
        state = Mutex(State(now: now))
    }

    public var now: Instant { state.withLock { $0.now } }
    public var minimumResolution: Duration { .zero }

    public func sleep(until deadline: Instant, tolerance: Duration? = nil) async throws {
        try Task.checkCancellation()
        let id = state.withLock { state in
            state.lastID += 1
            return state.lastID
        }
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                let (resume, watchers) = state.withLock { state -> (Result<Void, any Error>?, [CheckedContinuation<Void, Never>]) in
                    if state.cancelled.remove(id) != nil { return (.failure(CancellationError()), []) }
                    if deadline <= state.now { return (.success(()), []) }
                    state.sleepers[id] = Sleeper(deadline: deadline, continuation: continuation)
                    return (nil, state.satisfiedWatchers())
                }
                if let resume { continuation.resume(with: resume) }
                for watcher in watchers { watcher.resume() }
            }
        } onCancel: {
            let sleeper = state.withLock { state in
                let sleeper = state.sleepers.removeValue(forKey: id)
                if sleeper == nil { state.cancelled.insert(id) }
                return sleeper
            }
            sleeper?.continuation.resume(throwing: CancellationError())
        }
    }

    /// Moves time forward and wakes every sleeper whose deadline is reached, earliest first.
    public func advance(by duration: Duration) {
        let due = state.withLock { state in
            state.now = state.now.advanced(by: duration)
            let now = state.now
            let due = state.sleepers.filter { $0.value.deadline <= now }.sorted { $0.value.deadline < $1.value.deadline }
            for (id, _) in due { state.sleepers[id] = nil }
            return due.map(\.value.continuation)
        }
        for continuation in due { continuation.resume() }
    }

    /// Returns once at least `count` tasks sleep on this clock (with `deadline` given, until exactly
    /// that instant): the parts under test have done what the current time asks of them.
    public func waitForSleepers(_ count: Int, until deadline: Instant? = nil) async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let ready = state.withLock { state in
                guard state.sleeping(until: deadline) < count else { return true }
                state.watchers.append(Watcher(count: count, deadline: deadline, continuation: continuation))
                return false
            }
            if ready { continuation.resume() }
        }
    }

    /// The deadlines of the tasks sleeping now, earliest first, as offsets from now.
    public var sleepingFor: [Duration] {
        state.withLock { state in state.sleepers.values.map { state.now.duration(to: $0.deadline) }.sorted() }
    }
}
