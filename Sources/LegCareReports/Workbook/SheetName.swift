/// Legal Excel sheet and table names.
enum SheetName {
    /// A sheet name: no `[ ] : * ? / \`, not starting or ending with `'`, at most 31
    /// characters; part 2 and later get ` (2)`, ` (3)`...
    static func make(_ base: String, part: Int = 1) -> String {
        var clean = String(base.map { "[]:*?/\\".contains($0) ? "_" : $0 })
        while clean.hasPrefix("'") { clean.removeFirst() }
        while clean.hasSuffix("'") { clean.removeLast() }
        if clean.isEmpty { clean = "Sheet" }
        let suffix = part > 1 ? " (\(part))" : ""
        return String(clean.prefix(31 - suffix.count)) + suffix
    }

    /// A table name: letters, digits and `_`, starting with a letter.
    static func table(_ base: String, part: Int = 1) -> String {
        let clean = String(base.map { $0.isLetter || $0.isNumber ? $0 : "_" })
        return (clean.first?.isLetter == true ? clean : "T_" + clean) + (part > 1 ? "_\(part)" : "")
    }
}
