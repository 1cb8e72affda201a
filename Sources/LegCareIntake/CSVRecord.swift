/// One CSV record: its fields' bytes (quotes removed, doubled quotes undone), laid end
/// to end, and where each field ends. Fields are decoded to text only when asked for.
public struct CSVRecord: Sendable {
    /// Spreadsheet row of the record (the header is row 1; blank lines count as rows).
    public var row: Int
    /// Physical line where the record starts.
    public var line: Int
    /// The fields' bytes, end to end.
    public var bytes: [UInt8] = []
    /// End offset in `bytes` of each field.
    public var ends: [Int] = []
    /// The last field opened a quote that was never closed within ``CSVReader/quotedFieldLimit``
    /// bytes or before the end of the file; reading went on at the next line.
    public var unterminatedQuote = false
    /// With ``unterminatedQuote``: the lines after the record's own that the open quote
    /// would have taken into this field.
    public var swallowedLines = 0
    /// The record ran past ``CSVReader/recordLimit`` bytes; the rest of its line was skipped.
    public var tooLong = false

    /// Number of fields.
    public var count: Int { ends.count }

    /// The raw bytes of field `i`.
    public func field(_ i: Int) -> ArraySlice<UInt8> {
        bytes[(i == 0 ? 0 : ends[i - 1])..<ends[i]]
    }

    /// Whether every byte of the record is ASCII (then every field is valid UTF-8).
    public var isASCII: Bool { bytes.allSatisfy { $0 < 0x80 } }

    /// Field `i`'s bytes without surrounding white space, given to `body` as the record's
    /// buffer and a range in it, when the field is ASCII; `nil` otherwise. What `body`
    /// sees is what ``trimmedText(_:)`` would make a String of.
    func withTrimmedASCII<R>(_ i: Int, _ body: (UnsafeBufferPointer<UInt8>, Range<Int>) -> R) -> R? {
        let range = (i == 0 ? 0 : ends[i - 1])..<ends[i]
        return bytes.withUnsafeBufferPointer { b in
            ASCII.all(UnsafeBufferPointer(rebasing: b[range])) ? body(b, ASCII.trimmed(b, range)) : nil
        }
    }

    /// Field `i` without surrounding spaces and tabs, as text (`nil` when empty).
    public func trimmedText(_ i: Int) -> String? {
        if let ascii = withTrimmedASCII(i, { b, r in r.isEmpty ? nil : ASCII.string(b, r) }) { return ascii }
        var raw = field(i)
        while let f = raw.first, f == 0x20 || f == 0x09 { raw = raw.dropFirst() }
        while let l = raw.last, l == 0x20 || l == 0x09 { raw = raw.dropLast() }
        if raw.isEmpty { return nil }
        if let s = String(validating: raw, as: UTF8.self) {
            // Rare: other Unicode white space around the value.
            return s.first!.isWhitespace || s.last!.isWhitespace ? s.trimmingWhitespace().nilIfEmpty : s
        }
        return Windows1252.decode(raw).trimmingWhitespace().nilIfEmpty
    }

    /// Field `i` as text: UTF-8 when valid, else read as Windows-1252 (`legacy` is then true).
    public func text(_ i: Int) -> (value: String, legacy: Bool) {
        let raw = field(i)
        if let s = String(validating: raw, as: UTF8.self) { return (s, false) }
        return (Windows1252.decode(raw), true)
    }
}

/// Windows-1252, the encoding of most CSV files saved by older spreadsheets in Western Europe.
enum Windows1252 {
    /// Code points for bytes 0x80-0x9F; the rest of the range maps to the same Latin-1 code point.
    private static let high: [UInt32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039,
        0x0152, 0x8D, 0x017D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
    ]

    static func decode(_ bytes: some Collection<UInt8>) -> String {
        var s = String.UnicodeScalarView()
        for b in bytes {
            let code = (0x80...0x9F).contains(b) ? high[Int(b) - 0x80] : UInt32(b)
            s.append(Unicode.Scalar(code)!)
        }
        return String(s)
    }
}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
