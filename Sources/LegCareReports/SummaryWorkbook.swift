import LegCareCore

/// `summary.xlsx`: the workbook a clinic lead or manager opens first.
///
/// Sheets: `Overview` (the run's facts, status mix, referrals, sessions due and therapist
/// hours, with two charts), `Timetable` (the week's bookings), `Squad` (when a training
/// log was given), `Clients`, `Routines`, `Referrals` and `Input issues`. Client rows
/// stream in as plans are made; referred clients, counts, and what the timetable and
/// squad need are held until the end.
final class SummaryWorkbook {
    /// Runs with a client file larger than this use constant-memory mode (no Excel
    /// tables there: libxlsxwriter refuses them, so filter buttons are an autofilter).
    static let constantMemoryThresholdBytes = 8 << 20

    let workbook: Workbook
    let config: ClinicConfig
    let asOf: Day
    let week: DayRange
    let overview: Workbook.Sheet
    let clients: SheetStream
    let routines: SheetStream
    let referrals: SheetStream
    let issues: SheetStream
    let changesSheet: Workbook.Sheet
    let timetableSheet: Workbook.Sheet
    let squadSheet: Workbook.Sheet?
    /// Session volumes, Utilisation, Client visits and Overdue, when a session log was given.
    let managerSheets: (volumes: Workbook.Sheet, utilisation: Workbook.Sheet, visits: Workbook.Sheet, overdue: Workbook.Sheet)?
    let forecastSheet: Workbook.Sheet
    var referred: [(urgency: Urgency, order: Int, cells: [String])] = []
    var statusCounts: [Status: Int] = [:]
    var urgencyCounts: [Urgency: Int] = [:]
    var referToCounts: [ReferTo: Int] = [:]
    var due: [String: (sessions: Int, minutes: Int)] = [:]

    init(
        path: String, tmpdir: String, config: ClinicConfig, asOf: Day, constantMemory: Bool, hasTraining: Bool, hasSessions: Bool = false,
        rowLimit: Int = Workbook.rowLimit
    ) throws {
        self.config = config
        self.asOf = asOf
        let start = asOf.adding(days: -((asOf.weekday - config.weekStart + 7) % 7))
        week = DayRange(from: start, to: start.adding(days: 6))
        workbook = try Workbook(
            path: path, tmpdir: tmpdir, constantMemory: constantMemory, created: asOf, title: "LegCare summary \(asOf.isoWeekName)")
        overview = try workbook.addSheet("Overview")
        changesSheet = try workbook.addSheet("Changes")
        timetableSheet = try workbook.addSheet("Timetable")
        squadSheet = hasTraining ? try workbook.addSheet("Squad") : nil
        let wb = workbook
        clients = try SheetStream(
            workbook: wb, name: "Clients",
            columns: [
                .init(header: "Client ID", width: 12), .init(header: "Name", width: 24), .init(header: "Team", width: 14),
                .init(header: "Therapist", width: 16), .init(header: "Status", width: 10), .init(header: "Refer to", width: 15),
                .init(header: "Urgency", width: 10), .init(header: "Flags", width: 28), .init(header: "Session kind", width: 14),
                .init(header: "Interval (days)", width: 10), .init(header: "Minutes", width: 9), .init(header: "Window from", width: 12),
                .init(header: "Window to", width: 12), .init(header: "Self-massage min/week", width: 12), .init(header: "Areas", width: 30),
                .init(header: "Why", width: 80),
            ], rowLimit: rowLimit
        ) { sheet, lastRow in
            guard lastRow >= 1 else { return }
            try wb.highlight(sheet, col: 4, rows: 1...lastRow, equals: "refer", .statusRefer)
            try wb.highlight(sheet, col: 4, rows: 1...lastRow, equals: "modified", .statusModified)
            try wb.highlight(sheet, col: 4, rows: 1...lastRow, equals: "cleared", .statusCleared)
        }
        routines = try SheetStream(
            workbook: wb, name: "Routines",
            columns: [
                .init(header: "Client ID", width: 12), .init(header: "Name", width: 24), .init(header: "Step", width: 6),
                .init(header: "Area", width: 16), .init(header: "Tool", width: 15), .init(header: "Seconds per leg", width: 10),
                .init(header: "Hold (s)", width: 9), .init(header: "Pressure", width: 10), .init(header: "Sessions per week", width: 10),
            ], rowLimit: rowLimit)
        referrals = try SheetStream(
            workbook: wb, name: "Referrals",
            columns: [
                .init(header: "Urgency", width: 11), .init(header: "Refer to", width: 15), .init(header: "Client ID", width: 12),
                .init(header: "Name", width: 24), .init(header: "Team", width: 14), .init(header: "Therapist", width: 16),
                .init(header: "Flags", width: 30), .init(header: "Why", width: 80),
            ], rowLimit: rowLimit)
        managerSheets =
            hasSessions
            ? (
                try wb.addSheet("Session volumes"), try wb.addSheet("Utilisation"), try wb.addSheet("Client visits"),
                try wb.addSheet("Overdue")
            ) : nil
        forecastSheet = try wb.addSheet("Forecast")
        issues = try SheetStream(
            workbook: wb, name: "Input issues",
            columns: [
                .init(header: "File", width: 14), .init(header: "Row", width: 7), .init(header: "Line", width: 7),
                .init(header: "Client ID", width: 12), .init(header: "Column", width: 16), .init(header: "Value", width: 24),
                .init(header: "Severity", width: 9),
                .init(header: "Message", width: 70),
            ], rowLimit: rowLimit)
    }

