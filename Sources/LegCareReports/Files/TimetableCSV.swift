import LegCareCore
import LegCareRun

/// `timetable.csv`: the week's bookings, one row per client due a session (data contract).
public enum TimetableCSV {
    /// The header line.
    public static let header = "status,date,weekday,therapist,client_id,team,kind,minutes,priority,note"

    /// The whole file's text, rows as the timetable orders them.
    public static func text(_ timetable: Timetable) -> String {
        var out = header + "\n"
        for row in timetable.rows { out += line(row) }
        return out
    }

    /// Writes the file line by line, never the whole text at once.
    static func write(_ timetable: Timetable, to file: BufferedFile) throws {
        try file.write(header + "\n")
        for row in timetable.rows { try file.write(line(row)) }
    }

    /// One row's line, with its newline.
    static func line(_ row: Timetable.Row) -> String {
        let r = row.request
        return [
            row.date == nil ? "unbooked" : "booked", row.date?.description ?? "",
            row.date.map { String(ReportDates.weekdays[$0.weekday - 1].prefix(3)) } ?? "",
            row.therapist ?? "", r.clientID, r.team ?? "", r.kind.rawValue, String(r.minutes), String(row.priority), row.note,
        ].map(CSVField.cell).joined(separator: ",") + "\n"
    }
}
