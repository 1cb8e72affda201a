/// One cell of a CSV file LegCare writes: formula-safe, then quoted as RFC 4180 needs.
enum CSVField {
    /// The cell's text as written.
    static func cell(_ s: String) -> String { field(inert(s)) }

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
