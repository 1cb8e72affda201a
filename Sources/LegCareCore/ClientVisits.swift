/// One client's attendance over a period, read from the session log.
///
/// A session dated after the as-of day is a booking, not a delivered session: it is not
/// a visit, a cancellation or a no-show, but it does count as the next booking when
/// deciding whether a completed session was rebooked.
public struct ClientVisits: Hashable, Sendable {
    /// Completed sessions in the period.
    public var visits: Int
    /// Sessions in the period with an outcome (completed, cancelled, no-show).
    public var sessions: Int
    public var noShows: Int
    /// Completed sessions in the period followed by another booking (any status, future
    /// ones included) within the client's interval.
    public var rebooked: Int
    /// The last completed session on or before the as-of day, at any time.
    public var lastCompleted: Day?

    /// No-shows over sessions in the period; `nil` with none.
    public var noShowRate: Double? { sessions > 0 ? Double(noShows) / Double(sessions) : nil }
    /// Rebooked over visits; `nil` with no visit.
    public var rebookingRate: Double? { visits > 0 ? Double(rebooked) / Double(visits) : nil }

    /// The figures for `period` (both ends included; the as-of day is its end).
    public init(_ sessions: [SessionVisit], period: DayRange, intervalDays: Int) {
        let ordered = sessions.sorted { $0.day < $1.day }
        let past = ordered.filter { $0.day <= period.to }
        let inPeriod = past.filter { period.contains($0.day) }
        visits = inPeriod.filter { $0.status == .completed }.count
        self.sessions = inPeriod.count
        noShows = inPeriod.filter { $0.status == .noShow }.count
        lastCompleted = past.last { $0.status == .completed }?.day
        rebooked =
            inPeriod.filter { s in
                s.status == .completed && ordered.contains { $0.day > s.day && $0.day.days(since: s.day) <= intervalDays }
            }.count
    }

    /// Days past due: since the last completed session plus the interval, as of a day.
    public func daysOverdue(asOf: Day, intervalDays: Int) -> Int? {
        guard let last = lastCompleted else { return nil }
        let overdue = asOf.days(since: last.adding(days: intervalDays))
        return overdue > 0 ? overdue : nil
    }
}
