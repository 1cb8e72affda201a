import LegCareCore

/// The header row of an input file, matched to the columns LegCare knows.
///
/// Names match case-insensitively, ignoring surrounding spaces, with `-` and space
/// counting as `_`; aliases (`id` for `client_id`) are accepted.
public struct Header: Sendable {
    /// Index of each known column in the record.
    public let index: [String: Int]
    /// Each field's name as the file spells it.
    public let spelled: [String]
    /// Number of fields in the header.
    public var count: Int { spelled.count }

    /// Normalises a header name: trimmed, lower-case, `-` and space as `_`.
    public static func normalize(_ name: String) -> String {
        var name = name
        // ASCII (nearly every name and token) on bytes; `.some(nil)`: already normal.
        let ascii = name.withUTF8 { b -> String?? in
            guard ASCII.all(b) else { return .none }
            let range = ASCII.trimmed(b, 0..<b.count)
            if range.count == b.count && !b.contains(where: { ASCII.normal($0) != $0 }) { return .some(nil) }
            return String(unsafeUninitializedCapacity: range.count) { out in
                for (j, i) in range.enumerated() { out[j] = ASCII.normal(b[i]) }
                return range.count
            }
        }
        switch ascii {
        case .some(.none): return name
        case .some(.some(let normal)): return normal
        case .none: return unicodeNormalize(name)
        }
    }

    /// ``normalize(_:)`` by Characters: for names with other letters, and the reference the
    /// ASCII path is tested against.
    static func unicodeNormalize(_ name: String) -> String {
        String(name.trimmingWhitespace().lowercased().map { $0 == "-" || $0 == " " ? "_" : $0 })
    }

    /// Matches the header; unknown and repeated columns become warnings, missing
    /// required ones throw ``IntakeError`` (exit 2, nothing written).
    ///
    /// `mapping` (from `columns:` in clinic.yaml) reads a contract column from the file's
    /// own header; a mapped header the file lacks stops the run with the line of
    /// `format.configFile` that names it.
    init(
        record: CSVRecord, file: String, known: [String], required: [String], aliases: [String: String],
        mapping: (kind: String, format: InputFormat)? = nil, diagnostics: inout [Diagnostic]
    ) throws {
        var index: [String: Int] = [:]
        var spelled: [String] = []
        let mapped = mapping.flatMap { $0.format.columns[$0.kind] } ?? [:]
        let byHeader = Dictionary(mapped.map { (Header.normalize($1.header), $0) }, uniquingKeysWith: { first, _ in first })
        for i in 0..<record.count {
            let name = record.text(i).value
            spelled.append(name)
            let normal = Header.normalize(name)
            let key = byHeader[normal] ?? aliases[normal] ?? normal
            if byHeader[normal] == nil, mapped[key] != nil {
                diagnostics.append(
                    Diagnostic(
                        .warning, file: file, row: record.row, line: record.line, column: name, value: name,
                        message: "is left out: columns in clinic.yaml reads \(key) from \"\(mapped[key]!.header)\""))
                continue
            }
            if known.contains(key) {
                if index[key] == nil {
                    index[key] = i
                } else {
                    diagnostics.append(
                        Diagnostic(
                            .warning, file: file, row: record.row, line: record.line, column: name, value: name,
                            message: "repeats column \(key); the first one is used"))
                }
            } else if !key.isEmpty {
                diagnostics.append(
                    Diagnostic(
                        .warning, file: file, row: record.row, line: record.line, column: name, value: name,
                        message: "is not a LegCare column and is left out of the plan"))
            }
        }
        if let mapping {
            for (key, m) in mapped.sorted(by: { $0.value.line < $1.value.line }) where index[key] == nil {
                throw IntakeError(
                    file: mapping.format.configFile,
                    reason: .config(
                        line: m.line, key: "columns.\(mapping.kind).\(key)",
                        problem: "names \"\(Diagnostic.safe(m.header))\", which is not a column of \(file); its header has "
                            + spelled.map { Diagnostic.safe($0) }.joined(separator: ", ")))
            }
        }
        let missing = required.filter { index[$0] == nil }
        if !missing.isEmpty {
            // A first row that names no known column is most likely a client's data: its
            // cells are never echoed (they may be a name, a birth date, conditions).
            throw IntakeError(file: file, reason: .missingColumns(missing: missing, found: index.isEmpty ? [] : spelled))
        }
        self.index = index
        self.spelled = spelled
    }
}

extension String {
    /// The string without leading and trailing white space (spaces, tabs, line breaks).
    func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        return String(scalars[first...last])
    }
}
