import Foundation

/// A CronJob's `schedule`: five fields (minute, hour, day of month, month, day of week) or a macro
/// (`@hourly`, `@daily`/`@midnight`, `@weekly`, `@monthly`, `@yearly`/`@annually`), as Kubernetes reads
/// it. A field is `*` (or `?`), a value, a range `a-b`, a step `*/n` or `a-b/n`, or a list of these;
/// months and days of the week may be named (`JAN`, `MON`; Sunday is 0 or 7). When both day fields are
/// restricted a day matches either, as in cron.
public struct CronSchedule: Sendable, Hashable {
    public struct ParseError: Error, Sendable, Hashable, CustomStringConvertible {
        public let description: String
    }

    public let minutes: Set<Int>
    public let hours: Set<Int>
    public let daysOfMonth: Set<Int>
    public let months: Set<Int>
    public let daysOfWeek: Set<Int>
    private let anyDayOfMonth: Bool
    private let anyDayOfWeek: Bool

    static let macros: [String: String] = [
        "@yearly": "0 0 1 1 *", "@annually": "0 0 1 1 *", "@monthly": "0 0 1 * *", "@weekly": "0 0 * * 0",
        "@daily": "0 0 * * *", "@midnight": "0 0 * * *", "@hourly": "0 * * * *",
    ]
    private static let monthNames = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
    private static let dayNames = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"]

    public init(parsing text: String) throws(ParseError) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let expanded = Self.macros[trimmed.lowercased()] ?? trimmed
        let fields = expanded.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        guard fields.count == 5 else {
            throw ParseError(description: "expected exactly 5 fields, found \(fields.count): \(text)")
        }
        minutes = try Self.field(fields[0], name: "minute", range: 0...59)
        hours = try Self.field(fields[1], name: "hour", range: 0...23)
        daysOfMonth = try Self.field(fields[2], name: "day of month", range: 1...31)
        months = try Self.field(fields[3], name: "month", range: 1...12, names: Self.monthNames, firstName: 1)
        let weekdays = try Self.field(fields[4], name: "day of week", range: 0...7, names: Self.dayNames, firstName: 0)
        daysOfWeek = Set(weekdays.map { $0 % 7 })
        anyDayOfMonth = fields[2] == "*" || fields[2] == "?"
        anyDayOfWeek = fields[4] == "*" || fields[4] == "?"
    }

    /// The first scheduled time after `date` (whole minutes), within the next five years.
    public func next(after date: Date, in timeZone: TimeZone) -> Date? {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let start = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        guard var day = calendar.date(from: DateComponents(year: start.year, month: start.month, day: start.day)) else { return nil }
        for _ in 0..<(366 * 5) {
            let parts = calendar.dateComponents([.year, .month, .day, .weekday], from: day)
            if let month = parts.month, let dayOfMonth = parts.day, let weekday = parts.weekday,
                months.contains(month), matches(dayOfMonth: dayOfMonth, dayOfWeek: weekday - 1)
            {
                for hour in hours.sorted() {
                    for minute in minutes.sorted() {
                        var components = DateComponents(year: parts.year, month: month, day: dayOfMonth, hour: hour, minute: minute)
                        components.timeZone = timeZone
                        if let time = calendar.date(from: components), time > date { return time }
                    }
                }
            }
            guard let following = calendar.date(byAdding: .day, value: 1, to: day) else { return nil }
            day = following
        }
        return nil
    }

    /// The scheduled times in `(after, through]`, oldest first, at most `limit` of the latest.
    public func times(after: Date, through: Date, in timeZone: TimeZone, limit: Int = 100) -> [Date] {
        var times: [Date] = []
        var cursor = after
        while let next = next(after: cursor, in: timeZone), next <= through {
            times.append(next)
            if times.count > limit { times.removeFirst() }
            cursor = next
        }
        return times
    }

    private func matches(dayOfMonth: Int, dayOfWeek: Int) -> Bool {
        let monthDay = daysOfMonth.contains(dayOfMonth)
        let weekDay = daysOfWeek.contains(dayOfWeek)
        if anyDayOfMonth || anyDayOfWeek { return monthDay && weekDay }
        return monthDay || weekDay
    }

    private static func field(
        _ text: String, name: String, range: ClosedRange<Int>, names: [String] = [], firstName: Int = 0
    ) throws(ParseError) -> Set<Int> {
        func value(_ word: Substring) throws(ParseError) -> Int {
            if let number = Int(word), range.contains(number) { return number }
            if let index = names.firstIndex(of: word.lowercased()) { return index + firstName }
            throw ParseError(description: "invalid \(name) \"\(word)\" in \"\(text)\" (\(range.lowerBound)-\(range.upperBound))")
        }
        var values: Set<Int> = []
        for part in text.split(separator: ",", omittingEmptySubsequences: false) {
            let pieces = part.split(separator: "/", omittingEmptySubsequences: false)
            guard pieces.count <= 2, let base = pieces.first, !base.isEmpty else {
                throw ParseError(description: "invalid \(name) \"\(part)\" in \"\(text)\"")
            }
            var step = 1
            if pieces.count == 2 {
                guard let parsed = Int(pieces[1]), parsed > 0 else {
                    throw ParseError(description: "invalid step \"\(pieces[1])\" in \"\(text)\"")
                }
                step = parsed
            }
            var low = range.lowerBound
            var high = range.upperBound
            if base != "*" && base != "?" {
                let bounds = base.split(separator: "-", omittingEmptySubsequences: false)
                guard bounds.count <= 2 else { throw ParseError(description: "invalid range \"\(base)\" in \"\(text)\"") }
                low = try value(bounds[0])
                high = bounds.count == 2 ? try value(bounds[1]) : (pieces.count == 2 ? range.upperBound : low)
                guard low <= high else { throw ParseError(description: "invalid range \"\(base)\" in \"\(text)\"") }
            }
            values.formUnion(stride(from: low, through: high, by: step))
        }
        return values
    }
}
