import LegCareCore
import LegCareNative
import LegCareRun

/// The `Session volumes` sheet: a table of one row per ISO week x therapist x kind for the
/// 12 weeks up to the as-of day; and `Volume totals`: the totals per week (every week, an
/// empty one too) and per therapist (every therapist of clinic.yaml, one with no sessions
/// too). Summing or filtering a column of the table never counts twice, and the table's
/// header, repeated on each printed page, never stands over the totals.
enum SessionVolumesSheet {
    static let headers = ["Week", "Therapist", "Kind", "Completed", "Minutes", "Cancelled", "No-shows"]
    static let widths = [16.0, 22, 16, 11, 10, 10, 10]

    static func write(
        _ log: SessionLog, figures: ManagerFigures, config: ClinicConfig, to wb: Workbook, sheet s: Workbook.Sheet,
        totals t: Workbook.Sheet, rowLimit: Int = Workbook.rowLimit
    ) throws {
        for (i, width) in widths.enumerated() { try wb.setColumns(t, i, i, width: width) }
        try wb.printSetup(t, repeatHeader: false)
        // Thousands of therapists pass Excel's row limit: the table goes on in `Session volumes (2)`...
        let table = try SheetStream(
            workbook: wb, name: "Session volumes", columns: zip(headers, widths).map { .init(header: $0, width: $1) },
            rowLimit: rowLimit, sheet: s, table: "SessionVolumes")
        let weekNames = figures.weeks.map(\.from.isoWeekName)
        var r = 0
        /// A row of the table, or with `sheet`, of the totals.
        func put(_ cells: [String], _ v: SessionLog.Volume, bold: Bool, on sheet: Workbook.Sheet? = nil) throws {
            r = sheet == nil ? try table.nextRow() : r + 1
            let sheet = sheet ?? table.sheet
            for (i, c) in cells.enumerated() { try wb.write(sheet, r, i, c, bold ? .bold : .wrapBottom) }
            for (i, n) in [v.completed, v.minutes, v.cancelled, v.noShow].enumerated() {
                try wb.write(sheet, r, 3 + i, number: Double(n))
            }
        }
        // A week at a time, each therapist's total and the grand total summed on the way,
        // never a grouped copy of every volume. The 12 weeks are in a row: none twice.
        var byTherapist: [SessionLog.Volume?] = []
        var therapists: [String] = []
        var all = SessionLog.Volume()
        var byWeek = [SessionLog.Volume](repeating: .init(), count: weekNames.count)
        try log.forEachWeek(of: weekNames, through: figures.asOf) { week, period in
            if therapists.isEmpty {
                therapists = period.therapists
                byTherapist = Array(repeating: nil, count: therapists.count)
            }
            // The entries' places in row order: by therapist, then kind, in name order.
            let entries = period.entries
            let order = entries.indices.map(Int32.init).sorted { a, b in
                let x = entries[Int(a)]
                let y = entries[Int(b)]
                return (period.therapistRank[x.therapist], period.kindRank[x.kind])
                    < (period.therapistRank[y.therapist], period.kindRank[y.kind])
            }
            var total = SessionLog.Volume()
            for i in order {
                let e = entries[Int(i)]
                try put([weekNames[week], therapists[e.therapist], period.kinds[e.kind]], e.volume, bold: false)
                total = total + e.volume
                byTherapist[e.therapist] = (byTherapist[e.therapist] ?? .init()) + e.volume
                all = all + e.volume
            }
            byWeek[week] = total
        }
        try table.finish()
        // The totals, each block under headers of its own, on a sheet of their own.
        r = -2
        func block(_ title: String, _ first: String, _ second: String) throws {
            r += 2
            try wb.write(t, r, 0, title, .title)
            r += 1
            try wb.writeHeaderRow(t, r, [first, second, ""] + Array(headers.dropFirst(3)), widths: widths)
        }
        try block("Totals per week, all therapists and kinds", "Week", "")
        // The as-of day's week is not over: its figures are the week so far.
        let current = figures.asOf.isoWeekName
        for (i, total) in byWeek.enumerated() {
            try put([weekNames[i] + (weekNames[i] == current ? " so far" : "")], total, bold: false, on: t)
        }
        try block("Totals per therapist, all 12 weeks", "", "Therapist")
        var totals: [String: SessionLog.Volume] = [:]
        for (n, total) in byTherapist.enumerated() { if let total { totals[therapists[n]] = total } }
        for name in config.therapistNames(adding: totals.keys) { try put(["", name], totals[name] ?? .init(), bold: false, on: t) }
        try put(["", "All therapists"], all, bold: true, on: t)
    }
}
