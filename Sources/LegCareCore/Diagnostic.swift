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
