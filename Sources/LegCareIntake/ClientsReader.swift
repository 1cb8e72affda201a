import LegCareCore
import LegCareRun

/// Reads `clients.csv` row by row into validated profiles, collecting every problem.
///
/// Each data row is either accepted (a ``ClientProfile``) or rejected with one
/// diagnostic per bad value; `accepted + rejected == rowsRead` always holds.
///
/// ```swift
/// var reader = try ClientsReader(source: ByteSource(path: "Input/clients.csv"), file: "clients.csv")
/// while let profile = try reader.next() { ... }
/// reader.diagnostics // every rejected row and warning
/// ```
public struct ClientsReader {
    /// Every diagnostic so far, in file order.
    public private(set) var diagnostics: [Diagnostic] = []
    public private(set) var rowsRead = 0
    public private(set) var accepted = 0
    public private(set) var rejected = 0
    private var table: TableReader
    /// Each accepted id, and its row by the id's number (``IDTable``). Rows past Int32 are
    /// clamped, never a trap.
    private var seenIDs = IDTable()
    private var seenRows: [Int32] = []
    private var finished = false
    private var last: Position?

    /// Where an accepted row stands: its row, line and id, and how many diagnostics came
    /// before it (so a later rejection lands where it would have landed at once).
    public struct Position: Sendable {
        public let row: Int
        public let line: Int
        public let id: String
        let mark: Int
    }

    /// The position of the profile returned last.
    public var lastPosition: Position? { last }
    /// Each column of the contract, found in this file's header once.
    private let col: Columns

    /// Column keys, in contract order.
    public static let columns = [
        "client_id", "name", "date_of_birth", "team", "therapist", "activity", "occupation",
        "training_load", "last_hard_session", "next_event", "sore_areas", "pain_level", "conditions",
        "tools", "pressure", "last_massage", "session_minutes", "language",
    ]
    public static let required = ["client_id", "name"]
    static let headerAliases = ["id": "client_id", "clientid": "client_id"]
    static let sessionLengths = [30, 45, 60, 90]
    /// The closed vocabularies, for lookups on bytes.
    private enum Tables {
        static let occupation = TokenTable<Occupation>()
        static let trainingLoad = TokenTable<TrainingLoad>()
        static let pressure = TokenTable<Pressure>()
        static let area = TokenTable<Area>(aliases: areaAliases)
        static let condition = TokenTable<Condition>()
        static let tool = TokenTable<Tool>()
    }
    /// The oldest a client's date of birth may make them.
    static let oldestAge = 120

    static let areaAliases: [String: Area] = [
        "hamstring": .hamstrings, "calf": .calves, "quads": .quadriceps, "quad": .quadriceps,
        "glute": .glutes, "itb": .itBand, "shin": .shins, "arch": .plantarFascia,
    ]

    /// Opens the file and checks its header; throws ``IntakeError`` (exit 2) when a
    /// required column is missing or the file is empty.
    /// Room for the ids of a file of `bytes` bytes (``ClientsFile/expectedRows(bytes:)``),
    /// asked for before the first row.
    public mutating func reserveIDs(forFileBytes bytes: Int) {
        // The slots for the low guess of rows; the arrays for one row per 64 bytes (room
        // never written takes no memory), so they do not double near the end of the file.
        let room = min(bytes / 64, 1 << 22)
        seenIDs.reserveCapacity(ClientsFile.expectedRows(bytes: bytes), idRoom: room)
        seenRows.reserveCapacity(room)
    }

    /// The day plans are made for: a birth date after it, or over 120 years before it, is
    /// rejected, and a last massage after it is a warning and not used. `nil`: no check.
    public let asOf: Day?

    /// The order the file's dates are read in (``DateOrderDetector``).
    let dates: InputFormat.DateOrder
    /// The languages there are handout catalogs for; `nil`: any well-formed tag is kept.
    let handoutLanguages: [String]?

