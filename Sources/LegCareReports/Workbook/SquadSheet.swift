import LegCareCore
import LegCareNative

/// The `Squad` sheet: every athlete grouped by team, most attention first, with the load
/// figures, wellness flags, pain, next event and this week's booking; a chart of each
/// squad's daily load over the last 28 days and one of ACWR per athlete against the
/// spike threshold. For the clinic: unlike the coach's page it may name flags.
enum SquadSheet {
    static let headers = [
        "Team", "Client ID", "Name", "Attention", "Why", "7-day load", "Weekly average (28 days)", "ACWR", "ACWR spike above",
        "Monotony", "Strain", "Wellness flags", "Pain", "Next event", "Booking",
    ]
    /// The ACWR chart shows at most this many athletes (a league's list would be unreadable).
    static let chartAthletes = 60
    /// The daily-load chart shows at most this many squads.
    static let chartTeams = 8
    /// Column widths, in characters. Text columns wrap, so nothing runs into the next
    /// column (the reasons and wellness flags did, cut off on screen and on paper), and the
    /// sheet prints one A4 page wide at about two thirds of full size (a little over half
    /// before, at 241 characters).
    static let widths: [Double] = [16, 11, 18, 10, 40, 10, 12, 8, 10, 10, 10, 18, 6, 12, 22]

    /// One row per athlete with attention, by team, then most need first; `booking` gives
    /// a member's timetable row by their input order.
    static func write(
        _ squad: Squad, booking: (Int) -> Timetable.Row?, loads: TeamLoads, config: ClinicConfig, asOf: Day, to wb: Workbook,
        sheet s: Workbook.Sheet
    ) throws {
        for (i, width) in widths.enumerated() { try wb.setColumns(s, i, i, width: width) }
        try wb.printSetup(s, repeatHeader: true)
        for (i, h) in headers.enumerated() { try wb.write(s, 0, i, h, .header) }
        try wb.setRowHeight(s, 0, 15 * Double(zip(headers, widths).map { Workbook.lines($0, width: $1) }.max() ?? 1))
        wb.freeze(s, rows: 1)
        let settings = config.settings
        var r = 0
        try squad.forEachAthlete { m in
            r += 1
            let level = TeamPage.level(m)
            let booking = booking(m.order).map { b in
                b.date.map { "\(HandoutWording.shortDate($0)), \(b.therapist!)" } ?? "not booked"
            }
            let texts =
                [(0, m.team ?? "(no team)"), (1, m.clientID), (2, m.name), (4, why(m, config: config)), (11, m.wellnessFlags)]
                + (booking.map { [(14, $0)] } ?? [])
            // A row as tall as its longest wrapped text (LibreOffice keeps the default
            // height for wrapped text, so lines would overlap).
            let lines = texts.map { Workbook.lines($0.1, width: widths[$0.0]) }.max() ?? 1
            if lines > 1 { try wb.setRowHeight(s, r, 15 * Double(lines)) }
            // The wellness flags and the booking sit right of numbers (strain, the next
            // event's date): one step in, not touching them.
            for (col, text) in texts { try wb.write(s, r, col, text, [11, 14].contains(col) ? .wrapBottomIndent : .wrapBottom) }
            try wb.write(s, r, 3, level.rawValue, style(level))
            if let l = m.load {
                try wb.write(s, r, 5, number: l.acute, .decimal)
                try wb.write(s, r, 6, number: l.chronic, .decimal)
                if let v = l.acwr { try wb.write(s, r, 7, number: v, .decimal) }
                try wb.write(s, r, 8, number: settings.acwrSpike, .decimal)
                if let v = l.monotony { try wb.write(s, r, 9, number: v, .decimal) }
                if let v = l.strain { try wb.write(s, r, 10, number: v, .decimal) }
            }
            if let p = m.pain { try wb.write(s, r, 12, number: Double(p)) }
            if let e = m.nextEvent { try wb.write(s, r, 13, date: e) }
        }
        guard r > 0 else {
            try wb.write(s, 1, 0, "No athlete has training rows this week.")
            return
        }
        // Two charts side by side under the athletes, then the table the load chart reads.
        let chartRow = r + 2
        let charted = min(r, chartAthletes)
        try wb.addChart(
            .line, title: "ACWR per athlete (spike above \(settings.acwrSpike))", on: s, at: chartRow, 0,
            series: [
                .init(name: "ACWR", source: s, categoriesCol: 2, valuesCol: 7, rows: 1...charted, color: 0x2F5597, markersOnly: true),
                .init(name: "Spike threshold", source: s, categoriesCol: 2, valuesCol: 8, rows: 1...charted, color: 0xC00000, dashed: true),
            ], yAxis: "ACWR", width: 640)
        let teams = Array(squad.athleteTeams.prefix(chartTeams))
        guard !teams.isEmpty else { return }
        // The table the load chart reads, in columns of its own right of the athletes'
        // (under them it took the widths of the Why column and the rest).
        let left = Self.loadTableColumn
        try wb.setColumns(s, left, left, width: 12)
        try wb.setColumns(s, left + 1, left + teams.count, width: 12)
        r = chartRow + 17
        try wb.write(s, r, left, "Daily training load, average per athlete of each team (RPE x minutes), last 28 days", .bold)
        r += 1
        try wb.write(s, r, left, "Date", .header)
        for (i, team) in teams.enumerated() { try wb.write(s, r, left + i + 1, team, .header) }
        let first = r + 1
        for back in stride(from: TeamLoads.days, through: 1, by: -1) {
            r += 1
            let day = asOf.adding(days: -back)
            try wb.write(s, r, left, HandoutWording.shortDate(day))  // text: the chart's axis reads it as is
            for (i, team) in teams.enumerated() {
                try wb.write(s, r, left + i + 1, number: loads.average(team, daysBack: back), .decimal)
            }
        }
        try wb.addChart(
            .line, title: "Daily training load, average per athlete of each team, last 28 days", on: s, at: chartRow, 5,
            series: teams.enumerated().map { i, team in
                .init(name: team, source: s, categoriesCol: left, valuesCol: left + i + 1, rows: first...r)
            }, yAxis: "RPE x minutes", width: 640)
    }

    /// The first column of the daily-load table, right of the athletes' 14 and a gap.
    static let loadTableColumn = 15

    /// The status colours used everywhere: cleared green, modified amber, refer red.
    static func style(for status: Status) -> Workbook.Style {
        switch status {
        case .cleared: return .statusCleared
        case .modified: return .statusModified
        case .refer: return .statusRefer
        }
    }

    static func style(_ level: AttentionLevel) -> Workbook.Style {
        switch level {
        case .red: return .statusRefer
        case .amber: return .statusModified
        case .green: return .statusCleared
        }
    }

    /// The clinic's reading of the level: the coach's sentences, plus the flags.
    static func why(_ m: SquadMember, config: ClinicConfig) -> String {
        var parts = TeamPage.reasons(m, config: config)
        if m.status == .refer && !m.flags.isEmpty { parts.append("flags: \(m.flags.joined(separator: ", "))") }
        return parts.joined(separator: "; ")
    }
}
