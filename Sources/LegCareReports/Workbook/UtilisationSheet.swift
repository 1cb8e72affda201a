import LegCareCore
import LegCareNative
import LegCareRun

/// The `Utilisation` sheet: completed minutes over available minutes per therapist per
/// week (hours from clinic.yaml, taken as the same every week), coloured on a 3-colour
/// scale, with the clinic's overall figure; then the weekly figures the charts read:
/// sessions and hours, cancellations and no-shows, sessions per therapist by kind.
enum UtilisationSheet {
    static func write(_ log: SessionLog, figures: ManagerFigures, config: ClinicConfig, to wb: Workbook, sheet s: Workbook.Sheet) throws {
        let weeks = figures.weeks.map(\.from.isoWeekName)
        // One pass over the volumes, on numbers, a week at a time: a league has hundreds of
        // thousands of them.
        let kinds = DeliveredKind.allCases.map(\.rawValue)
        var minutesBy: [Int] = []  // therapist x week
        var weekly = [SessionLog.Volume](repeating: .init(), count: weeks.count)
        var kindsBy: [Int] = []  // completed, by kind
        var active: [Bool] = []
        var therapists: [String] = []
        var therapistRank: [Int] = []
        var periodKinds: [String] = []
        try log.forEachWeek(of: weeks) { _, period in
            if therapists.isEmpty {
                therapists = period.therapists
                therapistRank = period.therapistRank
                periodKinds = period.kinds
                minutesBy = Array(repeating: 0, count: therapists.count * weeks.count)
                kindsBy = Array(repeating: 0, count: therapists.count * periodKinds.count)
                active = Array(repeating: false, count: therapists.count)
            }
            for e in period.entries {
                minutesBy[e.therapist * weeks.count + e.week] += e.volume.minutes
                weekly[e.week] = weekly[e.week] + e.volume
                kindsBy[e.therapist * periodKinds.count + e.kind] += e.volume.completed
                active[e.therapist] = true
            }
        }
        let numbers = Dictionary(therapists.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        try wb.setColumns(s, 0, 0, width: 24)
        try wb.setColumns(s, 1, weeks.count + 1, width: 10)
        try wb.printSetup(s, repeatHeader: false)
        var r = 0
        try wb.write(s, r, 0, "Therapist utilisation: completed minutes / available minutes", .title)
        r += 1
        try wb.write(
            s, r, 0, "Available = the weekly hours in clinic.yaml. Sessions dated after the as-of day are bookings and do not count.")
        r += 2
        try wb.write(s, r, 0, "Therapist", .header)
        for (i, w) in weeks.enumerated() { try wb.write(s, r, i + 1, w, .header) }
        try wb.write(s, r, weeks.count + 1, "12 weeks", .header)
        let gridTop = r + 1
        var totalDone = Array(repeating: 0, count: weeks.count)
        var totalAvailable = 0.0
        for t in config.therapists {
            r += 1
            try wb.write(s, r, 0, t.name)
            var done = 0
            for i in weeks.indices {
                // A week named twice reads its first place, where its sessions are.
                let first = weeks.firstIndex(of: weeks[i])!
                let minutes = numbers[t.name].map { minutesBy[$0 * weeks.count + first] } ?? 0
                done += minutes
                totalDone[i] += minutes
                if t.hoursAvailable > 0 { try wb.write(s, r, i + 1, number: Double(minutes) / (t.hoursAvailable * 60), .percent) }
            }
            totalAvailable += t.hoursAvailable * 60
            if t.hoursAvailable > 0 {
                try wb.write(s, r, weeks.count + 1, number: Double(done) / (t.hoursAvailable * 60 * Double(weeks.count)), .percent)
            }
        }
        r += 1
        try wb.write(s, r, 0, "Clinic overall", .bold)
        if totalAvailable > 0 {
            for (i, d) in totalDone.enumerated() { try wb.write(s, r, i + 1, number: Double(d) / totalAvailable, .percent) }
            try wb.write(s, r, weeks.count + 1, number: Double(totalDone.reduce(0, +)) / (totalAvailable * Double(weeks.count)), .percent)
            try wb.colorScale(s, rows: gridTop...r, cols: 1...(weeks.count + 1))
        } else {
            try wb.write(s, r, 1, "No therapist hours in clinic.yaml")
        }

        // The weekly figures, for the charts.
        r += 2
        let chartTop = r
        try wb.write(s, r, 0, "Week", .header)
        for (i, h) in ["Completed sessions", "Completed hours", "Cancelled", "No-shows"].enumerated() {
            try wb.write(s, r, i + 1, h, .header)
        }
        try wb.setRowHeight(s, r, 30)
        for w in weeks {
            r += 1
            let v = weekly[weeks.firstIndex(of: w)!]
            try wb.write(s, r, 0, w)
            try wb.write(s, r, 1, number: Double(v.completed))
            try wb.write(s, r, 2, number: Double(v.minutes) / 60, .decimal)
            try wb.write(s, r, 3, number: Double(v.cancelled))
            try wb.write(s, r, 4, number: Double(v.noShow))
        }
        let weekRows = (chartTop + 1)...r
        r += 2
        let people = therapists.indices.filter { active[$0] }.sorted { therapistRank[$0] < therapistRank[$1] }
        try wb.write(s, r, 0, "Completed sessions, 12 weeks", .header)
        for (i, k) in kinds.enumerated() { try wb.write(s, r, i + 1, k, .header) }
        try wb.setRowHeight(s, r, 30)
        let kindTop = r + 1
        for n in people {
            r += 1
            try wb.write(s, r, 0, therapists[n])
            for (i, k) in kinds.enumerated() {
                let kind = periodKinds.firstIndex(of: k)!
                try wb.write(s, r, i + 1, number: Double(kindsBy[n * periodKinds.count + kind]))
            }
        }
        let col = weeks.count + 3
        try wb.addChart(
            .line, title: "Completed sessions and hours per week", on: s, at: chartTop, col,
            series: [
                .init(name: "Sessions", source: s, categoriesCol: 0, valuesCol: 1, rows: weekRows),
                .init(name: "Hours", source: s, categoriesCol: 0, valuesCol: 2, rows: weekRows, color: 0x70AD47),
            ])
        try wb.addChart(
            .line, title: "Cancellations and no-shows per week", on: s, at: chartTop + 16, col,
            series: [
                .init(name: "Cancelled", source: s, categoriesCol: 0, valuesCol: 3, rows: weekRows, color: 0xFFC000),
                .init(name: "No-shows", source: s, categoriesCol: 0, valuesCol: 4, rows: weekRows, color: 0xC00000),
            ])
        if !people.isEmpty {
            try wb.addChart(
                .stackedColumn, title: "Completed sessions per therapist, by kind", on: s, at: chartTop + 32, col,
                series: kinds.enumerated().map { i, k in
                    .init(name: k, source: s, categoriesCol: 0, valuesCol: i + 1, rows: kindTop...r)
                })
        }
    }
}