    /// Adds one client's rows to Clients and Routines.
    func add(_ plan: Plan, profile: ClientProfile) throws {
        statusCounts[plan.status, default: 0] += 1
        let p = plan.professional
        var r = try clients.nextRow()
        let s = clients.sheet
        let areas = plan.selfMassage.items.map(\.area.rawValue).joined(separator: ", ")
        let why = plan.reasons.map { "[\($0.rule)] \($0.text)" }.joined(separator: " | ")
        let texts: [(Int, String?)] = [
            (0, profile.clientID), (1, profile.name), (2, profile.team), (3, profile.therapist), (4, plan.status.rawValue),
            (5, plan.referTo?.rawValue), (6, plan.urgency?.rawValue), (7, plan.flags.joined(separator: ", ")),
            (8, p.kind?.rawValue), (14, areas), (15, why),
        ]
        for (col, text) in texts { if let text { try workbook.write(s, r, col, text) } }
        if let v = p.intervalDays { try workbook.write(s, r, 9, number: Double(v)) }
        if let v = p.minutes { try workbook.write(s, r, 10, number: Double(v)) }
        if let w = p.nextWindow {
            try workbook.write(s, r, 11, date: w.from)
            try workbook.write(s, r, 12, date: w.to)
        }
        try workbook.write(s, r, 13, number: Double(plan.selfMassage.sessionsPerWeek * plan.selfMassage.totalMinutes))

        for (i, item) in plan.selfMassage.items.enumerated() {
            r = try routines.nextRow()
            let rs = routines.sheet
            try workbook.write(rs, r, 0, profile.clientID)
            try workbook.write(rs, r, 1, profile.name)
            try workbook.write(rs, r, 2, number: Double(i + 1))
            try workbook.write(rs, r, 3, item.area.rawValue)
            try workbook.write(rs, r, 4, item.tool.rawValue)
            try workbook.write(rs, r, 5, number: Double(item.seconds))
            try workbook.write(rs, r, 6, number: Double(item.holdSeconds))
            try workbook.write(rs, r, 7, item.pressure.rawValue)
            try workbook.write(rs, r, 8, number: Double(plan.selfMassage.sessionsPerWeek))
        }

        if plan.status == .refer, let urgency = plan.urgency {
            urgencyCounts[urgency, default: 0] += 1
            if let to = plan.referTo { referToCounts[to, default: 0] += 1 }
            let reasons = plan.reasons.filter { plan.referralRules.contains($0.rule) }.map(\.text).joined(separator: " | ")
            referred.append(
                (
                    urgency, referred.count,
                    [
                        urgency.rawValue, plan.referTo?.rawValue ?? "", profile.clientID, profile.name, profile.team ?? "",
                        profile.therapist ?? "", plan.flags.joined(separator: ", "), reasons,
                    ]
                ))
        }
        if let w = p.nextWindow, let minutes = p.minutes, week.contains(w.from) {
            let t = profile.therapist ?? "unassigned"
            due[t, default: (0, 0)].sessions += 1
            due[t, default: (0, 0)].minutes += minutes
        }
    }

