import Foundation
import LegCareCore
import LegCareIntake
import Testing

/// A damaged file never swallows the rows after the damage.
@Suite("CSV reader: an unclosed quote or an endless row ends at its own line")
struct DamagedCSVTests {
    @Test("a quote opened on a row and never closed ends that row; every later line is read", arguments: [1, 2, 7, 1 << 16])
    func unclosedQuoteResumes(chunk: Int) throws {
        var reader = try CSVReader(source: ByteSource(bytes: Array("a,b\n1,\"open\n2,x\n3,y\n".utf8), chunkSize: chunk))
        _ = try reader.next()
        let broken = try #require(try reader.next())
        #expect(broken.unterminatedQuote)
        #expect(broken.swallowedLines == 2)
        #expect((broken.row, broken.line) == (2, 2))
        var rest: [(Int, Int, [String])] = []
        while let r = try reader.next() { rest.append((r.row, r.line, (0..<r.count).map { r.text($0).value })) }
        #expect(rest.map(\.0) == [3, 4])
        #expect(rest.map(\.1) == [3, 4])
        #expect(rest.map(\.2) == [["2", "x"], ["3", "y"]])
    }

    @Test("CRLF files resume the same way")
    func crlf() throws {
        let r = try records(Array("a,b\r\n\"open,1\r\n2,x\r\n3,y\r\n".utf8), chunk: 4)
        #expect(r.map(\.2) == [["a", "b"], ["open,1"], ["2", "x"], ["3", "y"]])
    }

    @Test("a quote still open after 64 KiB ends at its row, and the lines after it are read")
    func quotedFieldLimit() throws {
        let filler = String(repeating: "z\n", count: CSVReader.quotedFieldLimit / 2 + 10)
        var reader = try CSVReader(source: ByteSource(bytes: Array("a,b\n\"open,1\n\(filler)\"\n".utf8), chunkSize: 4096))
        _ = try reader.next()
        let broken = try #require(try reader.next())
        #expect(broken.unterminatedQuote)
        #expect(broken.swallowedLines > 30_000)
        let next = try #require(try reader.next())
        #expect(next.text(0).value == "z")
        #expect(next.line == 3)
    }

    @Test("a row over 1 MiB is cut, and the next line is read")
    func recordLimit() throws {
        let long = String(repeating: "x", count: CSVReader.recordLimit + 10)
        var reader = try CSVReader(source: ByteSource(bytes: Array("a,b\n\(long),1\n2,3\n".utf8), chunkSize: 1 << 16))
        _ = try reader.next()
        let cut = try #require(try reader.next())
        #expect(cut.tooLong)
        #expect(cut.bytes.isEmpty)
        let next = try #require(try reader.next())
        #expect((0..<next.count).map { next.text($0).value } == ["2", "3"])
    }

    @Test("1,000 clients with a quote opened on row 3 and never closed: one row rejected, 998 accepted")
    func thousandClients() throws {
        var csv = "client_id,name,pain_level\n"
        for i in 1...1000 { csv += i == 2 ? "C\(i),\"Open Quote,2\n" : "C\(i),Client \(i),2\n" }
        let (profiles, diagnostics, reader) = try readClients(csv)
        #expect(reader.rowsRead == 1000)
        #expect(reader.accepted == 999)
        #expect(reader.rejected == 1)
        #expect(profiles.count == 999)
        #expect(profiles.map(\.clientID).contains("C1000"))
        let error = try #require(diagnostics.first { $0.severity == .error })
        #expect(error.row == 3)
        #expect(error.message.contains("998 lines"))
    }
}

@Suite("Last week's plans.jsonl, damaged")
struct DamagedPreviousPlansTests {
    @Test("a line past 1 MiB is one warning, never held whole; the plans around it are read")
    func endlessLine() throws {
        let good = #"{"client_id":"A","status":"cleared"}"#
        let text =
            good + "\n" + String(repeating: "x", count: (1 << 20) * 3) + "\n" + good.replacingOccurrences(of: "\"A\"", with: "\"B\"") + "\n"
        let path = FileManager.default.temporaryDirectory.appendingPathComponent(
            "plans-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).jsonl"
        ).path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let result = try PreviousPlansReader.read(path: path, file: "2026-W47/plans.jsonl")
        #expect(Set(result.plans.keys) == ["A", "B"])
        #expect(result.diagnostics.map(\.row) == [2])
    }
}
