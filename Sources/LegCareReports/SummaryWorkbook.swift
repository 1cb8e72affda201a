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

    private let workbook: Workbook
    private let config: ClinicConfig
    private let asOf: Day
    private let week: DayRange
    private let overview: Workbook.Sheet
    private let clients: SheetStream
    private let routines: SheetStream
    private let referrals: SheetStream
    private let issues: SheetStream
    private let timetableSheet: Workbook.Sheet
    private let squadSheet: Workbook.Sheet?
    /// Session volumes, Utilisation, Client visits and Overdue, when a session log was given.
    private let managerSheets: (volumes: Workbook.Sheet, utilisation: Workbook.Sheet, visits: Workbook.Sheet, overdue: Workbook.Sheet)?
    private let forecastSheet: Workbook.Sheet
    private var referred: [(urgency: Urgency, order: Int, cells: [String])] = []
    private var statusCounts: [Status: Int] = [:]
    private var urgencyCounts: [Urgency: Int] = [:]
    private var referToCounts: [ReferTo: Int] = [:]
    private var due: [String: (sessions: Int, minutes: Int)] = [:]

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
        figures: ManagerFigures? = nil
    ) throws -> [Diagnostic] {
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
        try writeOverview(facts: facts, sessions: sessions, timetable: timetable, squad: squad)
        try workbook.close()
        return workbook.cutCells.map { cell in
            Diagnostic(
                .warning, file: "summary.xlsx", row: cell.row + 1, column: "\(cell.sheet)!\(Workbook.column(cell.col))",
                message: "text was longer than Excel's 32,767-character cell limit and was cut; the full text is in plans.jsonl")
        }
    }

    private func writeOverview(facts: RunFacts, sessions: SessionLog, timetable: Timetable, squad: [SquadMember]) throws {
        let o = overview
        try workbook.setColumns(o, 0, 0, width: 46)
        try workbook.setColumns(o, 1, 4, width: 15)
        try workbook.printSetup(o, repeatHeader: false)
        var r = 0
        try workbook.write(o, r, 0, "LegCare weekly summary", .title)
        r += 1
        try workbook.write(o, r, 0, config.clinicName)
        r += 2
        try workbook.write(o, r, 0, "Week", .bold)
        try workbook.write(o, r, 1, asOf.isoWeekName)
        r += 1
        try workbook.write(o, r, 0, "As of", .bold)
        try workbook.write(o, r, 1, date: asOf)
        r += 1
        try workbook.write(o, r, 0, "Clinic week", .bold)
        try workbook.write(o, r, 1, date: week.from)
        try workbook.write(o, r, 2, date: week.to)
        r += 2

        try header(o, &r, ["Input file", "Rows read", "Accepted", "Rejected"])
        for f in facts.files {
            try workbook.write(o, r, 0, f.file)
            for (i, v) in [f.read, f.accepted, f.rejected].enumerated() { try workbook.write(o, r, i + 1, number: Double(v)) }
            r += 1
        }
        r += 1
        try header(o, &r, ["Clients by status", "Clients"])
        let statusRows = r...(r + Status.allCases.count - 1)
        for s in Status.allCases {
            try workbook.write(o, r, 0, s.rawValue)
            try workbook.write(o, r, 1, number: Double(statusCounts[s] ?? 0))
            r += 1
        }
        try workbook.addChart(
            .pie, title: "Status mix", on: o, at: 2, 5,
            series: [
                .init(
                    name: "Clients", source: o, categoriesCol: 0, valuesCol: 1, rows: statusRows,
                    pointColors: Status.allCases.map(SummaryWorkbook.color))
            ])
        r += 1
        try header(o, &r, ["Referrals by urgency", "Clients"])
        for u in Urgency.allCases.reversed() {
            try workbook.write(o, r, 0, u.rawValue)
            try workbook.write(o, r, 1, number: Double(urgencyCounts[u] ?? 0))
            r += 1
        }
        r += 1
        try header(o, &r, ["Referrals by professional", "Clients"])
        for t in ReferTo.allCases {
            try workbook.write(o, r, 0, t.rawValue)
            try workbook.write(o, r, 1, number: Double(referToCounts[t] ?? 0))
            r += 1
        }
        r += 1
        try header(o, &r, ["Sessions due this week by therapist", "Sessions", "Hours needed", "Hours available", "Hours spare"])
        var names = config.therapists.map(\.name)
        for name in due.keys.sorted() where !names.contains(name) { names.append(name) }
        let first = r
        for name in names {
            let d = due[name] ?? (0, 0)
            let available = config.therapists.first { $0.name == name }?.hoursAvailable
            try workbook.write(o, r, 0, name)
            try workbook.write(o, r, 1, number: Double(d.sessions))
            try workbook.write(o, r, 2, number: Double(d.minutes) / 60, .decimal)
            if let available {
                try workbook.write(o, r, 3, number: available, .decimal)
                try workbook.write(o, r, 4, number: available - Double(d.minutes) / 60, .decimal)
            }
            r += 1
        }
        if r > first {
            try workbook.addChart(
                .column, title: "Sessions due this week", on: o, at: 18, 5, source: o, categoriesCol: 0, valuesCol: 1, rows: first...(r - 1)
            )
        } else {
            try workbook.write(o, r, 0, "No sessions fall due this week.")
            r += 1
        }
        r += 1
        if sessions.rows > 0 {
            try header(o, &r, ["Delivered sessions, last 4 weeks", "Completed", "Hours", "Cancelled", "No-shows"])
            let recent = (1...4).map { asOf.adding(days: -7 * $0).isoWeekName } + [asOf.isoWeekName]
            for therapist in sessions.volume.keys.sorted() {
                let weeks = sessions.volume[therapist]!.filter { recent.contains($0.key) }.values
                try workbook.write(o, r, 0, therapist)
                try workbook.write(o, r, 1, number: Double(weeks.map(\.completed).reduce(0, +)))
                try workbook.write(o, r, 2, number: Double(weeks.map(\.minutes).reduce(0, +)) / 60, .decimal)
                try workbook.write(o, r, 3, number: Double(weeks.map(\.cancelled).reduce(0, +)))
                try workbook.write(o, r, 4, number: Double(weeks.map(\.noShow).reduce(0, +)))
                r += 1
            }
            r += 1
        }
        try header(o, &r, ["This week's timetable", "Clients"])
        let booked = timetable.rows.filter { $0.date != nil }.count
        for (label, n) in [("Due a session", timetable.rows.count), ("Booked", booked), ("Not booked", timetable.rows.count - booked)] {
            try workbook.write(o, r, 0, label)
            try workbook.write(o, r, 1, number: Double(n))
            r += 1
        }
        if timetable.missingMinutes > 0 {
            try workbook.write(o, r, 0, "Therapist hours missing to book everyone due", .statusRefer)
            try workbook.write(o, r, 1, number: Double(timetable.missingMinutes) / 60, .decimal)
            r += 1
        }
        r += 1
        let athletes = squad.compactMap(\.attention)
        if squadSheet != nil {
            try header(o, &r, ["Squad attention (for planning, not diagnosis)", "Athletes"])
            for level in AttentionLevel.allCases.reversed() {
                try workbook.write(o, r, 0, level.rawValue, SquadSheet.style(level))
                try workbook.write(o, r, 1, number: Double(athletes.filter { $0.level == level }.count))
                r += 1
            }
            try workbook.write(o, r, 0, "Load spike (ACWR above \(config.settings.acwrSpike))")
            try workbook.write(o, r, 1, number: Double(athletes.filter { $0.reasons.contains("acwr_spike") }.count))
            r += 1
            try workbook.write(o, r, 0, "High monotony (above \(config.settings.monotonyHigh))")
            try workbook.write(o, r, 1, number: Double(athletes.filter { $0.reasons.contains("monotony_high") }.count))
            r += 1
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

    private func header(_ sheet: Workbook.Sheet, _ r: inout Int, _ titles: [String]) throws {
        for (i, t) in titles.enumerated() { try workbook.write(sheet, r, i, t, .header) }
        r += 1
    }
}
