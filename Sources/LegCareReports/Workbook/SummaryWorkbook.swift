import LegCareCore
import LegCareNative
import LegCareRun

/// `summary.xlsx`: the workbook a clinic lead or manager opens first.
///
/// Sheets: `Overview` (the run's facts, status mix, referrals, sessions due and therapist
/// hours, with two charts), `Timetable` (the week's bookings), `Squad` (when a training
/// log was given), `Clients`, `Routines`, `Referrals` and `Input issues`. Client rows
/// stream in as plans are made; referred clients and the squad wait on disk, counts in
/// memory, until the end.
final class SummaryWorkbook {
    /// Runs with a client file larger than this use constant-memory mode (no Excel
    /// tables there: libxlsxwriter refuses them, so filter buttons are an autofilter).
    static let constantMemoryThresholdBytes = 8 << 20

    let workbook: Workbook
    let config: ClinicConfig
    let asOf: Day
    /// Where the workbook's and the squad's scratch files go (the run's staging folder).
    let tmpdir: String
    let week: DayRange
    let overview: Workbook.Sheet
    let clients: SheetStream
    let routines: SheetStream
    let referrals: SheetStream
    let issues: SheetStream
    let changesSheet: Workbook.Sheet
    let timetableSheet: Workbook.Sheet
    /// Squad and Squad charts, when a training log was given.
    let squadSheets: (athletes: Workbook.Sheet, charts: Workbook.Sheet)?
    /// Session volumes, Utilisation, Client visits and Overdue, when a session log was given.
    let managerSheets:
        (volumes: Workbook.Sheet, totals: Workbook.Sheet, utilisation: Workbook.Sheet, visits: SheetStream, overdue: Workbook.Sheet)?
    let forecastSheet: Workbook.Sheet
    /// Rows a sheet may hold before it continues on `Name (2)` (Excel's limit; tests lower it).
    let rowLimit: Int
    /// The referred clients' rows by urgency, each in input order.
    let referred: [Urgency: ScratchRows]
    var statusCounts: [Status: Int] = [:]
    var urgencyCounts: [Urgency: Int] = [:]
    var referToCounts: [ReferTo: Int] = [:]
    var due: [String: (sessions: Int, minutes: Int)] = [:]
    /// Each therapist's delivered sessions in the last four weeks and this one, for the
    /// Overview (`nil`: no session log); kept by ``writeLogSheets(sessions:figures:changes:)``.
    var delivered: [String: SessionLog.Volume]?
    /// The next weeks' need, kept from the log sheets until the week is booked.
    var forecast: Forecast?

    init(
        path: String, tmpdir: String, config: ClinicConfig, asOf: Day, constantMemory: Bool, hasTraining: Bool, hasSessions: Bool = false,
        rowLimit: Int = Workbook.rowLimit
    ) throws {
        self.config = config
        self.asOf = asOf
        self.tmpdir = tmpdir
        self.rowLimit = rowLimit
        referred = try Dictionary(uniqueKeysWithValues: Urgency.allCases.map { ($0, try ScratchRows(folder: tmpdir)) })
        let start = asOf.adding(days: -((asOf.weekday - config.weekStart + 7) % 7))
        week = DayRange(from: start, to: start.adding(days: 6))
        workbook = try Workbook(
            path: path, tmpdir: tmpdir, constantMemory: constantMemory, created: asOf, title: "LegCare summary \(asOf.isoWeekName)")
        workbook.pageHeader = "\(config.clinicName): LegCare summary, week \(asOf.isoWeekName)"
        overview = try workbook.addSheet("Overview")
        changesSheet = try workbook.addSheet("Changes")
        timetableSheet = try workbook.addSheet("Timetable")
        squadSheets = hasTraining ? (try workbook.addSheet("Squad"), try workbook.addSheet("Squad charts")) : nil
        let wb = workbook
        clients = try SheetStream(
            workbook: wb, name: "Clients",
            columns: Self.clientsColumns, rowLimit: rowLimit
        ) { sheet, lastRow in
            try wb.printArea(sheet, rows: 0...lastRow, cols: 0...(Self.clientsColumns.count - 2), footer: Self.clientsFooter)
            guard lastRow >= 1 else { return }
            try wb.highlight(sheet, col: 4, rows: 1...lastRow, equals: "refer", .statusRefer)
            try wb.highlight(sheet, col: 4, rows: 1...lastRow, equals: "modified", .statusModified)
            try wb.highlight(sheet, col: 4, rows: 1...lastRow, equals: "cleared", .statusCleared)
        }
        routines = try SheetStream(
            workbook: wb, name: "Routines",
            columns: Self.routinesColumns, rowLimit: rowLimit)
        referrals = try SheetStream(
            workbook: wb, name: "Referrals",
            columns: Self.referralsColumns, rowLimit: rowLimit)
        managerSheets =
            hasSessions
            ? (
                try wb.addSheet("Session volumes"), try wb.addSheet("Volume totals"), try wb.addSheet("Utilisation"),
                try SheetStream(
                    workbook: wb, name: "Client visits", columns: ClientVisitsSheet.columns, rowLimit: rowLimit),
                try wb.addSheet("Overdue")
            ) : nil
        forecastSheet = try wb.addSheet("Forecast")
        issues = try SheetStream(
            workbook: wb, name: "Input issues",
            columns: Self.issuesColumns, rowLimit: rowLimit)
    }