    /// Writes Timetable, Squad, Referrals, Input issues and Overview, then closes the file.
    /// Returns warnings about cells cut at Excel's limit (ids and places only, no client data).
    func finish(
        diagnostics: [Diagnostic], facts: RunFacts, sessions: SessionLog, timetable: Timetable = Timetable(),
        names: [Int: String] = [:], squad: [SquadMember] = [], training: [String: TrainingHistory] = [:],
        figures: ManagerFigures? = nil, changes: (list: [PlanChange], names: [String: String])? = nil
    ) throws -> [Diagnostic] {
        try ChangesSheet.write(changes, to: workbook, sheet: changesSheet)
        let figures = figures ?? ManagerFigures(asOf: asOf)
        if let m = managerSheets {
            try SessionVolumesSheet.write(sessions, figures: figures, config: config, to: workbook, sheet: m.volumes)
            try UtilisationSheet.write(sessions, figures: figures, config: config, to: workbook, sheet: m.utilisation)
            try ClientVisitsSheet.write(figures, to: workbook, sheet: m.visits)
            try ClientVisitsSheet.writeOverdue(figures, asOf: asOf, to: workbook, sheet: m.overdue)
        }
        try ForecastSheet.write(figures.forecast, config: config, to: workbook, sheet: forecastSheet)
        let isoWeek = DayRange(from: asOf.adding(days: -(asOf.weekday - 1)), to: asOf.adding(days: 7 - asOf.weekday))
        try TimetableSheet.write(timetable, names: names, config: config, week: isoWeek, to: workbook, sheet: timetableSheet)
        if let squadSheet {
            var bookings: [String: Timetable.Row] = [:]
            for row in timetable.rows { bookings[row.request.clientID] = row }
            try SquadSheet.write(
                squad.filter { $0.attention != nil }, bookings: bookings, training: training, config: config, asOf: asOf, to: workbook,
                sheet: squadSheet)
        }
        for ref in referred.sorted(by: { ($0.urgency, -$0.order) > ($1.urgency, -$1.order) }) {
            let r = try referrals.nextRow()
            for (col, text) in ref.cells.enumerated() { try workbook.write(referrals.sheet, r, col, text) }
        }
        for d in diagnostics {
            let r = try issues.nextRow()
            let sh = issues.sheet
            try workbook.write(sh, r, 0, d.file)
            try workbook.write(sh, r, 1, number: Double(d.row))
            try workbook.write(sh, r, 2, number: Double(d.line))
            try workbook.write(sh, r, 3, d.clientID)
            try workbook.write(sh, r, 4, d.column)
            try workbook.write(sh, r, 5, d.value)
            try workbook.write(sh, r, 6, d.severity.rawValue)
            try workbook.write(sh, r, 7, d.message)
        }
        for stream in [clients, routines, referrals, issues] { try stream.finish() }
        try writeOverview(facts: facts, sessions: sessions, timetable: timetable, squad: squad, changes: changes?.list)
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
