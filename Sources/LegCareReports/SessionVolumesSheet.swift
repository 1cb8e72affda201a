import LegCareCore

/// The `Session volumes` sheet: one row per ISO week x therapist x kind for the 12 weeks
/// up to the as-of day, a `Total` row per week (every week, an empty one too) and per
/// therapist (every therapist of clinic.yaml, one with no sessions too). Total rows say
/// `Total` in their first cell, so a filter or pivot of the detail rows never counts twice.
enum SessionVolumesSheet {
    static let headers = ["Week", "Therapist", "Kind", "Completed", "Minutes", "Cancelled", "No-shows"]

    static func write(_ log: SessionLog, figures: ManagerFigures, config: ClinicConfig, to wb: Workbook, sheet s: Workbook.Sheet) throws {
        for (i, width) in [12.0, 22, 16, 11, 10, 10, 10].enumerated() { try wb.setColumns(s, i, i, width: width) }
        try wb.printSetup(s, repeatHeader: true)
        wb.freeze(s, rows: 1)
        // In constant-memory mode rows go out in order: the header first.
        if wb.constantMemory { for (i, h) in headers.enumerated() { try wb.write(s, 0, i, h, .header) } }
        let weekNames = figures.weeks.map(\.from.isoWeekName)
        let inPeriod = log.volumes(inWeeks: Set(weekNames))
        var r = 0
        func put(_ cells: [String], _ v: SessionLog.Volume, bold: Bool) throws {
            r += 1
            for (i, c) in cells.enumerated() { try wb.write(s, r, i, c, bold ? .bold : nil) }
            for (i, n) in [v.completed, v.minutes, v.cancelled, v.noShow].enumerated() { try wb.write(s, r, 3 + i, number: Double(n)) }
        }
        func sum(_ values: some Sequence<SessionLog.Volume>) -> SessionLog.Volume {
            values.reduce(into: SessionLog.Volume()) {
                $0.completed += $1.completed
                $0.minutes += $1.minutes
                $0.cancelled += $1.cancelled
                $0.noShow += $1.noShow
            }
        }
        let byWeek = Dictionary(grouping: inPeriod, by: \.key.week)
        // Each therapist's total, summed in one pass (measured with massif: grouping a
        // copy of every volume by therapist was a seventh of the run's memory peak).
        var byTherapist: [String: SessionLog.Volume] = [:]
        for (key, v) in inPeriod { byTherapist[key.therapist] = sum([byTherapist[key.therapist] ?? .init(), v]) }
        for week in weekNames {
            let detail = (byWeek[week] ?? []).sorted { $0.key < $1.key }
            for (key, v) in detail { try put([key.week, key.therapist, key.kind], v, bold: false) }
            try put(["Total", week, "all kinds"], sum(detail.map(\.value)), bold: true)
        }
        for name in config.therapistNames(adding: byTherapist.keys) {
            try put(["Total", name, "all 12 weeks"], byTherapist[name] ?? .init(), bold: true)
        }
        try put(["Total", "all therapists", "all 12 weeks"], sum(inPeriod.values), bold: true)
        if wb.constantMemory {
            try wb.autofilter(s, lastRow: r, lastCol: headers.count - 1)
        } else {
            try wb.addTable(s, name: "SessionVolumes", headers: headers, lastRow: r)
        }
    }
}
