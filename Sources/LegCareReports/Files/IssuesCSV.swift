import LegCareCore

/// `input-issues.csv`: every rejected row and warning, one line each.
public enum IssuesCSV {
    /// The header line.
    public static let header = "file,row,column,value,message,severity,line,client_id"

    /// The whole file's text (header included), CRLF-free, every field quoted when needed.
    public static func text(_ diagnostics: [Diagnostic]) -> String {
        var out = header + "\n"
        for d in diagnostics {
            out +=
                [d.file, String(d.row), d.column, d.value, d.message, d.severity.rawValue, String(d.line), d.clientID]
                .map(CSVField.cell).joined(separator: ",") + "\n"
        }
        return out
    }
}
