/// The professional sessions the current plans will need in the weeks after this one,
/// per therapist: each plan's next window opens a session, then one every interval.
///
/// ```swift
/// var forecast = Forecast(asOf: day, weeks: 4)
/// forecast.add(plan, therapist: "Ana")
/// forecast.minutes["Ana"]   // minutes needed in each of the 4 weeks
/// ```
public struct Forecast: Sendable {
    /// The ISO weeks forecast, Monday to Sunday, starting the week after the as-of day's.
    public let weeks: [DayRange]
    /// Minutes needed per therapist (`unassigned` for clients without one), week by week.
    public private(set) var minutes: [String: [Int]] = [:]
    /// Sessions needed per therapist, week by week.
    public private(set) var sessions: [String: [Int]] = [:]
    /// Sessions due this week that the timetable could not book, by therapist: carried
    /// into the first week's need, since those clients still need them.
    public private(set) var backlog: [String: Int] = [:]

    public init(asOf: Day, weeks count: Int = 4) {
        let next = asOf.adding(days: 8 - asOf.weekday)
        weeks = (0..<count).map { DayRange(from: next.adding(days: 7 * $0), to: next.adding(days: 7 * $0 + 6)) }
    }

    /// Adds what one plan needs: nothing for a referred client (no session until cleared).
    /// Carries a session due this week that could not be booked into the first week.
    public mutating func carry(minutes length: Int, therapist: String?) {
        guard !weeks.isEmpty else { return }
        let name = therapist ?? "unassigned"
        minutes[name, default: Array(repeating: 0, count: weeks.count)][0] += length
        sessions[name, default: Array(repeating: 0, count: weeks.count)][0] += 1
        backlog[name, default: 0] += 1
    }

    public mutating func add(_ plan: Plan, therapist: String?) {
        let p = plan.professional
        guard plan.status != .refer, let window = p.nextWindow, let interval = p.intervalDays, let length = p.minutes,
            interval > 0, let last = weeks.last
        else { return }
        let name = therapist ?? "unassigned"
        var day = window.from
        while day <= last.to {
            if let i = weeks.firstIndex(where: { $0.contains(day) }) {
                minutes[name, default: Array(repeating: 0, count: weeks.count)][i] += length
                sessions[name, default: Array(repeating: 0, count: weeks.count)][i] += 1
            }
            day = day.adding(days: interval)
        }
    }
}
