import LegCareCore
import PropertyBased
import Testing

@testable import LegCareIntake

/// Validation reads ASCII cells on bytes (measured: four times faster than by Character).
/// These properties hold the byte paths to exactly what the Unicode paths give.
@Suite("ASCII fast paths of validation give what the Unicode paths give")
struct ASCIIFastPathTests {
    /// Random cell text from pieces that matter: every kind of ASCII white space, the list
    /// separators, case, `-`, digits, date and time shapes, and some other letters.
    static let cells = Gen.int(in: 0...Int(Int32.max)).map { seed -> String in
        let pieces = [
            " ", "\t", "\n", "\r", "\r\n", "\u{0B}", "\u{0C}", "\u{1C}", "-", "_", ";", "|", ",", "A", "z", "Foam Roller", "ITB",
            "2026-11-23", "T", ":", "07", "59", "24", "+1", "0", "\u{A0}", "\u{3000}", "é", "e\u{301}", "張", "\u{85}", "\u{2028}",
        ]
        var s = UInt64(seed)
        func next() -> Int {
            s = s &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(s >> 33)
        }
        // Half the cells are pure ASCII, so the byte paths are well exercised.
        let ascii = next() % 2 == 0
        let usable = ascii ? pieces.filter { $0.utf8.allSatisfy { $0 < 0x80 } } : pieces
        return (0..<(next() % 8)).map { _ in usable[next() % usable.count] }.joined()
    }

    @Test("header and token normalising: trimmed, lower case, - and space as _")
    func normalize() async {
        await propertyCheck(count: 2000, input: Self.cells) { text in
            #expect(Header.normalize(text) == Header.unicodeNormalize(text), "\(Array(text.unicodeScalars))")
        }
    }

    @Test("list cells split on ; | , with each item trimmed and empty items dropped")
    func list() async {
        await propertyCheck(count: 2000, input: Self.cells) { text in
            #expect(ValueParser.list(text) == ValueParser.unicodeList(text), "\(Array(text.unicodeScalars))")
        }
    }

    @Test("a cell's trimmed text: white space of any kind gone, empty as nil")
    func trimmedText() async {
        await propertyCheck(count: 2000, input: Self.cells) { text in
            let record = CSVRecord(row: 2, line: 2, bytes: Array(text.utf8), ends: [text.utf8.count])
            let s = text.trimmingWhitespace()
            #expect(record.trimmedText(0) == (s.isEmpty ? nil : s), "\(Array(text.unicodeScalars))")
        }
    }

    @Test("dates and date-times parse on bytes as they did by Character")
    func moments() async {
        let dates = Gen.int(in: 0...Int(Int32.max)).map { seed -> String in
            let shapes = [
                "2026-11-23", "2026-11-23T07:30", "2026-11-23 23:59", "2026-11-23T24:00", "2026-11-23T07:60", "2026-11-23T+1:00",
                "2026-02-29", "2024-02-29", "2026-11-23T07:3", "2026-11-2３", "2026-11-23T0７:30", "2026-11-23\r\n07:30", "x",
            ]
            return shapes[seed % shapes.count]
        }
        await propertyCheck(count: 300, input: dates) { text in
            #expect(Self.byCharacter(text) == (try? ValueParser.moment(text).get()), "\(text)")
        }
    }

    /// The Character-by-Character parser the byte one replaced, as the reference.
    static func byCharacter(_ text: String) -> Moment? {
        let chars = Array(text)
        if chars.count == 10 { return Day(iso: text).map { Moment(day: $0) } }
        guard chars.count == 16, chars[10] == "T" || chars[10] == " ", chars[13] == ":",
            let day = Day(iso: String(chars[0..<10])),
            let h = Int(String(chars[11..<13])), let m = Int(String(chars[14..<16])),
            (0...23).contains(h), (0...59).contains(m)
        else { return nil }
        return Moment(day: day, minuteOfDay: h * 60 + m)
    }
}
