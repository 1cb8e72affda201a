import LegCareCore

/// Reads one input file row by row: the CSV reader, the matched header, and the checks
/// every file shares (field count, unclosed quotes, encoding warnings).
struct TableReader {
    let file: String
    let header: Header
    /// A `;`-separated file writes decimals with a comma (`7,5`), as European spreadsheets do.
    let decimalComma: Bool
    private var reader: CSVReader
    private var legacyFields = 0
    private var firstLegacy: (row: Int, line: Int, column: String, value: String)?

    /// Opens the file's header; throws when it is empty or misses a required column.
    init(
        source: ByteSource, file: String, known: [String], required: [String],
        aliases: [String: String] = [:], mapping: (kind: String, format: InputFormat)? = nil, diagnostics: inout [Diagnostic]
    ) throws {
        self.file = file
        var reader = try CSVReader(source: source)
        guard let first = try reader.next() else { throw IntakeError(file: file, reason: .empty) }
        header = try Header(
            record: first, file: file, known: known, required: required, aliases: aliases, mapping: mapping,
            diagnostics: &diagnostics)
        decimalComma = reader.delimiter == UInt8(ascii: ";")
        self.reader = reader
        if reader.encoding != .utf8 {
            diagnostics.append(
                Diagnostic(.warning, file: file, row: 0, message: "was read as \(reader.encoding.rawValue) and converted to UTF-8"))
        }
    }

    /// Opens the file and checks its header only: throws what the initialiser throws (an
    /// empty file, a missing required column), so a run can stop (exit 2) before it
    /// writes anything.
    static func checkHeader(
        _ source: ByteSource, file: String, known: [String], required: [String], mapping: (kind: String, format: InputFormat)? = nil
    ) throws -> Header {
        var ignored: [Diagnostic] = []
        return try TableReader(source: source, file: file, known: known, required: required, mapping: mapping, diagnostics: &ignored)
            .header
    }

    /// A known column, looked up in the header once per file instead of once per cell
    /// (hashing the key for every cell was a sixth of validating a row).
    struct Column {
        let key: String
        let index: Int?
    }

    /// The column named `key` in this file's header.
    func column(_ key: String) -> Column { Column(key: key, index: header.index[key]) }

    /// A data row: the record and a field accessor by column key.
    struct Row {
        let record: CSVRecord
        let header: Header
        fileprivate(set) var legacy: [(String, String)] = []

        /// The trimmed text of a known column, or `nil` when the column is absent or empty.
        func value(_ key: String) -> String? {
            guard let i = header.index[key], i < record.count else { return nil }
            return record.trimmedText(i)
        }

        /// The trimmed text of a known column, or `nil` when the column is absent or empty.
        func value(_ column: Column) -> String? {
            guard let i = column.index, i < record.count else { return nil }
            return record.trimmedText(i)
        }

        /// The column's name as the file spells it.
        func column(_ key: String) -> String {
            header.index[key].map { header.spelled[$0] } ?? key
        }
    }

    /// The next row whose shape is right, or `nil` at the end. Rows with the wrong field
    /// count or an unclosed quote are reported as errors and counted in `rejectedShape`.
    mutating func next(diagnostics: inout [Diagnostic], rejected: inout Int) throws -> Row? {
        while let record = try reader.next() {
            if record.unterminatedQuote {
                let taken = record.swallowedLines
                let would = taken > 0 ? ": it would have taken the next \(taken) line\(taken == 1 ? "" : "s") into one cell" : ""
                diagnostics.append(
                    Diagnostic(
                        .error, file: file, row: record.row, line: record.line,
                        message:
                            "has a quoted field that is never closed\(would); expected a closing \" on the same row (reading went on at the next line)",
                        clientID: clientID(of: record)))
                rejected += 1
                continue
            }
            if record.tooLong {
                diagnostics.append(
                    Diagnostic(
                        .error, file: file, row: record.row, line: record.line,
                        message: "is longer than 1 MiB; expected a row of at most 1 MiB (reading went on at the next line)"))
                rejected += 1
                continue
            }
            if record.count != header.count {
                diagnostics.append(
                    Diagnostic(
                        .error, file: file, row: record.row, line: record.line, value: "\(record.count) fields",
                        message: "has \(record.count) fields but the header has \(header.count); expected one value per column",
                        clientID: clientID(of: record)))
                rejected += 1
                continue
            }
            // A record that is ASCII, or valid UTF-8 as a whole, has no legacy field: only
            // the rare other records are decoded field by field.
            let utf8 = record.isASCII || String(validating: record.bytes, as: UTF8.self) != nil
            for i in 0..<record.count where !utf8 && record.text(i).legacy {
                legacyFields += 1
                if firstLegacy == nil {
                    firstLegacy = (record.row, record.line, header.spelled[i], record.text(i).value)
                }
            }
            return Row(record: record, header: header)
        }
        return nil
    }

    /// The record's `client_id` cell, when the file has that column and the record reaches it.
    private func clientID(of record: CSVRecord) -> String {
        guard let i = header.index["client_id"], i < record.count else { return "" }
        return record.trimmedText(i) ?? ""
    }

    /// Warnings that can only be given at the end (legacy encoding, invalid UTF-16).
    func closingDiagnostics() -> [Diagnostic] {
        var out: [Diagnostic] = []
        if let f = firstLegacy {
            out.append(
                Diagnostic(
                    .warning, file: file, row: f.row, line: f.line, column: f.column, value: f.value,
                    message:
                        "is not valid UTF-8; \(legacyFields) field\(legacyFields == 1 ? " was" : "s were") read as Windows-1252 (save the file as UTF-8 to silence this)"
                ))
        }
        if reader.invalidUTF16Units > 0 {
            out.append(
                Diagnostic(
                    .warning, file: file, row: 0,
                    message: "holds \(reader.invalidUTF16Units) invalid UTF-16 code unit(s), shown as \u{FFFD}"))
        }
        return out
    }
}