    /// Adds one client's rows to Clients, Routines and (with sessions in the log) Client
    /// visits, and what the summary sheets count.
    func add(_ plan: Plan, profile: ClientProfile, visit: ManagerFigures.VisitRow? = nil) throws {
        statusCounts[plan.status, default: 0] += 1
        if let visit, let m = managerSheets { try ClientVisitsSheet.add(visit, to: m.visits, workbook) }
        try addClientRow(plan, profile: profile)
        try addRoutineRows(plan, profile: profile)
        try noteReferral(plan, profile: profile)
        let p = plan.professional
        if let w = p.nextWindow, let minutes = p.minutes, week.contains(w.from) {
            let t = profile.therapist ?? "unassigned"
            due[t, default: (0, 0)].sessions += 1
            due[t, default: (0, 0)].minutes += minutes
        }
    }

    /// Writes every sheet not yet written, then closes the file. Returns warnings about
    /// cells cut at Excel's limit (ids and places only, no client data).
    func finish(
        diagnostics: [Diagnostic], facts: RunFacts, sessions: SessionLog, timetable: Timetable = Timetable(),
        names: ClientNames = ClientNames(), squad: [SquadMember] = [], loads: TeamLoads? = nil,
        figures: ManagerFigures? = nil, changes: (list: [PlanChange], names: [String: String])? = nil
    ) throws -> [Diagnostic] {
        try writeLogSheets(sessions: sessions, figures: figures, changes: changes)
        try writeSheets(
            diagnostics: diagnostics, facts: facts, timetable: timetable, names: names, squad: try Squad(squad, folder: tmpdir),
            loads: loads, changes: changes?.list)
        return try close()
    }

    /// Writes Changes and what the session log and the manager's figures make (Session
    /// volumes, Utilisation, Client visits' filters, Overdue, Forecast), and keeps the
    /// Overview's delivered sessions: the sheets that need neither the week's bookings nor
    /// the squad, so they can be written before the week is booked.
    ///
    /// The session log is taken, not borrowed: it is let go once the sheets that total it
    /// are written, before the week's booking requests come back.
    func writeLogSheets(
        sessions: consuming SessionLog, figures: ManagerFigures? = nil, changes: (list: [PlanChange], names: [String: String])? = nil
    ) throws {
        try ChangesSheet.write(changes, to: workbook, sheet: changesSheet, rowLimit: rowLimit)
        let figures = figures ?? ManagerFigures(asOf: asOf)
        if let m = managerSheets {
            try SessionVolumesSheet.write(
                sessions, figures: figures, config: config, to: workbook, sheet: m.volumes, totals: m.totals, rowLimit: rowLimit)
            try UtilisationSheet.write(sessions, figures: figures, config: config, to: workbook, sheet: m.utilisation)
            try m.visits.finish()
            try ClientVisitsSheet.writeOverdue(figures, to: workbook, sheet: m.overdue, rowLimit: rowLimit)
        }
        // The Overview's delivered sessions, the last of what the log is read for.
        let recent = (1...4).map { asOf.adding(days: -7 * $0).isoWeekName } + [asOf.isoWeekName]
        delivered = sessions.rows > 0 ? try sessions.therapistTotals(inWeeks: Set(recent), through: asOf) : nil
        _ = consume sessions
        // What the volumes let go, so the sheets after them do not add to it.
        FreedMemory.release()
        forecast = figures.forecast  // written with the week's bookings: the unbooked carry over
    }

