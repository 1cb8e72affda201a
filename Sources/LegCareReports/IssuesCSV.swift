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
                .map { field(inert($0)) }.joined(separator: ",") + "\n"
        }
        return out
    }

    /// A value a spreadsheet would run as a formula (it begins with `=`, `+`, `-`, `@`, a tab
    /// or a carriage return) gets a leading `'`, so it shows as text (data contract).
    static func inert(_ s: String) -> String {
        guard let first = s.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) else { return s }
        return "'" + s
    }

    /// RFC 4180 quoting: quotes doubled, the field quoted when it holds `,` `"` or a line break.
    static func field(_ s: String) -> String {
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return s }
        return "\"" + s.replacingAll("\"", with: "\"\"") + "\""
    }
}

extension String {
    /// Every occurrence of `target` replaced (no Foundation needed).
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var out = ""
        for c in self { if c == target { out += replacement } else { out.append(c) } }
        return out
    }
}
