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

    /// Cells of the closed vocabularies as people type them: spelled with spaces, hyphens
    /// and capitals, aliases, white space around, lists, and near misses.
    static let tokenCells = Gen.int(in: 0...Int(Int32.max)).map { seed -> String in
        let pieces = [
            "Foam Roller", "foam-roller", "FOAM_ROLLER", "massage ball", "hands", "Hand", "IT band", "itb", "ITB", "calf", "Calves",
            "hip flexors", "Lower-Back", "lower  back", "acute injury", "Hamstring_Strain", "tendinopathy", "light", "Moderate",
            "firm", "desk", "Manual", "heavy", "none", " ", "\t", "\u{0B}", ";", "|", ",", "-", "_", "é", "\u{212A}", "x",
        ]
        var s = UInt64(seed)
        func next() -> Int {
            s = s &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(s >> 33)
        }
        return (0..<(1 + next() % 4)).map { _ in pieces[next() % pieces.count] }.joined()
    }

    /// The byte lookup against the text one, for an ASCII cell: the same case, or nil
    /// where the text path fails.
    static func agrees<T: RawRepresentable & CaseIterable & Sendable & Equatable>(
        _ text: String, _ type: T.Type, aliases: [String: T] = [:]
    ) -> Bool where T.RawValue == String {
        guard text.utf8.allSatisfy({ $0 < 0x80 }) else { return true }
        let bytes = Array(text.utf8)
        let fast = bytes.withUnsafeBufferPointer { TokenTable<T>(aliases: aliases).lookup($0, 0..<$0.count) }
        return fast == (try? ValueParser.token(text, T.self, aliases: aliases).get())
    }

    @Test("tokens of every vocabulary are found on bytes exactly as on text")
    func tokens() async {
        await propertyCheck(count: 3000, input: Self.tokenCells) { text in
            #expect(Self.agrees(text, Tool.self), "\(text)")
            #expect(Self.agrees(text, Area.self, aliases: ClientsReader.areaAliases), "\(text)")
            #expect(Self.agrees(text, Condition.self), "\(text)")
            #expect(Self.agrees(text, Pressure.self), "\(text)")
            #expect(Self.agrees(text, Occupation.self), "\(text)")
            #expect(Self.agrees(text, TrainingLoad.self), "\(text)")
        }
    }

    @Test("every raw value and alias is found on bytes, whatever its case and spacing")
    func everyToken() {
        for area in Area.allCases {
            let typed = " " + area.rawValue.uppercased().replacingOccurrences(of: "_", with: " ") + "\t"
            #expect(Array(typed.utf8).withUnsafeBufferPointer { TokenTable<Area>().lookup($0, 0..<$0.count) } == area)
        }
        for (alias, area) in ClientsReader.areaAliases {
            #expect(
                Array(alias.utf8).withUnsafeBufferPointer { TokenTable(aliases: ClientsReader.areaAliases).lookup($0, 0..<$0.count) }
                    == area)
        }
    }

    @Test("numbers and dates read on bytes agree with the text parsers wherever they give a value")
    func numbersAndDates() async {
        let cells = Gen.int(in: 0...Int(Int32.max)).map { seed -> String in
            let shapes = [
                "0", "7", "10", "11", "007", "+5", "-1", "45", "90", "91", "1234567890", "", "2026-11-23", "2026-02-30",
                "2026-11-23T07:30", "2026-11-23 23:59", "2026-11-23T24:00", "2026-11-23T+1:00", "2026-11-23T07-30", "20261123",
            ]
            return shapes[seed % shapes.count]
        }
        await propertyCheck(count: 400, input: cells) { text in
            let b = Array(text.utf8)
            b.withUnsafeBufferPointer { b in
                let r = 0..<b.count
                if let v = ValueParser.Bytes.integer(b, r, 0...10) { #expect(v == (try? ValueParser.integer(text, 0...10).get())) }
                if let v = ValueParser.Bytes.integer(b, r, oneOf: [30, 45, 60, 90]) {
                    #expect(v == (try? ValueParser.integer(text, oneOf: [30, 45, 60, 90]).get()))
                }
                if let v = ValueParser.Bytes.day(b, r) { #expect(v == (try? DateParser.day(text, order: .iso).get())) }
                #expect(ValueParser.Bytes.moment(b, r) == (text.contains("+") ? nil : try? ValueParser.moment(text).get()), "\(text)")
            }
            // Plain digits and real dates never fall back to the text path.
            if text.allSatisfy(\.isNumber), let n = Int(text), (0...10).contains(n), text.count < 10 {
                #expect(b.withUnsafeBufferPointer { ValueParser.Bytes.integer($0, 0..<$0.count, 0...10) } == n)
            }
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
