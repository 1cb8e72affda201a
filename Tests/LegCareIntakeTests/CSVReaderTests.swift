import LegCareIntake
import Testing

/// Reads all records of some bytes, as (row, line, fields).
func records(_ bytes: [UInt8], chunk: Int = 3) throws -> [(Int, Int, [String])] {
    var reader = try CSVReader(source: ByteSource(bytes: bytes, chunkSize: chunk))
    var out: [(Int, Int, [String])] = []
    while let r = try reader.next() {
        out.append((r.row, r.line, (0..<r.count).map { r.text($0).value }))
    }
    return out
}

func fields(_ text: String, chunk: Int = 3) throws -> [[String]] {
    try records(Array(text.utf8), chunk: chunk).map(\.2)
}

struct ReaderCase: CustomTestStringConvertible, Sendable {
    let name: String
    let input: String
    let expected: [[String]]
    var testDescription: String { name }
}

@Suite("CSV reader (RFC 4180, streamed)")
struct CSVReaderTests {
    static let cases: [ReaderCase] = [
        .init(name: "plain LF", input: "a,b\n1,2\n", expected: [["a", "b"], ["1", "2"]]),
        .init(name: "CRLF", input: "a,b\r\n1,2\r\n", expected: [["a", "b"], ["1", "2"]]),
        .init(name: "lone CR", input: "a,b\r1,2\r", expected: [["a", "b"], ["1", "2"]]),
        .init(name: "no final newline", input: "a,b\n1,2", expected: [["a", "b"], ["1", "2"]]),
        .init(name: "quoted comma", input: "a,b\n\"x, y\",2\n", expected: [["a", "b"], ["x, y", "2"]]),
        .init(name: "doubled quotes", input: "a,b\n\"say \"\"hi\"\"\",2\n", expected: [["a", "b"], ["say \"hi\"", "2"]]),
        .init(name: "line break in quotes", input: "a,b\n\"one\ntwo\",2\n", expected: [["a", "b"], ["one\ntwo", "2"]]),
        .init(name: "CRLF in quotes", input: "a,b\r\n\"one\r\ntwo\",2\r\n", expected: [["a", "b"], ["one\r\ntwo", "2"]]),
        .init(name: "empty fields", input: "a,b,c\n,,\n", expected: [["a", "b", "c"], ["", "", ""]]),
        .init(name: "blank lines skipped", input: "a,b\n\n1,2\n\r\n\n3,4\n", expected: [["a", "b"], ["1", "2"], ["3", "4"]]),
        .init(
            name: "semicolon delimiter (European spreadsheets)", input: "a;b;c\n1,5;2;3\n",
            expected: [["a", "b", "c"], ["1,5", "2", "3"]]),
        .init(name: "tab delimiter", input: "a\tb\n1\t2\n", expected: [["a", "b"], ["1", "2"]]),
        .init(name: "quoted delimiter in header does not count", input: "\"a;b\",c\n1,2\n", expected: [["a;b", "c"], ["1", "2"]]),
        .init(
            name: "line break inside a quoted header cell (delimiter still detected)", input: "\"Client\nID\";b\n1;2\n",
            expected: [["Client\nID", "b"], ["1", "2"]]),
        .init(name: "empty quoted field", input: "a,b\n\"\",2\n", expected: [["a", "b"], ["", "2"]]),
        .init(name: "UTF-8 byte-order mark", input: "\u{FEFF}a,b\n1,2\n", expected: [["a", "b"], ["1", "2"]]),
        .init(name: "UTF-8 text", input: "name\nJosé Ñúñez 张伟\n", expected: [["name"], ["José Ñúñez 张伟"]]),
    ]

    @Test(arguments: cases)
    func reads(_ c: ReaderCase) throws {
        for chunk in [1, 2, 3, 7, 1 << 16] {
            #expect(try fields(c.input, chunk: chunk) == c.expected, "chunk size \(chunk)")
        }
    }

    @Test("rows count blank lines; lines count breaks inside quotes")
    func positions() throws {
        let r = try records(Array("a,b\n\n\"x\ny\",1\n2,3\n".utf8))
        #expect(r.map(\.0) == [1, 3, 4])
        #expect(r.map(\.1) == [1, 3, 5])
    }

    @Test("an unclosed quote is flagged on its record")
    func unclosedQuote() throws {
        var reader = try CSVReader(source: ByteSource(bytes: Array("a,b\n\"open,2\n".utf8)))
        _ = try reader.next()
        let r = try #require(try reader.next())
        #expect(r.unterminatedQuote)
    }

    @Test("UTF-16 LE and BE with a byte-order mark are read as text")
    func utf16() throws {
        let text = "name,area\nJosé,calves\n张伟,shins\n"
        var le: [UInt8] = [0xFF, 0xFE]
        var be: [UInt8] = [0xFE, 0xFF]
        for u in text.utf16 {
            le += [UInt8(u & 0xFF), UInt8(u >> 8)]
            be += [UInt8(u >> 8), UInt8(u & 0xFF)]
        }
        for bytes in [le, be] {
            for chunk in [1, 5, 1 << 16] {
                #expect(try records(bytes, chunk: chunk).map(\.2) == [["name", "area"], ["José", "calves"], ["张伟", "shins"]])
            }
        }
    }

    @Test("UTF-16 LE without a byte-order mark is recognised")
    func utf16NoBOM() throws {
        let bytes = "id,name\n1,Zoë\n".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        #expect(try records(bytes).map(\.2) == [["id", "name"], ["1", "Zoë"]])
    }

    @Test("bytes that are not UTF-8 are read as Windows-1252 and marked")
    func windows1252() throws {
        let bytes: [UInt8] = Array("name\n".utf8) + [0x4A, 0x6F, 0x73, 0xE9, 0x20, 0x80, 0x0A]
        var reader = try CSVReader(source: ByteSource(bytes: bytes))
        _ = try reader.next()
        let r = try #require(try reader.next())
        #expect(r.text(0).value == "José €")
        #expect(r.text(0).legacy)
    }
}
