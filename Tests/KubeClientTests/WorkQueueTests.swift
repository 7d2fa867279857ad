import Foundation
import SteadTestSupport
import Testing

@testable import KubeClient

@Suite("WorkQueue")
struct WorkQueueTests {
    @Test func deduplicatesQueuedItems() async {
        let queue = WorkQueue<String>()
        await queue.add("a")
        await queue.add("b")
        await queue.add("a")
        #expect(await queue.len == 2)
        #expect(await queue.get() == "a")
        #expect(await queue.get() == "b")
        #expect(await queue.len == 0)
    }

    @Test func itemAddedWhileProcessingIsRequeuedAfterDone() async {
        let queue = WorkQueue<String>()
        await queue.add("a")
        let item = await queue.get()
        #expect(item == "a")
        await queue.add("a")  // while processing: not handed out twice
        await queue.add("a")
        #expect(await queue.len == 0)
        await queue.done("a")
        #expect(await queue.len == 1)
        #expect(await queue.get() == "a")
        await queue.done("a")
        #expect(await queue.len == 0)
    }

    @Test func getSuspendsUntilAnItemArrives() async {
        let queue = WorkQueue<Int>()
        async let next = queue.get()
        try? await Task.sleep(for: .milliseconds(50))
        await queue.add(7)
        #expect(await next == 7)
        #expect(await queue.len == 0)
    }

    @Test func shutDownDrainsThenReturnsNil() async {
        let queue = WorkQueue<Int>()
        await queue.add(1)
        async let waiting: Void = {
            _ = await queue.get()
        }()
        await waiting
        let blocked = Task { await queue.get() }
        try? await Task.sleep(for: .milliseconds(30))
        await queue.add(2)
        #expect(await blocked.value == 2)
        await queue.add(3)
        await queue.shutDown()
        await queue.add(4)  // ignored
        #expect(await queue.get() == 3)
        #expect(await queue.get() == nil)
        let late = Task { await queue.get() }
        #expect(await late.value == nil)
    }

    @Test func shutDownWakesWaiters() async {
        let queue = WorkQueue<Int>()
        let waiter = Task { await queue.get() }
        try? await Task.sleep(for: .milliseconds(30))
        await queue.shutDown()
        #expect(await waiter.value == nil)
    }

    @Test func cancelledGetReturnsNil() async {
        let queue = WorkQueue<Int>()
        let waiter = Task { await queue.get() }
        try? await Task.sleep(for: .milliseconds(30))
        waiter.cancel()
        #expect(await waiter.value == nil)
        await queue.add(1)
        #expect(await queue.get() == 1)
    }

    @Test func addAfterDelaysTheItemExactly() async {
        let clock = ManualClock()
        let queue = WorkQueue<String>(clock: ClockSource(clock))
        await queue.addAfter("x", delay: .milliseconds(100))
        await clock.waitForSleepers(1)
        clock.advance(by: .milliseconds(99))
        #expect(await queue.len == 0)
        clock.advance(by: .milliseconds(1))
        #expect(await queue.get() == "x")
    }

    @Test func rateLimitedBackoffGrowsAndForgetResets() async {
        let clock = ManualClock()
        let policy = RateLimitPolicy(baseDelay: .milliseconds(20), maxDelay: .milliseconds(80), overallQPS: 0)
        let queue = WorkQueue<String>(policy: policy, clock: ClockSource(clock))
        var delays: [Duration] = []
        for _ in 0..<4 {
            await queue.addRateLimited("k")
            await clock.waitForSleepers(1)
            delays.append(contentsOf: clock.sleepingFor)
            clock.advance(by: .milliseconds(80))
            #expect(await queue.get() == "k")
            await queue.done("k")
        }
        #expect(delays == [.milliseconds(20), .milliseconds(40), .milliseconds(80), .milliseconds(80)])
        #expect(await queue.numRequeues("k") == 4)
        await queue.forget("k")
        #expect(await queue.numRequeues("k") == 0, "the next back-off starts again from baseDelay")
        await queue.addRateLimited("k")
        await clock.waitForSleepers(1)
        #expect(clock.sleepingFor == [.milliseconds(20)])
    }

    @Test func overallBucketLimitsManyItems() async {
        // Per-item back-off is tiny; the overall bucket allows 2 at once, then 20/s.
        let clock = ManualClock()
        let queue = WorkQueue<Int>(
            policy: RateLimitPolicy(baseDelay: .milliseconds(1), maxDelay: .milliseconds(1), overallQPS: 20, overallBurst: 2),
            clock: ClockSource(clock))
        for item in 0..<6 { await queue.addRateLimited(item) }
        await clock.waitForSleepers(6)
        #expect(
            clock.sleepingFor
                == [.milliseconds(1), .milliseconds(1), .milliseconds(50), .milliseconds(100), .milliseconds(150), .milliseconds(200)])
        clock.advance(by: .milliseconds(199))
        var seen: Set<Int> = []
        for _ in 0..<5 { if let item = await queue.get() { seen.insert(item) } }
        #expect(await queue.len == 0)
        clock.advance(by: .milliseconds(1))
        if let item = await queue.get() { seen.insert(item) }
        #expect(seen == Set(0..<6))
    }
}
