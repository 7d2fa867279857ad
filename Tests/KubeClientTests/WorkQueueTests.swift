import Foundation
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

    @Test func addAfterDelaysTheItem() async throws {
        let queue = WorkQueue<String>()
        let clock = ContinuousClock()
        let start = clock.now
        await queue.addAfter("x", delay: .milliseconds(100))
        #expect(await queue.len == 0)
        let item = await queue.get()
        #expect(item == "x")
        #expect(clock.now - start >= .milliseconds(95))
    }

    @Test func rateLimitedBackoffGrowsAndForgetResets() async throws {
        let queue = WorkQueue<String>(
            policy: RateLimitPolicy(baseDelay: .milliseconds(20), maxDelay: .milliseconds(80), overallQPS: 0))
        let clock = ContinuousClock()
        var delays: [Duration] = []
        for _ in 0..<4 {
            let start = clock.now
            await queue.addRateLimited("k")
            #expect(await queue.get() == "k")
            delays.append(clock.now - start)
            await queue.done("k")
        }
        #expect(await queue.numRequeues("k") == 4)
        // 20, 40, 80, 80 (capped)
        #expect(delays[0] >= .milliseconds(18))
        #expect(delays[1] >= .milliseconds(38))
        #expect(delays[2] >= .milliseconds(78))
        #expect(delays[3] >= .milliseconds(78))
        #expect(RateLimitPolicy(baseDelay: .milliseconds(20), maxDelay: .milliseconds(80), overallQPS: 0)
            .backoff(failures: 4) == .milliseconds(80), "capped at maxDelay")
        await queue.forget("k")
        #expect(await queue.numRequeues("k") == 0, "the next back-off starts again from baseDelay")
        await queue.addRateLimited("k")
        #expect(await queue.get() == "k")
        #expect(await queue.numRequeues("k") == 1)
    }

    @Test func overallBucketLimitsManyItems() async throws {
        // Per-item back-off is tiny, the overall bucket allows 2 at once then 20/s.
        let queue = WorkQueue<Int>(
            policy: RateLimitPolicy(baseDelay: .milliseconds(1), maxDelay: .milliseconds(1), overallQPS: 20, overallBurst: 2))
        let clock = ContinuousClock()
        let start = clock.now
        for item in 0..<6 { await queue.addRateLimited(item) }
        var seen: Set<Int> = []
        for _ in 0..<6 { if let item = await queue.get() { seen.insert(item) } }
        #expect(seen == Set(0..<6))
        // The last 4 items come at 50 ms steps.
        #expect(clock.now - start >= .milliseconds(190))
    }
}
