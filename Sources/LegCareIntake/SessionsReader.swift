import LegCareCore
import LegCareRun

/// Reads the optional delivered-session log, `sessions.csv`, into totals.
public enum SessionsReader {
    /// What the file gave: the log (with the client ids it names and the first row of
    /// each, to warn about ids not in `clients.csv`), its problems and the row counts.
    public struct Result: Sendable {
        public var log = SessionLog()
        public var diagnostics: [Diagnostic] = []
        public var rowsRead = 0
        public var rejected = 0
    }

    public static let columns = ["session_id", "client_id", "date", "therapist", "kind", "minutes", "status"]
    public static let required = ["session_id", "client_id", "date", "minutes", "status"]

    /// About the fewest bytes a valid row takes (`s,c,2026-11-23,,,1,completed` and its
    /// line end): a file holds at most one row per this many bytes.
    public static let shortestRowBytes = 24
    /// About the bytes of a usual row (the sample's are 65).
    public static let typicalRowBytes = 64

    /// Opens the file and checks its header only: throws what ``read(_:file:fileBytes:store:)``
    /// would throw before its first row (exit 2), so a run can stop before it writes.
    public static func checkHeader(_ source: ByteSource, file: String) throws {
        try TableReader.checkHeader(source, file: file, known: columns, required: required)
    }

    /// Reads every row; throws only for an unreadable file or a missing required column.
    ///
    /// `fileBytes`, the file's size when known, sizes the log and the id check up front:
    /// room for a row per ``shortestRowBytes`` (address space only, until written) and id
    /// slots for a row per ``typicalRowBytes``, so none of them grows by doubling, which
    /// holds the old storage beside the new.
    ///
    /// With `store`, the log's volume records wait there (see ``SessionLog/init(store:)``).
    public static func read(_ source: ByteSource, file: String, fileBytes: Int = 0, store: SpillStore? = nil) throws -> Result {
        var result = Result()
        if let store { result.log = SessionLog(store: store) }
        var table = try TableReader(source: source, file: file, known: columns, required: required, diagnostics: &result.diagnostics)
        // Each accepted session id, and its row by the id's place.
        var seen = IDTable()
        var seenRows: [Int32] = []
        if fileBytes > 0 {
            let room = fileBytes / shortestRowBytes
            result.log.reserveCapacity(rows: room)
            seen.reserveCapacity(fileBytes / typicalRowBytes, idRoom: room)
            seenRows.reserveCapacity(room)
        }
        let sessionID = table.column("session_id")
        let clientID = table.column("client_id")
        let date = table.column("date")
        let kindColumn = table.column("kind")
        let minutesColumn = table.column("minutes")
        let statusColumn = table.column("status")
        let therapist = table.column("therapist")
        let kinds = TokenTable<DeliveredKind>()
        let statuses = TokenTable<SessionStatus>()
        while let row = try table.next(diagnostics: &result.diagnostics, rejected: &result.rejected) {
            var c = RowChecker(file: file, row: row)
            let id = c.required(sessionID) { .success($0) }
            if let id, let n = seen.number(of: id) {
                c.fail(sessionID, id, "is already used on row \(seenRows[n]); session ids must be unique")
            }
            let client = c.required(clientID) { .success($0) }
            let day = c.required(date, ascii: ValueParser.Bytes.day, ValueParser.day)
            let kind = c.optional(kindColumn, ascii: kinds.lookup) { ValueParser.token($0, DeliveredKind.self) }
            let minutes = c.required(minutesColumn, ascii: ValueParser.Bytes.integer(in: 1...240)) {
                ValueParser.integer($0, 1...240)
            }
            let status = c.required(statusColumn, ascii: statuses.lookup) { ValueParser.token($0, SessionStatus.self) }
            if c.errors.isEmpty, let id, let client, let day, let minutes, let status {
                seen.insert(id)
                seenRows.append(Int32(clamping: row.record.row))
                result.log.add(
                    SessionRecord(
                        sessionID: id, clientID: client, day: day, therapist: row.value(therapist), kind: kind, minutes: minutes,
                        status: status), row: row.record.row)
            } else {
                result.diagnostics += c.errors
                result.rejected += 1
            }
        }
        try result.log.finishAdding()
        result.rowsRead = result.log.rows + result.rejected
        result.diagnostics += table.closingDiagnostics()
        return result
    }
}
