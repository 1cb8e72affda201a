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
        /// Set when the log has no row in the 7 days before the as-of day: its last day
        /// before it, if any (``read(_:file:asOf:spillRows:spill:)``).
        public var stale: StaleTrainingLog?
    }

    public static let wellness = TrainingHistory.wellnessItems
    public static let columns = ["client_id", "date", "minutes", "rpe"] + wellness
    public static let required = ["client_id", "date", "minutes", "rpe"]

    /// Opens the file and checks its header only: throws what ``read(_:file:spillRows:spill:)``
    /// would throw before its first row (exit 2), so a run can stop before it writes.
    public static func checkHeader(_ source: ByteSource, file: String, format: InputFormat = InputFormat()) throws {
        _ = try TableReader.checkHeader(source, file: file, known: columns, required: required, mapping: ("training", format))
    }

    /// Accepted rows gathered before each hand-over to a `spill`.
    public static let spillRows = 1 << 18

    /// Reads every row; throws only for an unreadable file or a missing required column.
    ///
    /// With `spill`, the histories gathered so far are handed to it every `spillRows`
    /// accepted rows and at the end, and the result's `histories` is left empty: a
    /// history split over hand-overs comes in pieces, in file order, which
    /// ``TrainingHistory/append(_:)`` puts back together, so a league's days are never all
    /// in memory at once.
    ///
    /// With `asOf`, a log whose rows all lie more than 7 days before that day (or none
    /// before it) gets a warning: the load figures count the 7 days before the as-of day,
    /// and a day with no row counts as no training (data contract), so every athlete
    /// would read as resting, not as unlogged.
    public static func read(
        _ source: ByteSource, file: String, asOf: Day? = nil, spillRows: Int = spillRows,
        spill: (([String: TrainingHistory]) throws -> Void)? = nil, format: InputFormat = InputFormat(),
        dates: InputFormat.DateOrder = .iso
    ) throws -> Result {
        var result = Result()
        var gathered = 0
        // The latest accepted day before `asOf`.
        var latestBefore: Day?
        var table = try TableReader(
            source: source, file: file, known: columns, required: required, mapping: ("training", format),
            diagnostics: &result.diagnostics)
        let comma = table.decimalComma
        var accepted = 0
        let clientID = table.column("client_id")
        let date = table.column("date")
        let minutesColumn = table.column("minutes")
        let rpeColumn = table.column("rpe")
        let wellnessColumns = wellness.map(table.column)
        let wholeRPE = { (b: UnsafeBufferPointer<UInt8>, r: Range<Int>) in ValueParser.Bytes.integer(b, r, 0...10).map(Double.init) }
        while let row = try table.next(diagnostics: &result.diagnostics, rejected: &result.rejected) {
            var c = RowChecker(file: file, row: row)
            let client = c.required(clientID) { .success($0) }
            let day = c.required(date, ascii: ValueParser.Bytes.day) { DateParser.day($0, order: dates) }
            let minutes = c.required(minutesColumn, ascii: ValueParser.Bytes.integer(in: 0...600)) {
                ValueParser.integer($0, 0...600)
            }
            let rpe = c.required(rpeColumn, ascii: wholeRPE) { ValueParser.decimal($0, 0...10, comma: comma) }
            var scores: [String: Int] = [:]
            for column in wellnessColumns {
                let score = c.optional(column, ascii: ValueParser.Bytes.integer(in: 1...5)) { ValueParser.integer($0, 1...5) }
                if let score { scores[column.key] = score }
            }
            if c.errors.isEmpty, let client, let day, let minutes, let rpe {
                accepted += 1
                if let asOf, day < asOf, latestBefore.map({ day > $0 }) ?? true { latestBefore = day }
                result.histories[client, default: TrainingHistory()].add(day: day, minutes: minutes, rpe: rpe, wellness: scores)
                if result.clientRows[client] == nil { result.clientRows[client] = row.record.row }
                gathered += 1
                if let spill, gathered >= spillRows {
                    try spill(result.histories)
                    result.histories = [:]
                    gathered = 0
                }
            } else {
                result.diagnostics += c.errors
                result.rejected += 1
            }
        }
        if let spill, !result.histories.isEmpty {
            try spill(result.histories)
            result.histories = [:]
        }
        result.rowsRead = accepted + result.rejected
        result.diagnostics += table.closingDiagnostics()
        if let asOf, accepted > 0, let warning = staleness(file: file, latest: latestBefore, asOf: asOf) {
            result.diagnostics.append(warning)
            result.stale = StaleTrainingLog(lastDay: latestBefore)
        }
        return result
    }

    /// The warning for a log with no row in the 7 days before `asOf` (`latest`: its last
    /// day before `asOf`, if any), or `nil` when it has one.
    static func staleness(file: String, latest: Day?, asOf: Day) -> Diagnostic? {
        let expected = "expected rows up to the days just before the as-of day: is the log up to date, or is --as-of the week meant?"
        guard let latest else {
            return Diagnostic(
                .warning, file: file, row: 0, column: "date",
                message: "has no row before the as-of day \(asOf), so every athlete's load reads 0 (\(expected))")
        }
        let gap = asOf.days(since: latest)
        guard gap > 7 else { return nil }
        return Diagnostic(
            .warning, file: file, row: 0, column: "date", value: latest.description,
            message: "is the last day logged, \(gap) days before the as-of day \(asOf): no row falls in the 7 days the load "
                + "figures count, so every athlete's 7-day load reads 0 and their ACWR low (\(expected))")
    }
}
