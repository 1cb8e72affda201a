import LegCareCore

/// What the manager's sheets need beyond the session log: each client's attendance (from
/// the stream, with the plan's interval) and the forecast of the plans.
struct ManagerFigures {
    /// One client with sessions in the log.
    struct VisitRow {
        var order: Int
        var clientID: String
        var name: String
        var therapist: String?
        var status: Status
        var intervalDays: Int
        /// `nil` for a referred client: not due until cleared.
        var planned: Bool
        var visits: ClientVisits
    }

    /// The 12 ISO weeks up to and including the as-of day's, oldest first.
    let weeks: [DayRange]
    /// One client past their interval, as the Overdue sheet shows them.
    struct Overdue {
        var days: Int
        var clientID: String
        var name: String
        var therapist: String?
        var lastCompleted: Day?
        var intervalDays: Int
    }

    /// The clients past their interval (not the referred), in input order: the others'
    /// rows go to the workbook as they come and are not kept. Numbers here, text packed
    /// (measured with massif at 100,000 clients: a `VisitRow` and its Strings per overdue
    /// client came to about 9 MB, so about 90 MB at a million, held to the run's end).
    private var overdueNumbers: [(order: Int, days: Int32, interval: Int32, last: Int32?)] = []
    /// Client id, name and therapist ("" for none) of each, three strings a client.
    private var overdueTexts = PackedStrings()
    var forecast: Forecast

    init(asOf: Day) {
        let monday = asOf.adding(days: 1 - asOf.weekday)
        weeks = (0..<12).reversed().map { back in
            DayRange(from: monday.adding(days: -7 * back), to: monday.adding(days: -7 * back + 6))
        }
        forecast = Forecast(asOf: asOf)
    }

    /// The period the visit figures cover: the 12 weeks, up to the as-of day.
    func period(asOf: Day) -> DayRange { DayRange(from: weeks[0].from, to: asOf) }

    /// Adds one client's plan: its forecast, and its attendance when it has sessions.
    /// Returns the client's row of Client visits (`nil`: no sessions in the log).
    mutating func add(_ plan: Plan, profile: ClientProfile, order: Int, log: SessionLog, settings: EngineSettings, asOf: Day)
        -> VisitRow?
    {
        forecast.add(plan, therapist: profile.therapist)
        guard let sessions = log.visits(of: profile.clientID) else { return nil }
        let interval =
            plan.professional.intervalDays ?? profile.trainingLoad.flatMap { settings.intervalDays[$0] } ?? settings.defaultIntervalDays
        let row = VisitRow(
            order: order, clientID: profile.clientID, name: profile.name, therapist: profile.therapist, status: plan.status,
            intervalDays: interval, planned: plan.status != .refer,
            visits: ClientVisits(sessions, period: period(asOf: asOf), intervalDays: interval))
        if row.planned, let days = row.visits.daysOverdue(asOf: asOf, intervalDays: interval) {
            overdueNumbers.append(
                (order, Int32(clamping: days), Int32(clamping: interval), row.visits.lastCompleted.map { Int32($0.serial) }))
            for text in [row.clientID, row.name, row.therapist ?? ""] { overdueTexts.append(text) }
        }
        return row
    }

    /// Clients past their interval since their last completed session (not the referred),
    /// most overdue first, then input order; each made as it is read.
    func overdue() -> LazyMapSequence<[Int], Overdue> {
        let numbers = overdueNumbers
        let byDays = numbers.indices.sorted {
            numbers[$0].days != numbers[$1].days ? numbers[$0].days > numbers[$1].days : numbers[$0].order < numbers[$1].order
        }
        return byDays.lazy.map { [overdueTexts] i in
            let therapist = overdueTexts[3 * i + 2]
            return Overdue(
                days: Int(numbers[i].days), clientID: overdueTexts[3 * i], name: overdueTexts[3 * i + 1],
                therapist: therapist.isEmpty ? nil : therapist, lastCompleted: numbers[i].last.map { Day(serial: Int($0)) },
                intervalDays: Int(numbers[i].interval))
        }
    }
}
