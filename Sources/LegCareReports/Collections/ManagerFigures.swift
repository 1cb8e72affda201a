import Foundation
import LegCareCore
import LegCareRun

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
    /// rows go to the workbook as they come and are not kept. In memory, how overdue each
    /// one is and where its row lies on disk. The place first: its 12 bytes and the 4 of
    /// `days` fill 16, where days first took 24.
    private var overdueKeys: [(place: ScratchRows.Place, days: Int32)] = []
    /// Each overdue client's id, name, therapist ("" for none), interval and last completed
    /// day (a serial, "" for none), made when the first is added.
    private var overdueRows: ScratchRows?
    private let scratchFolder: String
    var forecast: Forecast
    /// The day the figures are made for: the last of the 12 weeks ends on or after it.
    let asOf: Day

    /// `scratchFolder`: where the overdue clients' rows wait for the end (the run's staging
    /// folder).
    init(asOf: Day, scratchFolder: String = NSTemporaryDirectory()) {
        self.asOf = asOf
        self.scratchFolder = scratchFolder
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
        throws -> VisitRow?
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
            if overdueRows == nil { overdueRows = try ScratchRows(folder: scratchFolder) }
            let place = try overdueRows!.append([
                row.clientID, row.name, row.therapist ?? "", String(interval), row.visits.lastCompleted.map { String($0.serial) } ?? "",
            ])
            overdueKeys.append((place, Int32(clamping: days)))
        }
        return row
    }

    /// Clients past their interval since their last completed session (not the referred),
    /// most overdue first, then input order; each read back from disk as it is used.
    func forEachOverdue(_ body: (Overdue) throws -> Void) throws {
        guard let rows = overdueRows else { return }
        // Rows lie on disk in input order, so where one starts orders ties. Places in the
        // keys are sorted, not a copy of the keys (4 bytes each, not 16).
        let keys = overdueKeys
        var sorted = keys.indices.map { Int32($0) }
        sorted.sort { i, j in
            let (a, b) = (keys[Int(i)], keys[Int(j)])
            return a.days != b.days ? a.days > b.days : a.place.offset < b.place.offset
        }
        for i in sorted {
            let key = keys[Int(i)]
            let cells = try rows.row(at: key.place)
            try body(
                Overdue(
                    days: Int(key.days), clientID: cells[0], name: cells[1], therapist: cells[2].isEmpty ? nil : cells[2],
                    lastCompleted: Int(cells[4]).map { Day(serial: $0) }, intervalDays: Int(cells[3]) ?? 0))
        }
    }
}
