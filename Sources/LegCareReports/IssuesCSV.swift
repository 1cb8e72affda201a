import LegCareCore

/// `input-issues.csv`: every rejected row and warning, one line each.
public enum IssuesCSV {
    /// The header line.
    public static let header = "file,row,column,value,message,severity,line"

    /// The whole file's text (header included), CRLF-free, every field quoted when needed.
    public static func text(_ diagnostics: [Diagnostic]) -> String {
        var out = header + "\n"
        for d in diagnostics {
            out +=
                [d.file, String(d.row), d.column, d.value, d.message, d.severity.rawValue, String(d.line)]
                .map(field).joined(separator: ",") + "\n"
        }
        return out
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
