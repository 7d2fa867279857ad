import KubeModel
import Testing

@testable import SteadScheduler

/// The queue is pure: each test passes its own instants, so timeouts and backoffs are exact.
struct SchedulingQueueTests {
    typealias Queue = SchedulingQueue<ContinuousClock.Instant>
    let start = ContinuousClock.now
    let policy = Queue.Policy(initialBackoff: .seconds(1), maxBackoff: .seconds(10), unschedulableTimeout: .seconds(30))

    func at(_ seconds: Double) -> ContinuousClock.Instant { start.advanced(by: .milliseconds(Int64(seconds * 1000))) }

    func queue(with names: [String]) -> Queue {
        var queue = Queue(policy: policy)
        for name in names { queue.podChanged(Fixtures.pod(name)) }
        return queue
    }

    func flushed(_ queue: inout Queue, at now: ContinuousClock.Instant) -> Int { queue.flush(now: now) }

    func popAll(_ queue: inout Queue) -> [String] {
        var names: [String] = []
        while let pod = queue.popActive() { names.append(pod.name) }
        return names
    }

    @Test func podsAreTakenInArrivalOrderOnceEach() {
        var queue = queue(with: ["c", "a", "b"])
        queue.podChanged(Fixtures.pod("a", labels: ["changed": "yes"]))
        #expect(popAll(&queue) == ["c", "a", "b"])
        #expect(popAll(&queue).isEmpty)
        #expect(queue.counts[.active] == 3)
    }

    @Test func aRemovedPodIsNeverTaken() {
        var queue = queue(with: ["a", "b"])
        queue.remove("default/a")
        #expect(popAll(&queue) == ["b"])
        #expect(queue["default/a"] == nil)
    }

    @Test func unschedulablePodsWaitForAClusterChange() {
        var queue = queue(with: ["a", "b"])
        _ = popAll(&queue)
        queue.markUnschedulable("default/a", now: at(0))
        queue.assume("default/b", on: "n1")
        // The scheduler's own status patch comes back: same spec, same labels.
        queue.podChanged(Fixtures.pod("a"))
        #expect(!queue.hasActive)
        let moved = queue.moveAllToActive()
        #expect(moved == 1)
        #expect(popAll(&queue) == ["a"])
        #expect(queue["default/b"]?.stage == .binding(node: "n1"))
    }

    @Test func anUnschedulablePodWhoseSpecChangedIsTriedAgain() {
        var queue = queue(with: ["a"])
        _ = popAll(&queue)
        queue.markUnschedulable("default/a", now: at(0))
        queue.podChanged(Fixtures.pod("a", cpu: "1"))
        #expect(popAll(&queue) == ["a"])
    }

    @Test func anUnschedulablePodIsTriedAgainAfterTheTimeoutOrItsOwnDeadline() {
        var queue = queue(with: ["a", "b"])
        _ = popAll(&queue)
        queue.markUnschedulable("default/a", now: at(0))
        queue.markUnschedulable("default/b", now: at(0), retryAt: at(5))
        #expect(queue.nextDeadline == at(5))
        #expect(flushed(&queue, at: at(4.999)) == 0)
        #expect(flushed(&queue, at: at(5)) == 1)
        #expect(popAll(&queue) == ["b"])
        #expect(queue.nextDeadline == at(30))
        #expect(flushed(&queue, at: at(29.9)) == 0)
        #expect(flushed(&queue, at: at(30)) == 1)
        #expect(popAll(&queue) == ["a"])
        #expect(queue.nextDeadline == nil)
    }

    @Test func failedBindsBackOffDoublingUpToTheMaximum() throws {
        var queue = queue(with: ["a"])
        var now = at(0)
        var waits: [Duration] = []
        for _ in 0..<6 {
            #expect(popAll(&queue) == ["a"])
            queue.assume("default/a", on: "n1")
            let undone = queue.bindFailed("default/a", node: "n1", retryable: true, now: now)
            #expect(undone)
            let due = try #require(queue.nextDeadline)
            waits.append(now.duration(to: due))
            #expect(flushed(&queue, at: due.advanced(by: .milliseconds(-1))) == 0)
            #expect(flushed(&queue, at: due) == 1)
            now = due
        }
        #expect(waits == [.seconds(1), .seconds(2), .seconds(4), .seconds(8), .seconds(10), .seconds(10)])
    }

    @Test func aBindThatFailsForGoodWaitsAsUnschedulable() {
        var queue = queue(with: ["a"])
        _ = popAll(&queue)
        queue.assume("default/a", on: "n1")
        let undone = queue.bindFailed("default/a", node: "n1", retryable: false, now: at(0))
        #expect(undone)
        #expect(queue["default/a"]?.stage == .unschedulable(since: at(0), retryAt: nil))
    }

    @Test func aBindFailureAfterTheInformerReportedThePodIsIgnored() {
        var queue = queue(with: ["a"])
        _ = popAll(&queue)
        queue.assume("default/a", on: "n1")
        queue.remove("default/a")
        let undone = queue.bindFailed("default/a", node: "n1", retryable: true, now: at(0))
        #expect(!undone)
        #expect(queue.nextDeadline == nil)
    }

    @Test func reportsAreMadeOncePerPodAndDiagnosisAgainWhenItChanges() {
        var queue = queue(with: ["a"])
        let key = "default/a"
        let fallbacks = [queue.noteFirst(\.reportedFallback, of: key), queue.noteFirst(\.reportedFallback, of: key)]
        let waits = [queue.noteFirst(\.reportedWait, of: key), queue.noteFirst(\.reportedWait, of: key)]
        let diagnoses = ["0/3 nodes are available", "0/3 nodes are available", "0/4 nodes are available"]
            .map { queue.noteDiagnosis(key, $0) }
        #expect(fallbacks == [true, false])
        #expect(waits == [true, false])
        #expect(diagnoses == [true, false, true])
        // A new incarnation of the same name starts over.
        queue.remove(key)
        queue.podChanged(Fixtures.pod("a", uid: "second"))
        let again = queue.noteFirst(\.reportedFallback, of: key)
        #expect(again)
    }

    @Test func countsByStage() {
        var queue = queue(with: ["a", "b", "c", "d"])
        _ = queue.popActive()
        queue.assume("default/a", on: "n1")
        _ = queue.popActive()
        queue.markUnschedulable("default/b", now: at(0))
        _ = queue.popActive()
        queue.assume("default/c", on: "n1")
        _ = queue.bindFailed("default/c", node: "n1", retryable: true, now: at(0))
        #expect(queue.counts == [.binding: 1, .unschedulable: 1, .backoff: 1, .active: 1])
    }
}
