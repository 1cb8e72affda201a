import LegCareCore
import LegCareNative

/// The `Squad charts` sheet: ACWR of the athletes highest first against the spike line,
/// and each team's average daily load over the last 28 days, each chart across the page,
/// then on a page of their own the tables the charts read.
enum SquadCharts {
    struct Athlete {
        let name: String
        let team: String
        let acwr: Double
    }

    /// The ACWR chart shows at most this many athletes, the highest (a league's list would
    /// be unreadable); the note says how many of how many.
    static let chartAthletes = 40
    /// The daily-load chart shows at most this many squads.
    static let chartTeams = 8
    static let widths = [22.0, 16, 8, 10, 3, 12] + Array(repeating: 12, count: chartTeams)
    /// Each chart's height in points, and the rows it covers: taller than the default, so
    /// the plot keeps its height under 40 rotated names.
    static let chartHeight = 400
    static let chartRows = 20
    /// The first column of the daily-load table, right of the ACWR table and a gap.
    static let loadTableColumn = 5

    static func write(
        _ athletes: [Athlete], teams: [String], loads: TeamLoads, config: ClinicConfig, asOf: Day, to wb: Workbook, sheet s: Workbook.Sheet
    ) throws {
        for (i, width) in widths.enumerated() { try wb.setColumns(s, i, i, width: width) }
        try wb.printSetup(s, repeatHeader: false)
        var r = 0
        try wb.write(s, r, 0, "Squad charts: training load and ACWR", .title)
        r += 1
        guard !athletes.isEmpty || !teams.isEmpty else {
            try wb.write(s, r, 0, "No athlete has training rows this week.")
            return
        }
        let shown = ranked(athletes).prefix(chartAthletes)
        try wb.writeNote(s, r, note(shown: shown.count, of: athletes.count), widths: widths)
        r += 2
        let chartsTop = r
        // The tables the charts read, on the page after them, side by side and written a
        // row at a time across both (constant-memory mode takes rows in order only).
        let tableTop = chartsTop + 2 * (chartRows + 2)
        try wb.pageBreaks(s, before: [tableTop])
        let charted = Array(teams.sorted(by: NaturalOrder.less).prefix(chartTeams))
        let left = loadTableColumn
        let days = charted.isEmpty ? 0 : TeamLoads.days
        try wb.writeHeaderRow(s, tableTop, ["Athlete", "Team", "ACWR", "Spike above"], widths: widths)
        if days > 0 { try wb.writeHeaderRow(s, tableTop, ["Date"] + charted, widths: Array(widths[left...]), from: left) }
        for k in 0..<max(shown.count, days) {
            let t = tableTop + 1 + k
            if k < shown.count {
                let a = shown[shown.startIndex + k]
                try wb.writeWrapped(s, t, [(0, a.name), (1, a.team)], widths: widths)
                try wb.write(s, t, 2, number: a.acwr, .decimal)
                try wb.write(s, t, 3, number: config.settings.acwrSpike, .decimal)
            }
            if k < days {
                let back = days - k
                try wb.write(s, t, left, ReportDates.shortDate(asOf.adding(days: -back)))  // text: the axis reads it as is
                for (i, team) in charted.enumerated() {
                    try wb.write(s, t, left + i + 1, number: loads.average(team, daysBack: back), .decimal)
                }
            }
        }
        if !shown.isEmpty {
            let rows = (tableTop + 1)...(tableTop + shown.count)
            try wb.addChart(
                .line, title: "ACWR per athlete, highest first (spike above \(config.settings.acwrSpike))", on: s, at: chartsTop, 0,
                series: [
                    .init(name: "ACWR", source: s, categoriesCol: 0, valuesCol: 2, rows: rows, color: 0x2F5597, markersOnly: true),
                    .init(name: "Spike threshold", source: s, categoriesCol: 0, valuesCol: 3, rows: rows, color: 0xC00000, dashed: true),
                ], yAxis: "ACWR", width: 960, height: chartHeight)
        }
        guard days > 0 else { return }
        let more = teams.count > charted.count ? " (the first \(charted.count) of \(teams.count) teams)" : ""
        try wb.addChart(
            .line, title: "Daily training load, average per athlete of each team, last 28 days\(more)", on: s,
            at: chartsTop + chartRows + 2, 0,
            series: charted.enumerated().map { i, team in
                .init(name: team, source: s, categoriesCol: left, valuesCol: left + i + 1, rows: (tableTop + 1)...(tableTop + days))
            }, yAxis: "RPE x minutes", width: 960, height: chartHeight)
    }

    /// Highest ACWR first; ties by team, then name, in natural order.
    static func ranked(_ athletes: [Athlete]) -> [Athlete] {
        athletes.sorted {
            if $0.acwr != $1.acwr { return $0.acwr > $1.acwr }
            if $0.team != $1.team { return NaturalOrder.less($0.team, $1.team) }
            return NaturalOrder.less($0.name, $1.name)
        }
    }

    /// Says whom the ACWR chart covers.
    static func note(shown: Int, of all: Int) -> String {
        guard all > 0 else {
            return "No athlete has an ACWR yet: an athlete has one once their log covers 28 days."
        }
        let scope =
            all == 1
            ? "The ACWR chart shows the one athlete with an ACWR."
            : shown == all
                ? "The ACWR chart shows all \(all) athletes with an ACWR, highest first."
                : "The ACWR chart shows the \(shown) highest of \(all) athletes with an ACWR; every athlete's figure is on the Squad sheet."
        return scope + " An athlete has an ACWR once their log covers 28 days. The tables the charts read are on the next page."
    }
}
