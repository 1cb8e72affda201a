import LegCareCore

/// Dates as clinics export them: ISO always, and with `date_format` (or what a file's own
/// dates show) day first (`23/11/2026`, `23.11.2026`, `23-11-2026`) or month first
/// (`11/23/2026`), each with an optional time (`23/11/2026 14:30`).
enum DateParser {
    /// A date's three numbers in the order written, when the text is `N/N/YYYY` with `/`,
    /// `.` or `-`, and the time of day in minutes when one follows (`HH:MM` or `HH:MM:SS`).
    static func parts(_ text: String) -> (first: Int, second: Int, year: Int, minuteOfDay: Int?)? {
        let bytes = Array(text.utf8)
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
        let split = bytes.firstIndex { $0 == 0x20 || $0 == 0x54 } ?? bytes.count  // space or T
        let date = bytes[..<split]
        guard let sep = date.first(where: { $0 == 0x2F || $0 == 0x2E || $0 == 0x2D }) else { return nil }
        let fields = date.split(separator: sep, omittingEmptySubsequences: false)
        guard fields.count == 3, (1...2).contains(fields[0].count), (1...2).contains(fields[1].count), fields[2].count == 4,
            let a = number(fields[0]), let b = number(fields[1]), let y = number(fields[2])
        else { return nil }
        guard split < bytes.count else { return (a, b, y, nil) }
        let time = bytes[(split + 1)...].split(separator: 0x3A, omittingEmptySubsequences: false)
        guard (2...3).contains(time.count), time.allSatisfy({ (1...2).contains($0.count) }),
            let h = number(time[0]), let m = number(time[1]), h <= 23, m <= 59, time.count == 2 || number(time[2]).map({ $0 <= 59 }) == true
        else { return nil }
        return (a, b, y, h * 60 + m)
    }

    private static func number(_ digits: ArraySlice<UInt8>) -> Int? {
        guard !digits.isEmpty, digits.allSatisfy({ (0x30...0x39).contains($0) }) else { return nil }
        return digits.reduce(0) { $0 * 10 + Int($1 - 0x30) }
    }

    /// The day `p` names read in `order` (`nil`: not a real date that way).
    static func day(_ p: (first: Int, second: Int, year: Int, minuteOfDay: Int?), _ order: InputFormat.DateOrder) -> Day? {
        switch order {
        case .iso: return nil
        case .dayFirst: return Day(year: p.year, month: p.second, day: p.first)
        case .monthFirst: return Day(year: p.year, month: p.first, day: p.second)
        }
    }

    /// What a date in `order` looks like, for messages about `text`.
    static func expected(_ text: String, _ order: InputFormat.DateOrder, time: Bool = false) -> String {
        let clock = time ? " (a time such as 14:30 may follow)" : ""
        switch order {
        case .iso where parts(text) != nil:
            return "is not a date in the form YYYY-MM-DD; for dates written like 23/11/2026, "
                + "set date_format: day-first (or month-first) in clinic.yaml"
        case .iso:
            return time ? "is not a date (YYYY-MM-DD) or date-time (YYYY-MM-DDTHH:MM)" : "is not a date in the form YYYY-MM-DD"
        case .dayFirst: return "is not a date such as 23/11/2026, day first as date_format says\(clock)"
        case .monthFirst: return "is not a date such as 11/23/2026, month first as date_format says\(clock)"
        }
    }

    /// A date: ISO, or in `order`.
    static func day(_ text: String, order: InputFormat.DateOrder) -> Result<Day, Expected> {
        if let d = Day(iso: text) { return .success(d) }
        if order != .iso, let p = parts(text), p.minuteOfDay == nil, let d = day(p, order) { return .success(d) }
        return .failure(Expected(expected(text, order)))
    }

    /// A date or date-time: ISO (see ``ValueParser/moment(_:)``), or in `order`.
    static func moment(_ text: String, order: InputFormat.DateOrder) -> Result<Moment, Expected> {
        if case .success(let m) = ValueParser.moment(text) { return .success(m) }
        if order != .iso, let p = parts(text), let d = day(p, order) { return .success(Moment(day: d, minuteOfDay: p.minuteOfDay)) }
        return .failure(Expected(expected(text, order, time: true)))
    }
}
