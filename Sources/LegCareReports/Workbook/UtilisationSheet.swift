import LegCareCore
import LegCareNative
import LegCareRun

/// The `Utilisation` sheet: completed minutes over available minutes per therapist per
/// week (hours from clinic.yaml, taken as the same every week), coloured on a 3-colour
/// scale, with the clinic's overall figure; then the weekly figures the charts read:
/// sessions and hours, cancellations and no-shows; and a table of sessions per therapist
/// by kind.
///
/// Only weeks with data have a figure: a week before the session log's first session is
/// blank (no data, not 0%), and the as-of day's week, not yet over, is the week so far,
/// against the hours of its days before the as-of day (blank on its first day). The 12-week figures count only
/// those weeks, and the charts leave out the week so far.
enum UtilisationSheet {
    /// Which of the 12 weeks have a figure, and the share of each week's hours that counts.
    struct Coverage: Equatable {
        /// The first and last ISO weeks with a logged session, if any.
        var firstLogged: String?
        var lastLogged: String?
        /// Per week: `nil` outside the log's weeks, else the days of it that count (1-7).
        var days: [Set<Int>?]

        init(weeks: [DayRange], asOf: Day, firstLogged: String?, lastLogged: String? = nil) {
            let end = lastLogged ?? firstLogged.map { _ in "9999-W99" }
            self.firstLogged = firstLogged
            self.lastLogged = end
            days = weeks.map { week in
                guard let first = firstLogged, let end, (first...end).contains(week.from.isoWeekName) else { return nil }
                // The days that have passed: the as-of day itself is still under way.
                let last = min(week.to, asOf.adding(days: -1))
                guard last >= week.from else { return [] }
                return Set((0...(last.serial - week.from.serial)).map { week.from.adding(days: $0).weekday })
            }
        }

        /// Whether week `i` has not ended by the as-of day.
        func isPartial(_ i: Int) -> Bool { (days[i]?.count ?? 7) < 7 }

        /// A therapist's available minutes in week `i`: their working days that count.
        func available(_ t: ClinicConfig.Therapist, week i: Int) -> Int {
            guard let counted = days[i] else { return 0 }
            return counted.count == 7 ? Int((t.hoursAvailable * 60).rounded()) : t.minutesPerDay * t.days.filter(counted.contains).count
        }
    }

