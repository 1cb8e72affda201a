import LegCareCore

/// Reads a squad's optional daily training log, `training.csv`.
public enum TrainingReader {
    /// Per-client histories, problems, row counts and the first row of each client id.
    public struct Result: Sendable {
        public var histories: [String: TrainingHistory] = [:]
        public var diagnostics: [Diagnostic] = []
        public var rowsRead = 0
        public var rejected = 0
        public var clientRows: [String: Int] = [:]
    }

    public static let wellness = TrainingHistory.wellnessItems
    public static let columns = ["client_id", "date", "minutes", "rpe"] + wellness
    public static let required = ["client_id", "date", "minutes", "rpe"]

    /// Reads every row; throws only for an unreadable file or a missing required column.
    public static func read(_ source: ByteSource, file: String) throws -> Result {
        var result = Result()
        var table = try TableReader(source: source, file: file, known: columns, required: required, diagnostics: &result.diagnostics)
        var accepted = 0
        let clientID = table.column("client_id")
        let date = table.column("date")
        let minutesColumn = table.column("minutes")
        let rpeColumn = table.column("rpe")
        let wellnessColumns = wellness.map(table.column)
        while let row = try table.next(diagnostics: &result.diagnostics, rejected: &result.rejected) {
            var c = RowChecker(file: file, row: row)
            let client = c.required(clientID) { .success($0) }
            let day = c.required(date, ascii: ValueParser.Bytes.day, ValueParser.day)
            let minutes = c.required(minutesColumn, ascii: ValueParser.Bytes.integer(in: 0...600)) {
                ValueParser.integer($0, 0...600)
            }
            let rpe = c.required(rpeColumn, ascii: ValueParser.Bytes.integer(in: 0...10)) { ValueParser.integer($0, 0...10) }
            var scores: [String: Int] = [:]
            for column in wellnessColumns {
                let score = c.optional(column, ascii: ValueParser.Bytes.integer(in: 1...5)) { ValueParser.integer($0, 1...5) }
                if let score { scores[column.key] = score }
            }
            if c.errors.isEmpty, let client, let day, let minutes, let rpe {
                accepted += 1
                result.histories[client, default: TrainingHistory()].add(day: day, minutes: minutes, rpe: rpe, wellness: scores)
                if result.clientRows[client] == nil { result.clientRows[client] = row.record.row }
            } else {
                result.diagnostics += c.errors
                result.rejected += 1
            }
        }
        result.rowsRead = accepted + result.rejected
        result.diagnostics += table.closingDiagnostics()
        return result
    }
}
