import LegCareCore

/// What a cell should have held: the end of a diagnostic's sentence.
struct Expected: Error, Equatable {
    let text: String
    init(_ text: String) { self.text = text }
}

/// Parses one cell; on failure returns what was expected, for the diagnostic.
enum ValueParser {
    /// A whole number within a range.
    static func integer(_ text: String, _ range: ClosedRange<Int>) -> Result<Int, Expected> {
        guard let n = Int(text), range.contains(n) else {
            return .failure(Expected("is not a whole number from \(range.lowerBound) to \(range.upperBound)"))
        }
        return .success(n)
    }

    /// A whole number from a fixed set.
    static func integer(_ text: String, oneOf allowed: [Int]) -> Result<Int, Expected> {
        guard let n = Int(text), allowed.contains(n) else {
            return .failure(Expected("is not one of \(allowed.map(String.init).joined(separator: ", "))"))
        }
        return .success(n)
    }

    /// A number within a range, with a decimal point, or (`comma`: a `;`-separated file, as
    /// European spreadsheets write them) a decimal comma: `7.5`, `7,5`.
    static func decimal(_ text: String, _ range: ClosedRange<Double>, comma: Bool) -> Result<Double, Expected> {
        let normal = comma ? text.replacingOccurrences(of: ",", with: ".") : text
        guard let n = Double(normal), n.isFinite, range.contains(n), !normal.contains("e"), !normal.contains("E") else {
            let example = comma ? "7 or 7,5" : "7 or 7.5"
            return .failure(Expected("is not a number from \(Int(range.lowerBound)) to \(Int(range.upperBound)) (such as \(example))"))
        }
        return .success(n)
    }

    /// A date or date-time: `YYYY-MM-DD`, `YYYY-MM-DDTHH:MM` or `YYYY-MM-DD HH:MM`.
    static func moment(_ text: String) -> Result<Moment, Expected> {
        let expected = "is not a date (YYYY-MM-DD) or date-time (YYYY-MM-DDTHH:MM)"
        // On bytes: a valid value is ASCII, so any other letter fails as it did by Character.
        let bytes = Array(text.utf8)
        if bytes.count == 10 { return Day(iso: text).map { .success(Moment(day: $0)) } ?? .failure(Expected(expected)) }
        guard bytes.count == 16, bytes.allSatisfy({ $0 < 0x80 }), bytes[10] == 0x54 || bytes[10] == 0x20, bytes[13] == 0x3A,
            let day = Day(iso: String(decoding: bytes[0..<10], as: UTF8.self)),
            let h = Int(String(decoding: bytes[11..<13], as: UTF8.self)), let m = Int(String(decoding: bytes[14..<16], as: UTF8.self)),
            (0...23).contains(h), (0...59).contains(m)
        else { return .failure(Expected(expected)) }
        return .success(Moment(day: day, minuteOfDay: h * 60 + m))
    }

    /// Byte-level parsers for ASCII cells, each giving what its text parser gives for the
    /// values it accepts, and `nil` (the text path decides) for everything else.
    enum Bytes {
        static func day(_ b: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> Day? {
            Day(isoUTF8: UnsafeBufferPointer(rebasing: b[r]))
        }

        static func integer(_ b: UnsafeBufferPointer<UInt8>, _ r: Range<Int>, _ range: ClosedRange<Int>) -> Int? {
            ASCII.digits(b, r).flatMap { range.contains($0) ? $0 : nil }
        }

        static func integer(_ b: UnsafeBufferPointer<UInt8>, _ r: Range<Int>, oneOf allowed: [Int]) -> Int? {
            ASCII.digits(b, r).flatMap { allowed.contains($0) ? $0 : nil }
        }

        /// ``integer(_:_:_:)`` as a parser for ``RowChecker``.
        static func integer(in range: ClosedRange<Int>) -> (UnsafeBufferPointer<UInt8>, Range<Int>) -> Int? {
            { integer($0, $1, range) }
        }

        /// ``integer(_:_:oneOf:)`` as a parser for ``RowChecker``.
        static func integer(oneOf allowed: [Int]) -> (UnsafeBufferPointer<UInt8>, Range<Int>) -> Int? {
            { integer($0, $1, oneOf: allowed) }
        }

        static func moment(_ b: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> Moment? {
            if r.count == 10 { return day(b, r).map { Moment(day: $0) } }
            let s = r.lowerBound
            guard r.count == 16, b[s + 10] == 0x54 || b[s + 10] == 0x20, b[s + 13] == 0x3A, let d = day(b, s..<(s + 10)),
                let h = ASCII.digits(b, (s + 11)..<(s + 13)), let m = ASCII.digits(b, (s + 14)..<(s + 16)), h <= 23, m <= 59
            else { return nil }
            return Moment(day: d, minuteOfDay: h * 60 + m)
        }
    }

    /// One token of a closed vocabulary, case-insensitive.
    static func token<T: RawRepresentable & CaseIterable>(
        _ text: String, _ type: T.Type, aliases: [String: T] = [:]
    ) -> Result<T, Expected> where T.RawValue == String {
        let key = Header.normalize(text)
        if let v = T(rawValue: key) ?? aliases[key] { return .success(v) }
        return .failure(Expected("is not one of \(T.allCases.map(\.rawValue).joined(separator: ", "))"))
    }

    /// A list: items separated by `;`, `|` or `,` (the latter two only appear in quoted cells).
    static func list(_ text: String) -> [String] {
        var text = text
        let ascii = text.withUTF8 { b -> [String]? in
            guard ASCII.all(b) else { return nil }
            var items: [String] = []
            var start = 0
            for i in 0...b.count where i == b.count || b[i] == 0x3B || b[i] == 0x7C || b[i] == 0x2C {
                let item = ASCII.trimmed(b, start..<i)
                if !item.isEmpty { items.append(ASCII.string(b, item)) }
                start = i + 1
            }
            return items
        }
        return ascii ?? unicodeList(text)
    }

    /// ``list(_:)`` by Characters: for text with other letters, and the reference the ASCII
    /// path is tested against.
    static func unicodeList(_ text: String) -> [String] {
        text.split(whereSeparator: { $0 == ";" || $0 == "|" || $0 == "," })
            .map { String($0).trimmingWhitespace() }
            .filter { !$0.isEmpty }
    }
}