    public init(
        source: ByteSource, file: String, asOf: Day? = nil, format: InputFormat = InputFormat(), dates: InputFormat.DateOrder = .iso,
        handoutLanguages: [String]? = nil
    ) throws {
        self.asOf = asOf
        self.dates = dates
        self.handoutLanguages = handoutLanguages
        var diagnostics: [Diagnostic] = []
        table = try TableReader(
            source: source, file: file, known: Self.columns, required: Self.required,
            aliases: Self.headerAliases, mapping: ("clients", format), diagnostics: &diagnostics)
        self.diagnostics = diagnostics
        col = Columns(table)
    }

    private struct Columns {
        let clientID, name, dateOfBirth, team, therapist, activity, occupation, trainingLoad: TableReader.Column
        let lastHardSession, nextEvent, soreAreas, painLevel, conditions, tools, pressure: TableReader.Column
        let lastMassage, sessionMinutes, language: TableReader.Column

        init(_ t: TableReader) {
            (clientID, name, dateOfBirth, team) = (t.column("client_id"), t.column("name"), t.column("date_of_birth"), t.column("team"))
            (therapist, activity, occupation) = (t.column("therapist"), t.column("activity"), t.column("occupation"))
            (trainingLoad, lastHardSession, nextEvent) = (t.column("training_load"), t.column("last_hard_session"), t.column("next_event"))
            (soreAreas, painLevel, conditions, tools) = (
                t.column("sore_areas"), t.column("pain_level"), t.column("conditions"), t.column("tools")
            )
            (pressure, lastMassage, sessionMinutes) = (t.column("pressure"), t.column("last_massage"), t.column("session_minutes"))
            language = t.column("language")
        }
    }

    /// The next accepted profile, or `nil` at the end; rejected rows go to `diagnostics`.
    public mutating func next() throws -> ClientProfile? {
        while true {
            var shapeRejected = 0
            guard let row = try table.next(diagnostics: &diagnostics, rejected: &shapeRejected) else {
                rowsRead += shapeRejected
                rejected += shapeRejected
                if !finished {
                    finished = true
                    diagnostics += table.closingDiagnostics()
                    // Ids are only checked while reading: the set need not outlive it.
                    seenIDs.removeAll()
                    seenRows = []
                }
                return nil
            }
            rowsRead += 1 + shapeRejected
            rejected += shapeRejected
            var errors: [Diagnostic] = []
            var warnings: [Diagnostic] = []
            let profile = parse(row, errors: &errors, warnings: &warnings)
            if let profile, errors.isEmpty {
                diagnostics += warnings
                seenIDs.insert(profile.clientID)
                seenRows.append(Int32(clamping: row.record.row))
                accepted += 1
                last = Position(row: row.record.row, line: row.record.line, id: profile.clientID, mark: diagnostics.count)
                return profile
            }
            diagnostics += errors
            rejected += 1
        }
    }

    /// Turns the profile returned last into a rejected row after all, for a problem found
    /// later (its outputs could not be written): the counts stay whole.
    public mutating func rejectLast(message: String) {
        guard let last else { return }
        reject([(last, message)])
        self.last = nil
    }

    /// Turns accepted rows into rejected ones after all, once reading is done (the rows
    /// were written on another thread): each diagnostic goes where ``rejectLast(message:)``
    /// would have put it at once, so the list is the same whatever the timing. `rows` are
    /// in the order they were read.
    public mutating func reject(_ rows: [(Position, String)]) {
        // From the last: inserting there leaves the earlier marks in place.
        for (position, message) in rows.reversed() {
            accepted -= 1
            rejected += 1
            diagnostics.insert(
                Diagnostic(.error, file: table.file, row: position.row, line: position.line, message: message, clientID: position.id),
                at: min(position.mark, diagnostics.count))
        }
    }

