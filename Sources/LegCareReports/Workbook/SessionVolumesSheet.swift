import LegCareCore
import LegCareNative
import LegCareRun

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
        var r = 0
        func put(_ cells: [String], _ v: SessionLog.Volume, bold: Bool) throws {
            r += 1
            for (i, c) in cells.enumerated() { try wb.write(s, r, i, c, bold ? .bold : nil) }
            for (i, n) in [v.completed, v.minutes, v.cancelled, v.noShow].enumerated() { try wb.write(s, r, 3 + i, number: Double(n)) }
        }
        // A week at a time, each therapist's total and the grand total summed on the way,
        // never a grouped copy of every volume. The 12 weeks are in a row: none twice.
        var byTherapist: [SessionLog.Volume?] = []
        var therapists: [String] = []
        var all = SessionLog.Volume()
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
            try put(["Total", weekNames[week], "all kinds"], total, bold: true)
        }
        var totals: [String: SessionLog.Volume] = [:]
        for (n, total) in byTherapist.enumerated() { if let total { totals[therapists[n]] = total } }
        for name in config.therapistNames(adding: totals.keys) {
            try put(["Total", name, "all 12 weeks"], totals[name] ?? .init(), bold: true)
        }
        try put(["Total", "all therapists", "all 12 weeks"], all, bold: true)
        if wb.constantMemory {
            try wb.autofilter(s, lastRow: r, lastCol: headers.count - 1)
        } else {
            try wb.addTable(s, name: "SessionVolumes", headers: headers, lastRow: r)
        }
    }
}