    static func write(_ log: SessionLog, figures: ManagerFigures, config: ClinicConfig, to wb: Workbook, sheet s: Workbook.Sheet) throws {
        let weeks = figures.weeks.map(\.from.isoWeekName)
        let logged = try log.weeks.filter { $0 <= figures.asOf.adding(days: -1).isoWeekName }
        let coverage = Coverage(weeks: figures.weeks, asOf: figures.asOf, firstLogged: logged.first, lastLogged: logged.last)
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
        try log.forEachWeek(of: weeks, through: figures.asOf.adding(days: -1)) { _, period in
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
        let widths = [24.0] + Array(repeating: 10, count: weeks.count + 1)
        for (i, width) in widths.enumerated() { try wb.setColumns(s, i, i, width: width) }
        try wb.printSetup(s, repeatHeader: false)
        var r = 0
        try wb.write(s, r, 0, "Therapist utilisation: completed minutes / available minutes", .title)
        r += 1
        try wb.writeNote(
            s, r, "Available = the weekly hours in clinic.yaml. Sessions dated after the as-of day are bookings and do not count.",
            widths: widths)
        r += 1
        try wb.writeNote(s, r, coverageNote(coverage, weeks: figures.weeks, asOf: figures.asOf), widths: widths)
        r += 2
        try wb.writeHeaderRow(
            s, r, ["Therapist"] + weeks.indices.map { coverage.isPartial($0) ? weeks[$0] + " so far" : weeks[$0] } + ["Weeks with data"],
            widths: widths)
        let gridTop = r + 1
        var totalDone = Array(repeating: 0, count: weeks.count)
        var totalAvailable = Array(repeating: 0, count: weeks.count)
        for t in config.therapists.sorted(by: { NaturalOrder.less($0.name, $1.name) }) {
            r += 1
            try wb.write(s, r, 0, t.name, .wrapBottom)
            var done = 0
            var available = 0
            for i in weeks.indices where coverage.days[i] != nil {
                // A week named twice reads its first place, where its sessions are.
                let first = weeks.firstIndex(of: weeks[i])!
                let minutes = numbers[t.name].map { minutesBy[$0 * weeks.count + first] } ?? 0
                let hours = coverage.available(t, week: i)
                done += minutes
                available += hours
                totalDone[i] += minutes
                totalAvailable[i] += hours
                if hours > 0 { try wb.write(s, r, i + 1, number: Double(minutes) / Double(hours), .percent) }
            }
            if available > 0 { try wb.write(s, r, weeks.count + 1, number: Double(done) / Double(available), .percent) }
        }
        r += 1
        try wb.write(s, r, 0, "Clinic overall", .bold)
        if totalAvailable.contains(where: { $0 > 0 }) {
            for i in weeks.indices where totalAvailable[i] > 0 {
                try wb.write(s, r, i + 1, number: Double(totalDone[i]) / Double(totalAvailable[i]), .percent)
            }
            try wb.write(
                s, r, weeks.count + 1, number: Double(totalDone.reduce(0, +)) / Double(totalAvailable.reduce(0, +)), .percent)
            try wb.colorScale(s, rows: gridTop...r, cols: 1...(weeks.count + 1))
        } else if config.therapists.isEmpty || config.therapists.allSatisfy({ $0.hoursAvailable <= 0 }) {
            try wb.write(s, r, 1, "No therapist hours in clinic.yaml")
        } else {
            try wb.write(s, r, 1, "No sessions logged in these weeks")
        }

        // The weekly figures of the weeks with data, then the charts that read them, on a
        // printed page of their own; the week so far comes last, outside the charts' rows,
        // so no line drops at the end.
        r += 2
        var breaks = [r]
        let chartTop = r
        try wb.writeHeaderRow(s, r, ["Week", "Completed sessions", "Completed hours", "Cancelled", "No-shows"], widths: widths)
        let shown = weeks.indices.filter { !(coverage.days[$0]?.isEmpty ?? true) }
        for i in shown.sorted(by: { (coverage.isPartial($0) ? 1 : 0, $0) < (coverage.isPartial($1) ? 1 : 0, $1) }) {
            r += 1
            let v = weekly[weeks.firstIndex(of: weeks[i])!]
            try wb.write(s, r, 0, coverage.isPartial(i) ? weeks[i] + " so far" : weeks[i])
            try wb.write(s, r, 1, number: Double(v.completed))
            try wb.write(s, r, 2, number: Double(v.minutes) / 60, .decimal)
            try wb.write(s, r, 3, number: Double(v.cancelled))
            try wb.write(s, r, 4, number: Double(v.noShow))
        }
        let complete = shown.filter { !coverage.isPartial($0) }.count
        if complete > 0 {
            // Side by side under the table, each about half the page wide.
            let weekRows = (chartTop + 1)...(chartTop + complete)
            r += 2
            try wb.addChart(
                .line, title: "Completed sessions and hours per week", on: s, at: r, 0,
                series: [
                    .init(name: "Sessions", source: s, categoriesCol: 0, valuesCol: 1, rows: weekRows),
                    .init(name: "Hours", source: s, categoriesCol: 0, valuesCol: 2, rows: weekRows, color: 0x70AD47),
                ], width: 520)
            try wb.addChart(
                .line, title: "Cancellations and no-shows per week", on: s, at: r, 7,
                series: [
                    .init(name: "Cancelled", source: s, categoriesCol: 0, valuesCol: 3, rows: weekRows, color: 0xFFC000),
                    .init(name: "No-shows", source: s, categoriesCol: 0, valuesCol: 4, rows: weekRows, color: 0xC00000),
                ], width: 520)
            r += Self.chartRows
        }
        // Sessions by kind as a table: a chart of 33 therapists x 7 kinds ran off the
        // page and could not be read.
        r += 2
        breaks.append(r)
        let people = therapists.indices.filter { active[$0] }.sorted { therapistRank[$0] < therapistRank[$1] }
        // Kinds as words that wrap between them ("deep_tissue" broke inside the word).
        let labels = kinds.map { $0 == "neuromuscular" ? "neuro- muscular" : $0.replacingOccurrences(of: "_", with: " ") }
        try wb.writeHeaderRow(s, r, ["Completed sessions, 12 weeks"] + labels, widths: widths)
        for n in people {
            r += 1
            try wb.write(s, r, 0, therapists[n], .wrapBottom)
            for (i, k) in kinds.enumerated() {
                let kind = periodKinds.firstIndex(of: k)!
                try wb.write(s, r, i + 1, number: Double(kindsBy[n * periodKinds.count + kind]))
            }
        }
        try wb.pageBreaks(s, before: breaks)
    }

    /// The rows a chart of the default height covers.
    static let chartRows = 15

    /// The sentence that says which weeks have figures and what the last one counts.
    static func coverageNote(_ coverage: Coverage, weeks: [DayRange], asOf: Day) -> String {
        var parts: [String] = []
        if let first = coverage.firstLogged, let last = coverage.lastLogged {
            let begins = first > weeks[0].from.isoWeekName
            let ends = last < weeks[weeks.count - 1].from.isoWeekName
            switch (begins, ends) {
            case (false, false): parts.append("The session log covers all 12 weeks.")
            case (true, false): parts.append("The session log begins in \(first): earlier weeks are blank (no data, not 0%).")
            case (false, true): parts.append("The session log ends in \(last): later weeks are blank (no data yet, not 0%).")
            case (true, true):
                parts.append("The session log covers \(first) to \(last): the other weeks are blank (no data, not 0%).")
            }
        } else {
            parts.append("The session log is empty: no week has a figure.")
        }
        if let last = weeks.indices.last, coverage.isPartial(last), let days = coverage.days[last] {
            let week = weeks[last].from.isoWeekName
            parts.append(
                days.isEmpty
                    ? "\(week) has just begun: it has a figure once a day of it has passed."
                    : "\(week) is the week so far, \(ReportDates.shortDate(weeks[last].from)) to "
                        + "\(ReportDates.shortDate(asOf.adding(days: -1))), against the hours of those days.")
        }
        return (parts + ["The last column counts the weeks with data only."]).joined(separator: " ")
    }
}
