import Testing

@testable import KubeProtobuf

@Suite("Time and duration text")
struct WellKnownTypeTests {
    @Test(arguments: [
        (Int64(0), Int32(0), "1970-01-01T00:00:00Z", "1970-01-01T00:00:00.000000Z"),
        (1_704_164_645, 123_456_789, "2024-01-02T03:04:05Z", "2024-01-02T03:04:05.123456Z"),
        (-1, 999_999_000, "1969-12-31T23:59:59Z", "1969-12-31T23:59:59.999999Z"),
        (951_782_400, 0, "2000-02-29T00:00:00Z", "2000-02-29T00:00:00.000000Z"),
        (253_402_300_799, 1000, "9999-12-31T23:59:59Z", "9999-12-31T23:59:59.000001Z"),
        (-62_135_596_800, 0, "0001-01-01T00:00:00Z", "0001-01-01T00:00:00.000000Z"),
    ])
    func timestamps(seconds: Int64, nanos: Int32, time: String, microTime: String) throws {
        #expect(Timestamp.format(seconds: seconds, nanos: nanos, microseconds: false) == time)
        #expect(Timestamp.format(seconds: seconds, nanos: nanos, microseconds: true) == microTime)
        #expect(Timestamp.parse(time)?.seconds == seconds)
        let parsed = try #require(Timestamp.parse(microTime))
        #expect(parsed.seconds == seconds && parsed.nanos == nanos / 1000 * 1000)
    }

    @Test func timestampsWithOffsetsAndOddSpellings() {
        #expect(Timestamp.parse("2024-01-02T04:04:05+01:00")?.seconds == 1_704_164_645)
        #expect(Timestamp.parse("2024-01-01T22:04:05-05:00")?.seconds == 1_704_164_645)
        #expect(Timestamp.parse("2024-01-02t03:04:05z")?.seconds == 1_704_164_645)
        #expect(Timestamp.parse("2024-01-02T03:04:05.5Z")?.nanos == 500_000_000)
        for bad in ["", "2024-01-02", "2024-01-02 03:04:05Z", "2024-01-02T03:04:05", "2024-02-30T00:00:00Z",
            "2023-02-29T00:00:00Z", "2024-13-01T00:00:00Z", "2024-01-02T24:00:00Z", "2024-01-02T03:04:05.Z",
            "2024-01-02T03:04:05+0100", "2024-01-02T03:04:05Zx"]
        {
            #expect(Timestamp.parse(bad) == nil, "\(bad)")
        }
        #expect(Timestamp.format(seconds: 253_402_300_800, nanos: 0, microseconds: false) == nil)
    }

    @Test(arguments: [
        (Int64(0), "0s"), (1, "1ns"), (999, "999ns"), (1500, "1.5µs"), (1_000_000, "1ms"), (1_500_000, "1.5ms"),
        (1_000_000_000, "1s"), (1_500_000_000, "1.5s"), (90_000_000_000, "1m30s"), (3_600_000_000_000, "1h0m0s"),
        (3_723_500_000_000, "1h2m3.5s"), (-2_000_000_000, "-2s"), (100_000_000_001, "1m40.000000001s"),
        (Int64.max, "2562047h47m16.854775807s"), (Int64.min, "-2562047h47m16.854775808s"),
    ])
    func goDurations(nanoseconds: Int64, text: String) {
        #expect(GoDuration.format(nanoseconds: nanoseconds) == text)
        #expect(GoDuration.parse(text) == nanoseconds)
    }

    @Test func goDurationSpellings() {
        #expect(GoDuration.parse("0") == 0)
        #expect(GoDuration.parse("+5m") == 300_000_000_000)
        #expect(GoDuration.parse("1h30m") == 5_400_000_000_000)
        #expect(GoDuration.parse("1.5h") == 5_400_000_000_000)
        #expect(GoDuration.parse("2us") == 2000)
        #expect(GoDuration.parse("2μs") == 2000)
        #expect(GoDuration.parse(".5s") == 500_000_000)
        #expect(GoDuration.parse("1.s") == 1_000_000_000)
        for bad in ["", "1", "s", ".s", "1x", "1h 2m", "-", "99999999999999999999ns", "3000000h"] {
            #expect(GoDuration.parse(bad) == nil, "\(bad)")
        }
    }
}
