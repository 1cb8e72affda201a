/// A calendar day in the proleptic Gregorian calendar, free of time zones and clocks.
///
/// The plan engine reasons in whole days ("48-72 hours after a hard session" becomes
/// "two to three days after"), so a day is all it needs. `Day` is stored as the number
/// of days since 1970-01-01, which makes arithmetic and comparison trivial.
///
/// ```swift
/// let asOf = Day(year: 2026, month: 11, day: 23)!
/// asOf.isoWeek        // (year: 2026, week: 48)
/// asOf.adding(days: 2) // 2026-11-25
/// ```
public struct Day: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Days since 1970-01-01 (negative before it).
    public let serial: Int

    /// Makes a day from its serial number (days since 1970-01-01).
    public init(serial: Int) { self.serial = serial }

    /// Makes a day from its parts; `nil` when the parts do not name a real date.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
            (1...Day.daysIn(month: month, year: year)).contains(day)
        else { return nil }
        serial = Day.serial(year: year, month: month, day: day)
    }

    /// Parses exactly `YYYY-MM-DD`; `nil` for anything else.
    @inlinable public init?(iso text: some StringProtocol) { self.init(isoUTF8: text.utf8) }

    /// Parses exactly `YYYY-MM-DD` from UTF-8 bytes (a CSV cell, with no String made).
    @inlinable public init?(isoUTF8 bytes: some Collection<UInt8>) {
        // One pass over the bytes, no copy: dates are parsed for every cell of every file.
        var parts = (0, 0, 0)
        var i = 0
        for b in bytes {
            guard i < 10 else { return nil }
            if i == 4 || i == 7 {
                guard b == UInt8(ascii: "-") else { return nil }
            } else {
                guard b >= 48, b <= 57 else { return nil }
                let digit = Int(b - 48)
                if i < 4 {
                    parts.0 = parts.0 * 10 + digit
                } else if i < 7 {
                    parts.1 = parts.1 * 10 + digit
                } else {
                    parts.2 = parts.2 * 10 + digit
                }
            }
            i += 1
        }
        guard i == 10 else { return nil }
        self.init(year: parts.0, month: parts.1, day: parts.2)
    }

    /// The year, month and day of month.
    public var parts: (year: Int, month: Int, day: Int) {
        // Howard Hinnant's civil_from_days.
        let z = serial + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    /// The day `days` later (earlier when negative).
    public func adding(days: Int) -> Day { Day(serial: serial + days) }

    /// Whole days from `other` to this day (positive when this day is later).
    public func days(since other: Day) -> Int { serial - other.serial }

    /// ISO weekday: 1 = Monday ... 7 = Sunday.
    public var weekday: Int {
        // 1970-01-01 was a Thursday (ISO 4).
        let r = (serial + 3) % 7
        return (r < 0 ? r + 7 : r) + 1
    }

    /// The ISO 8601 week-numbering year and week (weeks start on Monday).
    public var isoWeek: (year: Int, week: Int) {
        let thursday = adding(days: 4 - weekday)
        let year = thursday.parts.year
        let firstOfYear = Day(serial: Day.serial(year: year, month: 1, day: 1))
        return (year, thursday.days(since: firstOfYear) / 7 + 1)
    }

    /// The ISO week as a folder name, `2026-W48`.
    public var isoWeekName: String {
        let w = isoWeek
        return "\(w.year)-W\(w.week < 10 ? "0" : "")\(w.week)"
    }

    /// `YYYY-MM-DD`.
    public var description: String {
        let p = parts
        return "\(Day.pad(p.year, 4))-\(Day.pad(p.month, 2))-\(Day.pad(p.day, 2))"
    }

    public static func < (lhs: Day, rhs: Day) -> Bool { lhs.serial < rhs.serial }

    static func serial(year: Int, month: Int, day: Int) -> Int {
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = month > 2 ? month - 3 : month + 9
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    private static func pad(_ n: Int, _ width: Int) -> String {
        let s = String(n)
        return String(repeating: "0", count: max(0, width - s.count)) + s
    }
}

/// A day with an optional time of day, as `last_hard_session` may carry one.
public struct Moment: Hashable, Sendable, CustomStringConvertible {
    /// The calendar day.
    public let day: Day
    /// Minutes after midnight, when a time was given.
    public let minuteOfDay: Int?

    /// Makes a moment; `minuteOfDay` must be in 0..<1440 when present.
    public init(day: Day, minuteOfDay: Int? = nil) {
        self.day = day
        self.minuteOfDay = minuteOfDay
    }

    /// `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM`.
    public var description: String {
        guard let m = minuteOfDay else { return day.description }
        let h = m / 60
        let mm = m % 60
        return "\(day)T\(h < 10 ? "0" : "")\(h):\(mm < 10 ? "0" : "")\(mm)"
    }
}