    /// Writes Timetable, Squad, Forecast (with the unbooked carried over), Referrals, Input
    /// issues and Overview (after ``writeLogSheets(sessions:figures:changes:)``): what
    /// ``close()`` needs none of the run's data for, so the caller can let go of it first.
    func writeSheets(
        diagnostics: [Diagnostic], facts: RunFacts, timetable: Timetable = Timetable(), names: ClientNames = ClientNames(),
        squad: Squad, loads: TeamLoads? = nil, changes: [PlanChange]? = nil
    ) throws {
        let isoWeek = DayRange(from: asOf.adding(days: -(asOf.weekday - 1)), to: asOf.adding(days: 7 - asOf.weekday))
        try TimetableSheet.write(
            timetable, names: names, config: config, week: isoWeek, to: workbook, sheet: timetableSheet, rowLimit: rowLimit)
        if let squadSheets {
            // The athletes' bookings only, by input order, as places in the timetable: the
            // row is made when the sheet reads it, never copied.
            let orders = squad.athleteOrders
            var places: [Int: Int] = [:]
            let rows = timetable.rows
            for i in rows.indices where orders.contains(rows.order(at: i)) { places[rows.order(at: i)] = i }
            let athletes = try SquadSheet.write(
                squad, booking: { places[$0].map { rows[$0] } }, config: config, to: workbook, sheet: squadSheets.athletes,
                rowLimit: rowLimit)
            try SquadCharts.write(
                athletes, teams: squad.athleteTeams, loads: loads ?? TeamLoads(asOf: asOf), config: config, asOf: asOf, to: workbook,
                sheet: squadSheets.charts)
        }
        if var forecast = forecast.take() {
            for i in timetable.rows.indices where timetable.rows[i].date == nil {
                let row = timetable.rows[i]
                forecast.carry(minutes: row.request.minutes, therapist: row.request.therapist)
            }
            try ForecastSheet.write(forecast, config: config, to: workbook, sheet: forecastSheet)
        }
        try writeReferrals()
        try writeIssues(diagnostics)
        for stream in [clients, routines, referrals, issues] { try stream.finish() }
        try writeOverview(facts: facts, delivered: delivered, timetable: timetable, squad: squad.tally, changes: changes)
    }

    /// Closes the file (libxlsxwriter assembles and deflates every part). Returns warnings
    /// about cells cut at Excel's limit (ids and places only, no client data).
    func close() throws -> [Diagnostic] {
        try workbook.close()
        return workbook.cutCells.map { cell in
            Diagnostic(
                .warning, file: "summary.xlsx", row: cell.row + 1, column: "\(cell.sheet)!\(Workbook.column(cell.col))",
                message: "text was longer than Excel's 32,767-character cell limit and was cut; the full text is in plans.jsonl")
        }
    }

    /// The status colours of every chart: cleared green, modified amber, refer red (the
    /// cells use the matching fills).
    static func color(_ status: Status) -> UInt32 {
        switch status {
        case .cleared: return 0x70AD47
        case .modified: return 0xFFC000
        case .refer: return 0xC00000
        }
    }
}

extension ClinicConfig {
    /// The therapists of `clinic.yaml` and the other names (from the logs or the list), in
    /// natural name order, the one order every sheet lists therapists in. Membership is
    /// checked in a set: a league's thousands of therapists made a list's `contains`
    /// quadratic.
    func therapistNames(adding others: some Sequence<String>) -> [String] {
        Set(therapists.map(\.name)).union(others).sorted(by: NaturalOrder.less)
    }

    /// Each therapist's weekly hours by name (the first entry of a name), for the sheets
    /// that look names up: a search of the list per name was quadratic in a league's
    /// thousands of therapists.
    var hoursByName: [String: Double] {
        Dictionary(therapists.map { ($0.name, $0.hoursAvailable) }, uniquingKeysWith: { first, _ in first })
    }
}
