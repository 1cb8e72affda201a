import LegCareCore
import LegCareNative

/// The `Forecast` sheet: the sessions and therapist hours the current plans need in each
/// of the next 4 weeks (each plan's window, then every interval), against each
/// therapist's hours, with the shortfall; a chart of need against capacity. Sessions due
/// this week that could not be booked are carried into the first week's need.
enum ForecastSheet {
    static let headers = [
        "Week", "Therapist", "Sessions needed", "Hours needed", "Hours available", "Shortfall (hours)", "Carried from this week",
    ]

    static let widths = [26.0, 22, 12, 13, 13, 14, 14]

    static func write(_ forecast: Forecast, config: ClinicConfig, to wb: Workbook, sheet s: Workbook.Sheet) throws {
        for (i, width) in widths.enumerated() { try wb.setColumns(s, i, i, width: width) }
        try wb.printSetup(s, repeatHeader: false)
        var r = 0
        try wb.write(s, r, 0, "Therapist hours the current plans need, next 4 weeks", .title)
        r += 1
        try wb.write(s, r, 0, "Referred clients need none until cleared. Hours available = the weekly hours in clinic.yaml.")
        let carried = forecast.backlog.values.reduce(0, +)
        if carried > 0, let first = forecast.weeks.first {
            r += 1
            try wb.writeNote(
                s, r,
                "\(carried) session\(carried == 1 ? "" : "s") due this week could not be booked: "
                    + "\(carried == 1 ? "it is" : "they are") carried into \(first.from.isoWeekName)'s need, since those clients still need them.",
                widths: widths)
        }
        r += 2
        try wb.writeHeaderRow(s, r, headers, widths: widths)
        let names = config.therapistNames(adding: forecast.minutes.keys)
        let hoursByName = config.hoursByName
        var totals: [(week: String, sessions: Int, need: Double, capacity: Double)] = []
        for (i, week) in forecast.weeks.enumerated() {
            let label = "\(week.from.isoWeekName) (\(ReportDates.shortDate(week.from)))"
            var need = 0.0
            var capacity = 0.0
            for name in names {
                r += 1
                let hours = Double(forecast.minutes[name]?[i] ?? 0) / 60
                let available = hoursByName[name]
                try wb.writeWrapped(s, r, [(0, label), (1, name)], widths: widths)
                try wb.write(s, r, 2, number: Double(forecast.sessions[name]?[i] ?? 0))
                try wb.write(s, r, 3, number: hours, .decimal)
                if let available {
                    try wb.write(s, r, 4, number: available, .decimal)
                    capacity += available
                }
                let short = hours - (available ?? 0)
                if short > 0 { try wb.write(s, r, 5, number: short, .statusRefer) }
                if i == 0, let from = forecast.backlog[name] { try wb.write(s, r, 6, number: Double(from)) }
                need += hours
            }
            let sessions = names.map { forecast.sessions[$0]?[i] ?? 0 }.reduce(0, +)
            totals.append((label, sessions, need, capacity))
        }
        // The clinic's totals per week, a block of their own (never rows among the
        // therapists'), which the chart reads.
        r += 2
        try wb.write(s, r, 0, "Totals per week, all therapists", .title)
        r += 1
        try wb.writeHeaderRow(
            s, r, ["Week", "", "Sessions needed", "Hours needed", "Hours available", "Shortfall (hours)", "Carried from this week"],
            widths: widths)
        let top = r + 1
        for t in totals {
            r += 1
            try wb.write(s, r, 0, t.week)
            try wb.write(s, r, 2, number: Double(t.sessions))
            try wb.write(s, r, 3, number: t.need, .decimal)
            try wb.write(s, r, 4, number: t.capacity, .decimal)
            if t.need > t.capacity { try wb.write(s, r, 5, number: t.need - t.capacity, .statusRefer) }
            if t.week == totals.first?.week, carried > 0 { try wb.write(s, r, 6, number: Double(carried)) }
        }
        try wb.addChart(
            .column, title: "Therapist hours: needed against available", on: s, at: 3, 8,
            series: [
                .init(name: "Hours needed", source: s, categoriesCol: 0, valuesCol: 3, rows: top...r, color: 0x2F5597),
                .init(name: "Hours available", source: s, categoriesCol: 0, valuesCol: 4, rows: top...r, color: 0x70AD47),
            ], yAxis: "Hours")
    }
}
