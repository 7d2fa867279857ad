import Testing

@testable import SteadBench

@Suite struct MachineCPUTimesTests {
    @Test func stolenShareIsStealOverAllTimeBetweenTwoReadings() {
        let earlier = MachineCPUTimes(steal: 10, total: 1_000)
        #expect(MachineCPUTimes(steal: 60, total: 1_200).stolenFraction(since: earlier) == 0.25)
        #expect(MachineCPUTimes(steal: 10, total: 1_000).stolenFraction(since: earlier) == 0)
    }

    #if os(Linux)
    @Test func procStatIsReadOnLinux() throws {
        let first = try #require(MachineCPUTimes.now())
        var busy = 0
        for value in 0..<2_000_000 { busy &+= value }
        let second = try #require(MachineCPUTimes.now())
        #expect(busy != 0)
        #expect(second.total >= first.total && second.steal >= first.steal)
        #expect((0...1).contains(second.stolenFraction(since: first)))
    }
    #endif
}
