import LegCareCore
import LegCareNative

/// The `Client visits` sheet (each client with sessions: visits over the 12 weeks,
/// no-show rate, rebooking rate) and the `Overdue` sheet (clients past their interval
/// since their last completed session, most overdue first).
///
/// Client visits is written as clients arrive, in input order, continuing on
/// `Client visits (2)` past Excel's row limit, so no row is held to the end.
enum ClientVisitsSheet {
    static let headers = [
        "Client ID", "Name", "Therapist", "Status", "Visits (12 weeks)", "Sessions", "No-shows", "No-show rate", "Rebooked",
        "Rebooking rate", "Last visit", "Interval (days)",
    ]
    static let columns = zip(headers, [12.0, 24, 18, 10, 10, 10, 10, 11, 10, 11, 12, 10]).map { SheetStream.Column(header: $0, width: $1) }
    static let overdueHeaders = ["Days overdue", "Client ID", "Name", "Therapist", "Last visit", "Interval (days)"]
    static let overdueColumns = zip(overdueHeaders, [12.0, 12, 24, 18, 12, 12]).map { SheetStream.Column(header: $0, width: $1) }
    static let widths = columns.map(\.width)
    static let overdueWidths = overdueColumns.map(\.width)

    /// One client's row of Client visits.
    static func add(_ row: ManagerFigures.VisitRow, to stream: SheetStream, _ wb: Workbook) throws {
        let r = try stream.nextRow()
        let s = stream.sheet
        let v = row.visits
        try wb.writeWrapped(s, r, [(0, row.clientID), (1, row.name), (2, row.therapist ?? "")], widths: widths)
        try wb.write(s, r, 3, row.status.rawValue, SquadSheet.style(for: row.status))
        for (i, n) in [v.visits, v.sessions, v.noShows].enumerated() { try wb.write(s, r, 4 + i, number: Double(n)) }
        if let rate = v.noShowRate { try wb.write(s, r, 7, number: rate, .percent) }
        try wb.write(s, r, 8, number: Double(v.rebooked))
        if let rate = v.rebookingRate { try wb.write(s, r, 9, number: rate, .percent) }
        if let last = v.lastCompleted { try wb.write(s, r, 10, date: last) }
        try wb.write(s, r, 11, number: Double(row.intervalDays))
    }

    static func writeOverdue(_ figures: ManagerFigures, to wb: Workbook, sheet s: Workbook.Sheet, rowLimit: Int = Workbook.rowLimit)
        throws
    {
        // Continues on `Overdue (2)` past Excel's row limit, like the streamed sheets.
        let stream = try SheetStream(workbook: wb, name: "Overdue", columns: overdueColumns, rowLimit: rowLimit, sheet: s)
        try figures.forEachOverdue { client in
            let r = try stream.nextRow()
            try wb.write(stream.sheet, r, 0, number: Double(client.days))
            try wb.writeWrapped(
                stream.sheet, r, [(1, client.clientID), (2, client.name), (3, client.therapist ?? "")],
                widths: overdueWidths, indented: [1])
            if let last = client.lastCompleted { try wb.write(stream.sheet, r, 4, date: last) }
            try wb.write(stream.sheet, r, 5, number: Double(client.intervalDays))
        }
        try stream.finish()
    }
}
