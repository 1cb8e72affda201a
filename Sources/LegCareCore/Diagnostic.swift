/// One problem found in the input: a rejected row's error or a warning.
///
/// Every diagnostic names the file, the row (the spreadsheet row: the header is row 1),
/// the physical line where the record starts (they differ when a quoted field spans
/// lines), the column, the value and what was expected.
///
/// ```
/// clients.csv:14: error: pain_level "eleven" is not a whole number from 0 to 10
/// ```
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
    /// Whether the row was rejected (`error`) or kept (`warning`).
    public enum Severity: String, Sendable { case error, warning }

    public var severity: Severity
    /// File name as given on the command line (no directories), e.g. `clients.csv`.
    public var file: String
    /// Spreadsheet row (header = 1), or 0 for a whole-file message.
    public var row: Int
    /// Physical line where the record starts, or 0.
    public var line: Int
    /// Column name as the file spells it, or empty.
    public var column: String
    /// The offending value, as read.
    public var value: String
    /// What was expected, as a sentence fragment.
    public var message: String
    /// The row's `client_id` where it has one (empty otherwise), so a manager can tell
    /// which client a rejected row was.
    public var clientID: String

    public init(
        _ severity: Severity, file: String, row: Int, line: Int? = nil, column: String = "",
        value: String = "", message: String, clientID: String = ""
    ) {
        self.severity = severity
        self.file = file
        self.row = row
        self.line = line ?? row
        self.column = column
        self.value = value
        self.message = message
        self.clientID = clientID
    }

    /// Columns whose values a terminal may show without `--show-values`: ids only. Every
    /// other value may be a name, a date of birth or a health detail.
    public static let idColumns: Set<String> = ["client_id", "session_id", "id"]

    /// The most characters of a value a terminal shows.
    public static let terminalValueLimit = 60

    /// The line for a terminal: like ``description``, but a value outside an id column is
    /// left out unless `showValues`, and every echoed text has its control characters
    /// escaped and is cut at ``terminalValueLimit`` characters.
    ///
    /// ```swift
    /// d.terminalText(showValues: false)   // clients.csv:14: error: pain_level is not a whole number ...
    /// ```
    public func terminalText(showValues: Bool) -> String {
        var place = file
        if row > 0 { place += ":\(row)" }
        var text = "\(Self.safe(place)): \(severity.rawValue): "
        if !column.isEmpty { text += "\(Self.safe(column)) " }
        let shown = showValues || Self.idColumns.contains(column.lowercased())
        if shown && (!column.isEmpty || !value.isEmpty) { text += "\"\(Self.safe(value))\" " }
        text += Self.safe(message, limit: .max)
        if line != row && line > 0 { text += " (record starts on line \(line))" }
        return text
    }

    /// `text` with control characters (C0, DEL, C1) shown as `\u{1B}` and, past `limit`
    /// characters, cut with an ellipsis: safe to print on a terminal.
    public static func safe(_ text: String, limit: Int = terminalValueLimit) -> String {
        var out = ""
        var count = 0
        for scalar in text.unicodeScalars {
            if count >= limit {
                out += "..."
                break
            }
            let v = scalar.value
            if v < 0x20 || (0x7F...0x9F).contains(v) || v == 0x2028 || v == 0x2029 {
                out += "\\u{" + String(v, radix: 16, uppercase: true) + "}"
            } else {
                out.unicodeScalars.append(scalar)
            }
            count += 1
        }
        return out
    }

    /// `clients.csv:14: error: pain_level "eleven" is not a whole number from 0 to 10`.
    public var description: String {
        var place = file
        if row > 0 { place += ":\(row)" }
        var text = "\(place): \(severity.rawValue): "
        if !column.isEmpty { text += "\(column) " }
        if !column.isEmpty || !value.isEmpty { text += "\"\(value)\" " }
        text += message
        if line != row && line > 0 { text += " (record starts on line \(line))" }
        return text
    }
}

/// Every problem a run finds, handed from stage to stage, and listed in the order
/// `input-issues.csv` gives them: by part of the run, then as found
/// (docs/decisions/0009-input-issues-order.md).
public struct Diagnostics: Sendable {
    /// The parts, in the order they are listed.
    public enum Part: Int, CaseIterable, Sendable {
        /// `clients.csv`: its date order, then each row's problems.
        case clients
        /// `sessions.csv`, then `training.csv`.
        case logs
        /// Ids the logs name that no accepted client has.
        case unmatched
        /// Last week's `plans.jsonl`.
        case previous
    }

    private var parts = [[Diagnostic]](repeating: [], count: Part.allCases.count)

    public init() {}

    public mutating func add(_ found: [Diagnostic], to part: Part) { parts[part.rawValue] += found }

    public mutating func add(_ found: Diagnostic?, to part: Part) { if let found { parts[part.rawValue].append(found) } }

    /// Every problem, part by part.
    public var all: [Diagnostic] { parts.flatMap { $0 } }
}
