import LegCareCore
import LegCareNative

/// The `Squad` sheet: every athlete grouped by team, most attention first, with the load
/// figures, wellness flags, pain, next event and this week's booking. For the clinic:
/// unlike the coach's page it may name flags. `Squad charts` holds the charts, on pages
/// of their own, so the athletes' header never repeats over them.
enum SquadSheet {
    static let headers = [
        "Team", "Client ID", "Name", "Attention", "Why", "7-day load", "Weekly average (28 days)", "ACWR", "ACWR spike above",
        "Monotony", "Strain", "Wellness flags", "Pain", "Next event", "Booking",
    ]
    /// Column widths, in characters. Text columns wrap, so nothing runs into the next
    /// column, and the sheet prints one A4 page wide at about two thirds of full size.
    static let widths: [Double] = [16, 11, 18, 10, 40, 10, 12, 8, 10, 10, 10, 18, 6, 12, 22]

    /// One row per athlete with attention, by team, then most need first; `booking` gives
    /// a member's timetable row by their input order. Returns each athlete's ACWR, for
    /// ``SquadCharts``.
    static func write(
        _ squad: Squad, booking: (Int) -> Timetable.Row?, config: ClinicConfig, to wb: Workbook, sheet: Workbook.Sheet,
        rowLimit: Int = Workbook.rowLimit
    ) throws -> [SquadCharts.Athlete] {
        let stream = try SheetStream(
            workbook: wb, name: "Squad", columns: zip(headers, widths).map { .init(header: $0, width: $1) }, rowLimit: rowLimit,
            sheet: sheet, filters: false)
        let settings = config.settings
        var ratios: [SquadCharts.Athlete] = []
        try squad.forEachAthlete { m in
            let r = try stream.nextRow()
            let s = stream.sheet
            let level = TeamPage.level(m)
            let booking = booking(m.order).map { b in
                b.date.map { "\(ReportDates.shortDate($0)), \(b.therapist!)" } ?? "not booked"
            }
            let texts =
                [(0, m.team ?? "(no team)"), (1, m.clientID), (2, m.name), (4, why(m, config: config)), (11, m.wellnessFlags)]
                + (booking.map { [(14, $0)] } ?? [])
            // The wellness flags and the booking sit right of numbers (strain, the next
            // event's date): one step in, not touching them.
            try wb.writeWrapped(s, r, texts, widths: widths, indented: [11, 14])
            try wb.write(s, r, 3, level.rawValue, style(level))
            if let l = m.load {
                try wb.write(s, r, 5, number: l.acute, .decimal)
                try wb.write(s, r, 6, number: l.chronic, .decimal)
                if let v = l.acwr {
                    try wb.write(s, r, 7, number: v, .decimal)
                    ratios.append(.init(name: m.name, team: m.team ?? "(no team)", acwr: v))
                }
                try wb.write(s, r, 8, number: settings.acwrSpike, .decimal)
                if let v = l.monotony { try wb.write(s, r, 9, number: v, .decimal) }
                if let v = l.strain { try wb.write(s, r, 10, number: v, .decimal) }
            }
            if let p = m.pain { try wb.write(s, r, 12, number: Double(p)) }
            if let e = m.nextEvent { try wb.write(s, r, 13, date: e) }
        }
        if stream.count == 0 { try wb.write(sheet, 1, 0, "No athlete has training rows this week.") }
        return ratios
    }

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
