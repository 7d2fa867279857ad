import Foundation
import KubeModel
import Testing

/// CronJob schedules as Kubernetes reads them (five fields or a macro).
struct CronScheduleTests {
    private let utc = TimeZone(identifier: "UTC")!

    private func date(_ text: String) -> Date { KubeTime(text: text)!.date }

    private func next(_ schedule: String, after: String, in zone: TimeZone? = nil) throws -> String? {
        try CronSchedule(parsing: schedule).next(after: date(after), in: zone ?? utc).map { KubeTime($0).description }
    }

    @Test func fieldsStepsRangesListsAndNames() throws {
        #expect(try next("* * * * *", after: "2026-12-07T10:15:30Z") == "2026-12-07T10:16:00Z")
        #expect(try next("*/15 * * * *", after: "2026-12-07T10:15:00Z") == "2026-12-07T10:30:00Z")
        #expect(try next("5/20 9-17 * * MON-FRI", after: "2026-12-05T12:00:00Z") == "2026-12-07T09:05:00Z", "Saturday: next is Monday")
        #expect(try next("0 0 1,15 * *", after: "2026-12-07T00:00:00Z") == "2026-12-15T00:00:00Z")
        #expect(try next("30 6 * FEB *", after: "2026-12-07T00:00:00Z") == "2027-02-01T06:30:00Z")
        #expect(try next("0 12 * * 7", after: "2026-12-07T00:00:00Z") == "2026-12-13T12:00:00Z", "7 is Sunday")
        #expect(try next("0 0 29 2 *", after: "2026-12-07T00:00:00Z") == "2028-02-29T00:00:00Z")
    }

    @Test func macrosAndRestrictedDaysMatchEither() throws {
        #expect(try next("@hourly", after: "2026-12-07T10:15:00Z") == "2026-12-07T11:00:00Z")
        #expect(try next("@weekly", after: "2026-12-07T10:15:00Z") == "2026-12-13T00:00:00Z")
        #expect(try next("@yearly", after: "2026-12-07T10:15:00Z") == "2027-01-01T00:00:00Z")
        // Day 10 or any Friday: Friday the 11th is not first, Thursday the 10th is.
        #expect(try next("0 0 10 * FRI", after: "2026-12-07T00:00:00Z") == "2026-12-10T00:00:00Z")
        #expect(try next("0 0 20 * FRI", after: "2026-12-07T00:00:00Z") == "2026-12-11T00:00:00Z")
    }

    @Test func timeZonesShiftTheSchedule() throws {
        let tokyo = TimeZone(identifier: "Asia/Tokyo")!
        #expect(try next("0 9 * * *", after: "2026-12-07T00:00:00Z", in: tokyo) == "2026-12-08T00:00:00Z")
    }

    @Test func missedTimesKeepTheLatest() throws {
        let schedule = try CronSchedule(parsing: "*/10 * * * *")
        let times = schedule.times(after: date("2026-12-07T10:00:00Z"), through: date("2026-12-07T11:00:00Z"), in: utc, limit: 2)
        #expect(times.map { KubeTime($0).description } == ["2026-12-07T10:50:00Z", "2026-12-07T11:00:00Z"])
    }

    @Test func badSchedulesSayWhatIsWrong() {
        for (schedule, fragment) in [
            ("* * * *", "expected exactly 5 fields, found 4"), ("60 * * * *", "invalid minute \"60\""),
            ("* * * FOO *", "invalid month \"FOO\""), ("*/0 * * * *", "invalid step"), ("5-1 * * * *", "invalid range"),
        ] {
            #expect(throws: CronSchedule.ParseError.self) { try CronSchedule(parsing: schedule) }
            do {
                _ = try CronSchedule(parsing: schedule)
            } catch {
                #expect(error.description.contains(fragment), "\(schedule): \(error)")
            }
        }
    }
}
