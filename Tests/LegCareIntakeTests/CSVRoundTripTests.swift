import LegCareIntake
import PropertyBased
import Testing

/// A random table and the line ending and delimiter to write it with, built from a seed
/// (SplitMix64) so a failing seed reproduces the exact table.
struct RandomTable: CustomStringConvertible {
    static let pieces = [
        "a", "Z", "0", " ", "é", "Ñ", "张伟", "😀", "ﬁ", "\u{301}", ",", ";", "\t", "\"", "\"\"", "\n", "\r", "\r\n", "=1+2", "'",
    ]
    let rows: [[String]]
    let delimiter: String

    init(seed: UInt64) {
        var state = seed
        func next() -> Int {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int(truncatingIfNeeded: (z ^ (z >> 31)) >> 1)
        }
        let columns = 1 + next() % 5
        rows = (0..<(1 + next() % 6)).map { _ in
            (0..<columns).map { _ in (0..<(next() % 5)).map { _ in Self.pieces[next() % Self.pieces.count] }.joined() }
        }
        delimiter = [",", ";", "\t"][next() % 3]
    }

    /// The plainest RFC 4180 writer: a field is quoted when it holds a delimiter of any
    /// kind, a quote or a line break (or is a lone empty field, which would be a blank line).
    func csv(lineEnd: String) -> String {
        rows.map { row in
            row.map { f in
                let quote = f.unicodeScalars.contains { ",;\t\"\r\n".unicodeScalars.contains($0) } || (row.count == 1 && f.isEmpty)
                return quote ? "\"" + Self.doublingQuotes(f) + "\"" : f
            }.joined(separator: delimiter) + lineEnd
        }.joined()
    }

    /// Every `"` doubled, scalar by scalar (a quote can share a grapheme with an accent).
    static func doublingQuotes(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        for u in s.unicodeScalars {
            if u == "\"" { out.append(u) }
            out.append(u)
        }
        return String(out)
    }

    var description: String { "\(rows) delimited by \(delimiter.debugDescription)" }
}

@Suite("CSV reader round trip (property)")
struct CSVRoundTripTests {
    @Test("any table a plain writer writes reads back equal, with LF, CRLF or CR line ends")
    func roundTrip() async {
        await propertyCheck(count: 500, input: Gen.int(in: 0...Int(Int32.max)).map { RandomTable(seed: UInt64($0)) }) { table in
            for lineEnd in ["\n", "\r\n", "\r"] {
                for chunk in [1, 7, 1 << 16] {
                    let read = try? fields(table.csv(lineEnd: lineEnd), chunk: chunk)
                    #expect(read == table.rows, "line end \(lineEnd.debugDescription), chunk \(chunk)")
                }
            }
        }
    }
}
