import LegCareCore
import LegCareNative
import LegCareRun

/// The `Overview` sheet: the run's facts, status mix, referrals, sessions due and
/// therapist hours, the timetable's figures and squad attention, with two charts.
extension SummaryWorkbook {
    /// `delivered`: each therapist's sessions in the last four weeks and this one (`nil`
    /// without a session log).
    func writeOverview(
        facts: RunFacts, delivered: [String: SessionLog.Volume]?, timetable: Timetable, squad: Squad.Tally, changes: [PlanChange]?
    ) throws {
        let o = overview
        for (i, width) in Self.overviewWidths.enumerated() { try workbook.setColumns(o, i, i, width: width) }
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
        // The blocks of a fixed size first, so they stay on the first page; the lists that
        // grow with the therapists come after.
        let hoursByName = config.hoursByName
        let spareInAll = config.therapistNames(adding: due.keys).reduce(0.0) { total, name in
            guard let available = hoursByName[name] else { return total }
            return total + available - Double(due[name]?.minutes ?? 0) / 60
        }
        try header(o, &r, ["Since last week", "Clients"])
        if let changes {
            let rows: [(String, Int)] = [
                ("New clients", changes.filter { $0.kind == .newClient }.count),
                ("Gone since last week", changes.filter { $0.kind == .gone }.count),
                ("Newly referred", changes.filter(ChangesSheet.isNewReferral).count),
                ("Cleared from a referral", changes.filter { $0.kind == .status && $0.before == Status.refer.rawValue }.count),
                ("Any change to the plan", Set(changes.map(\.clientID)).count),
            ]
            for (label, n) in rows {
                try workbook.write(o, r, 0, label)
                try workbook.write(o, r, 1, number: Double(n))
                r += 1
            }
        } else {
            try workbook.write(o, r, 0, "First run: no earlier week to compare with")
            r += 1
        }
        r += 1
        try header(o, &r, ["This week's timetable", "Clients"])
        let booked = timetable.rows.lazy.filter { $0.date != nil }.count
        for (label, n) in [("Due a session", timetable.rows.count), ("Booked", booked), ("Not booked", timetable.rows.count - booked)] {
            try workbook.write(o, r, 0, label)
            try workbook.write(o, r, 1, number: Double(n))
            r += 1
        }
        if timetable.missingMinutes > 0 {
            try workbook.write(o, r, 0, "Therapist hours missing to book everyone due", .statusRefer)
            try workbook.write(o, r, 1, number: Double(timetable.missingMinutes) / 60, .decimal)
            r += 1
            if spareInAll > 0 {
                try workbook.writeNote(
                    o, r,
                    "Why, with hours spare: each therapist's hours are spread evenly over the days they work, and a client can "
                        + "only be booked inside their window, so the spare hours fall on days or with therapists those clients cannot use.",
                    widths: Self.overviewWidths)
                r += 1
            }
        }
        r += 1
        if squadSheets != nil {
            try header(o, &r, ["Squad attention (for planning, not diagnosis)", "Athletes"])
            for level in AttentionLevel.allCases.reversed() {
                try workbook.write(o, r, 0, level.rawValue, SquadSheet.style(level))
                try workbook.write(o, r, 1, number: Double(squad.levels[level] ?? 0))
                r += 1
            }
            try workbook.write(o, r, 0, "Load spike (ACWR above \(config.settings.acwrSpike))")
            try workbook.write(o, r, 1, number: Double(squad.reasons["acwr_spike"] ?? 0))
            r += 1
            try workbook.write(o, r, 0, "High monotony (above \(config.settings.monotonyHigh))")
            try workbook.write(o, r, 1, number: Double(squad.reasons["monotony_high"] ?? 0))
            r += 1
        }
        r += 1
        try header(o, &r, ["Sessions due this week by therapist", "Sessions", "Hours needed", "Hours available", "Hours spare"])
        let names = config.therapistNames(adding: due.keys)
        let first = r
        for name in names {
            let d = due[name] ?? (0, 0)
            let available = hoursByName[name]
            try workbook.write(o, r, 0, name)
            try workbook.write(o, r, 1, number: Double(d.sessions))
            try workbook.write(o, r, 2, number: Double(d.minutes) / 60, .decimal)
            if let available {
                let spare = available - Double(d.minutes) / 60
                try workbook.write(o, r, 3, number: available, .decimal)
                try workbook.write(o, r, 4, number: spare, spare < 0 ? .statusRefer : .decimal)
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
        if let totals = delivered {
            try header(o, &r, ["Delivered sessions, last 4 weeks", "Completed", "Hours", "Cancelled", "No-shows"])
            for therapist in totals.keys.sorted(by: NaturalOrder.less) {
                let v = totals[therapist]!
                try workbook.write(o, r, 0, therapist)
                try workbook.write(o, r, 1, number: Double(v.completed))
                try workbook.write(o, r, 2, number: Double(v.minutes) / 60, .decimal)
                try workbook.write(o, r, 3, number: Double(v.cancelled))
                try workbook.write(o, r, 4, number: Double(v.noShow))
                r += 1
            }
            r += 1
        }
    }

    static let overviewWidths = [46.0, 15, 15, 15, 15]

    func header(_ sheet: Workbook.Sheet, _ r: inout Int, _ titles: [String]) throws {
        try workbook.writeHeaderRow(sheet, r, titles, widths: Self.overviewWidths)
        r += 1
    }
}
