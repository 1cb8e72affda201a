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
    /// A practice system's export gives each appointment's start and end (date-times)
    /// instead of the date and minutes.
    public static let startEnd = ["start", "end"]
    /// The status words read without `status_words` (case-blind, `-` and space as `_`): the
    /// common practice systems' words for an attended, missed or cancelled appointment.
    public static let defaultStatusWords: [SessionStatus: [String]] = [
        .completed: ["completed", "attended", "arrived"],
        .noShow: ["no_show", "no show", "dna", "did not attend", "did not arrive"],
        .cancelled: ["cancelled", "canceled", "late cancellation"],
    ]

    /// About the fewest bytes a valid row takes (`s,c,2026-11-23,,,1,completed` and its
    /// line end): a file holds at most one row per this many bytes.
    public static let shortestRowBytes = 24
    /// About the bytes of a usual row (the sample's are 65).
    public static let typicalRowBytes = 64

    /// Opens the file and checks its header only: throws what ``read(_:file:fileBytes:store:)``
    /// would throw before its first row (exit 2), so a run can stop before it writes.
    public static func checkHeader(_ source: ByteSource, file: String, format: InputFormat = InputFormat()) throws {
        try timing(
            TableReader.checkHeader(source, file: file, known: columns + startEnd, required: required, mapping: ("sessions", format)),
            file: file)
    }

    /// The columns every file needs; then either date and minutes, or start and end.
    public static let required = ["session_id", "client_id", "status"]

    /// Whether `header` times sessions by start and end; throws when it has neither way.
    @discardableResult
    static func timing(_ header: Header, file: String) throws -> Bool {
        let has = { (key: String) in header.index[key] != nil }
        if has("start") && has("end") && !(has("date") && has("minutes")) { return true }
        let missing = ["date", "minutes"].filter { !has($0) }
        guard missing.isEmpty else {
            throw IntakeError(
                file: file,
                reason: .missingColumns(
                    missing: missing + (has("start") || has("end") ? [] : ["(or start and end)"]), found: header.spelled))
        }
        return false
    }

    /// Every status word (the defaults and `extra`) by its normal form.
    static func statusWords(_ extra: [SessionStatus: [String]]) -> [String: SessionStatus] {
        var words: [String: SessionStatus] = [:]
        for (status, list) in defaultStatusWords.merging(extra, uniquingKeysWith: +) {
            for word in list { words[Header.normalize(word)] = status }
        }
        return words
    }

    /// Reads every row; throws only for an unreadable file or a missing required column.
    ///
    /// `fileBytes`, the file's size when known, sizes the log and the id check up front:
    /// room for a row per ``shortestRowBytes`` (address space only, until written) and id
    /// slots for a row per ``typicalRowBytes``, so none of them grows by doubling, which
    /// holds the old storage beside the new.
    ///
    /// With `store`, the log's volume records wait there (see ``SessionLog/init(store:)``).
    public static func read(
        _ source: ByteSource, file: String, fileBytes: Int = 0, store: SpillStore? = nil, format: InputFormat = InputFormat(),
        dates: InputFormat.DateOrder = .iso
    ) throws -> Result {
        var result = Result()
        if let store { result.log = SessionLog(store: store) }
        var table = try TableReader(
            source: source, file: file, known: columns + startEnd, required: required, mapping: ("sessions", format),
            diagnostics: &result.diagnostics)
        let byStartEnd = try timing(table.header, file: file)
        let words = statusWords(format.statusWords)
        let accepted = words.keys.sorted().map { $0.replacingOccurrences(of: "_", with: " ") }.joined(separator: ", ")
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
        let (startColumn, endColumn) = (table.column("start"), table.column("end"))
        let kinds = TokenTable<DeliveredKind>()
        let statuses = TokenTable<SessionStatus>()
        let statusWord = { (text: String) -> Swift.Result<SessionStatus, Expected> in
            words[Header.normalize(text)].map { .success($0) }
                ?? .failure(
                    Expected("is not a session status; expected one of: \(accepted) (add others under status_words in clinic.yaml)"))
        }
        while let row = try table.next(diagnostics: &result.diagnostics, rejected: &result.rejected) {
            var c = RowChecker(file: file, row: row)
            let id = c.required(sessionID) { .success($0) }
            if let id, let n = seen.number(of: id) {
                c.fail(sessionID, id, "is already used on row \(seenRows[n]); session ids must be unique")
            }
            let client = c.required(clientID) { .success($0) }
            var day: Day?
            var minutes: Int?
            if byStartEnd {
                (day, minutes) = duration(&c, start: startColumn, end: endColumn, dates: dates)
            } else {
                day = c.required(date, ascii: ValueParser.Bytes.day) { DateParser.day($0, order: dates) }
                minutes = c.required(minutesColumn, ascii: ValueParser.Bytes.integer(in: 1...240)) { ValueParser.integer($0, 1...240) }
            }
            let kind = c.optional(kindColumn, ascii: kinds.lookup) { ValueParser.token($0, DeliveredKind.self) }
            let status = c.required(statusColumn, ascii: statuses.lookup, statusWord)
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

    /// A session's day and minutes from its start and end: the day is the start's; the
    /// minutes the difference, which must be more than none and at most a day.
    static func duration(
        _ c: inout RowChecker, start: TableReader.Column, end: TableReader.Column, dates: InputFormat.DateOrder
    ) -> (Day?, Int?) {
        let from = c.required(start) { DateParser.moment($0, order: dates) }
        let to = c.required(end) { DateParser.moment($0, order: dates) }
        guard let from, let to else { return (from?.day, nil) }
        guard let a = from.minuteOfDay, let b = to.minuteOfDay else {
            c.fail(
                from.minuteOfDay == nil ? start : end, (from.minuteOfDay == nil ? from : to).description,
                "has no time of day; expected a date and time such as 23/11/2026 14:30")
            return (from.day, nil)
        }
        let minutes = (to.day.serial - from.day.serial) * 1440 + b - a
        guard (1...1440).contains(minutes) else {
            c.fail(
                end, to.description,
                minutes <= 0
                    ? "is not after the start; expected an end later than the start"
                    : "is more than a day after the start; expected a session of at most 24 hours")
            return (from.day, nil)
        }
        return (from.day, minutes)
    }
}