    private func parse(_ row: TableReader.Row, errors: inout [Diagnostic], warnings: inout [Diagnostic]) -> ClientProfile? {
        var c = RowChecker(file: table.file, row: row)
        let id = c.required(col.clientID) { .success($0) }
        let name = c.required(col.name) { .success($0) }
        if let id, let n = seenIDs.number(of: id) {
            c.fail(col.clientID, id, "is already used on row \(seenRows[n]); ids must be unique in the file")
        }
        var p = ClientProfile(clientID: id ?? "", name: name ?? "")
        p.dateOfBirth = c.optional(col.dateOfBirth, ascii: ValueParser.Bytes.day) { DateParser.day($0, order: dates) }
        if let born = p.dateOfBirth, let asOf {
            let oldest = Day(year: asOf.parts.year - Self.oldestAge, month: asOf.parts.month, day: min(asOf.parts.day, 28))!
            if born > asOf {
                c.fail(col.dateOfBirth, born.description, "is after the as-of day \(asOf); expected a date of birth in the past")
            } else if born < oldest {
                c.fail(
                    col.dateOfBirth, born.description,
                    "is more than \(Self.oldestAge) years before the as-of day; expected a real date of birth")
            }
        }
        p.team = row.value(col.team)
        p.therapist = row.value(col.therapist)
        p.activity = row.value(col.activity).map { text in
            Activity.Sport(rawValue: Header.normalize(text)).map(Activity.known) ?? .other(text)
        }
        p.occupation = c.optional(col.occupation, ascii: Tables.occupation.lookup) { ValueParser.token($0, Occupation.self) }
        p.trainingLoad = c.optional(col.trainingLoad, ascii: Tables.trainingLoad.lookup) { ValueParser.token($0, TrainingLoad.self) }
        p.lastHardSession = c.optional(col.lastHardSession, ascii: ValueParser.Bytes.moment) { DateParser.moment($0, order: dates) }
        p.nextEvent = c.optional(col.nextEvent, ascii: ValueParser.Bytes.day) { DateParser.day($0, order: dates) }
        let areas = c.list(col.soreAreas, table: Tables.area) { ValueParser.token($0, Area.self, aliases: Self.areaAliases) }
        for a in areas where !p.soreAreas.contains(a) { p.soreAreas.append(a) }
        p.painLevel = c.optional(col.painLevel, ascii: ValueParser.Bytes.integer(in: 0...10)) { ValueParser.integer($0, 0...10) }
        let conditions = c.list(col.conditions, table: Tables.condition) { ValueParser.token($0, Condition.self) }
        if !conditions.isEmpty { p.conditions = Set(conditions) }
        let tools = c.list(col.tools, table: Tables.tool) { ValueParser.token($0, Tool.self) }
        if !tools.isEmpty { p.tools = Set(tools) }
        p.pressure = c.optional(col.pressure, ascii: Tables.pressure.lookup) { ValueParser.token($0, Pressure.self) }
        p.lastMassage = c.optional(col.lastMassage, ascii: ValueParser.Bytes.day) { DateParser.day($0, order: dates) }
        var note = RowChecker(file: table.file, row: row)
        if let last = p.lastMassage, let asOf, last > asOf {
            // A future date is no past massage: the session log's last one counts instead.
            p.lastMassage = nil
            note.fail(col.lastMassage, last.description, "is after the as-of day \(asOf), so it is not used as the last massage")
        }
        if let tag = row.value(col.language) {
            // A language with no catalog still gets a handout, in the clinic's language.
            if let known = handoutLanguages {
                p.language = LanguageTag.isWellFormed(tag) ? LanguageTag.match(tag, among: known) : nil
                if p.language == nil {
                    note.fail(
                        col.language, tag,
                        "has no handout catalog (there are \(known.joined(separator: ", "))), so the handout is in the clinic's language")
                }
            } else if LanguageTag.isWellFormed(tag) {
                p.language = tag
            }
        }
        for var warning in note.errors {
            warning.severity = .warning
            warnings.append(warning)
        }
        p.sessionMinutes = c.optional(col.sessionMinutes, ascii: ValueParser.Bytes.integer(oneOf: Self.sessionLengths)) {
            ValueParser.integer($0, oneOf: Self.sessionLengths)
        }
        errors = c.errors
        return errors.isEmpty ? p : nil
    }
}
