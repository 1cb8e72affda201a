import LegCareCore
import LegCareNative

/// The `Timetable` sheet: the week's bookings in one block per day, each day's booked
/// hours against the therapists' hours, then the clients who could not be booked and why,
/// with the hours missing.
enum TimetableSheet {
    static let headers = ["Day", "Therapist", "Client ID", "Name", "Team", "Session", "Minutes", "Priority", "Note"]

    static let widths = [12.0, 16, 12, 26, 18, 14, 9, 9, 62]

    /// Where the next line goes. Past `limit` rows (Excel's) the timetable continues on
    /// `Timetable (2)` and on, each part with the column headings on its first row (at
    /// about 69,000 clients due per 100,000 in the sample, a list of 1.5 million would
    /// otherwise fail the run).
    private struct Cursor {
        let wb: Workbook
        let limit: Int
        var sheet: Workbook.Sheet
        var row: Int
        var part = 1

        /// The row for the next line, on a new part when this one is full.
        mutating func take() throws -> Int {
            if row >= limit {
                part += 1
                sheet = try wb.addSheet(SheetName.make("Timetable", part: part))
                for (i, width) in widths.enumerated() { try wb.setColumns(sheet, i, i, width: width) }
                try wb.writeHeaderRow(sheet, 0, headers, widths: widths)
                try wb.printSetup(sheet, repeatHeader: true, headerRow: 0)
                wb.freeze(sheet, rows: 1)
                row = 1
            }
            defer { row += 1 }
            return row
        }
    }

    static func write(
        _ timetable: Timetable, names: ClientNames, config: ClinicConfig, week: DayRange, to wb: Workbook, sheet s: Workbook.Sheet,
        rowLimit: Int = Workbook.rowLimit
    ) throws {
        for (i, width) in widths.enumerated() { try wb.setColumns(s, i, i, width: width) }
        var r = 0
        try wb.write(s, r, 0, "Massage timetable, week \(week.from.isoWeekName)", .title)
        r += 1
        let capacity = config.therapists.map(\.hoursAvailable).reduce(0, +)
        // Slices of the rows, never filtered copies: the timetable puts booked rows first,
        // in date order, then the unbooked ones.
        let all = timetable.rows
        let booked = all[..<(all.firstIndex { $0.date == nil } ?? all.endIndex)]
        let bookedHours = Double(booked.lazy.map(\.request.minutes).reduce(0, +)) / 60
        try wb.write(
            s, r, 0,
            "\(timetable.rows.count) clients due, \(booked.count) booked: \(hours(bookedHours)) of \(hours(capacity)) therapist hours.")
        r += 1
        if timetable.missingMinutes > 0 {
            try wb.write(
                s, r, 0, "Short of therapist time: \(hours(Double(timetable.missingMinutes) / 60)) more would book everyone due.",
                .statusRefer)
            r += 1
        }
        r += 1
        try wb.writeHeaderRow(s, r, headers, widths: widths)
        try wb.printSetup(s, repeatHeader: true, headerRow: r)
        r += 1
        if timetable.rows.isEmpty {
            try wb.write(s, r, 0, "No client is due a professional session this week.")
            return
        }
        var at = Cursor(wb: wb, limit: rowLimit, sheet: s, row: r)
        for offset in 0..<7 {
            let day = week.from.adding(days: offset)
            let first = booked.firstIndex { $0.date! >= day } ?? booked.endIndex
            let rows = booked[first..<(booked[first...].firstIndex { $0.date! > day } ?? booked.endIndex)]
            let open = config.therapists.filter { $0.days.contains(day.weekday) }
            guard !rows.isEmpty || !open.isEmpty else { continue }
            let used = Double(rows.lazy.map(\.request.minutes).reduce(0, +)) / 60
            let available = Double(open.map(\.minutesPerDay).reduce(0, +)) / 60
            let title = "\(ReportDates.date(day)): \(rows.count) booked, \(hours(used)) of \(hours(available)) available"
            let titleRow = try at.take()  // first: it may move to a new part
            try wb.write(at.sheet, titleRow, 0, title, .bold)
            for row in rows { try line(row, names: names, wb, &at) }
            at.row += 1
        }
        let unbooked = all[booked.endIndex...]
        if !unbooked.isEmpty {
            let title = "Not booked: \(unbooked.count) client\(unbooked.count == 1 ? "" : "s"), the note says why"
            let titleRow = try at.take()
            try wb.write(at.sheet, titleRow, 0, title, .bold)
            for row in unbooked { try line(row, names: names, wb, &at) }
        }
    }

    private static func line(_ row: Timetable.Row, names: ClientNames, _ wb: Workbook, _ at: inout Cursor) throws {
        let r = try at.take()
        let s = at.sheet
        let q = row.request
        try wb.writeWrapped(
            s, r,
            [
                (0, row.date.map(ReportDates.shortDate) ?? ""), (1, row.therapist ?? ""), (2, q.clientID), (3, names[q.order] ?? ""),
                (4, q.team ?? ""), (5, q.kind.rawValue), (8, row.note),
            ], widths: widths, indented: [8])
        try wb.write(s, r, 6, number: Double(q.minutes))
        try wb.write(s, r, 7, number: Double(row.priority))
    }

    /// "7.5 h".
    static func hours(_ h: Double) -> String {
        let rounded = (h * 10).rounded() / 10
        return rounded == rounded.rounded() ? "\(Int(rounded)) h" : "\(rounded) h"
    }
}
