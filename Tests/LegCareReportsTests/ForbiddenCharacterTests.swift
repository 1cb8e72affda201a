import Foundation
import LegCareCore
import Testing
import ZIPFoundation

@testable import LegCareNative
@testable import LegCareReports

/// Characters XML 1.0 forbids: C0 controls but tab, line feed and carriage return, and
/// U+FFFE and U+FFFF. One of them in a part makes readers refuse or repair the workbook.
let forbiddenCharacters: [Unicode.Scalar] =
    (0x00...0x1F).filter { ![0x09, 0x0A, 0x0D].contains($0) }.map { Unicode.Scalar($0)! } + ["\u{FFFE}", "\u{FFFF}"]

@Suite("No character XML forbids reaches the workbook", .serialized)
struct ForbiddenCharacterTests {
    @Test("each forbidden character in a name, team and therapist: the workbook passes its check and openpyxl reads it")
    func everyField() throws {
        let profiles = forbiddenCharacters.enumerated().map { i, c in
            ClientProfile(
                clientID: "C\(i)", name: "Ann\(c)Lee", team: "Reds\(c)", therapist: "Ana\(c)", trainingLoad: .heavy,
                soreAreas: [.calves], tools: [.foamRoller])
        }
        let workbooks = WorkbookTests()  // removes the workbook's folder when it goes
        let (path, _) = try workbooks.write(profiles)
        let book = try readWithOpenpyxl(path)
        let names = rows(book, "Clients").compactMap { $0.count > 1 ? text($0[1]) : nil }
        #expect(names.contains("Ann\u{FFFD}Lee"))
        // Every part's XML, charts and shared strings included, holds none of them.
        let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        for entry in archive where entry.path.hasSuffix(".xml") {
            var xml = Data()
            _ = try archive.extract(entry) { xml.append($0) }
            let scalars = String(decoding: xml, as: UTF8.self).unicodeScalars
            #expect(!scalars.contains { forbiddenCharacters.contains($0) }, "\(entry.path)")
        }
    }

    @Test("Workbook.xmlSafe replaces each forbidden character and keeps tab and line feed")
    func xmlSafe() {
        for c in forbiddenCharacters {
            #expect(Workbook.xmlSafe("a\(c)b") == "a\u{FFFD}b", "U+\(String(c.value, radix: 16))")
        }
        #expect(Workbook.xmlSafe("a\tb\nc é 张") == "a\tb\nc é 张")
    }

    @Test("the check's scan calls a part with a forbidden character damaged, however the bytes arrive")
    func scanRejects() {
        for c in forbiddenCharacters {
            let bytes = Array("<a>x\(c)y</a>".utf8)
            #expect(!XMLScan.wellFormed(Data(bytes)), "U+\(String(c.value, radix: 16))")
            for size in [1, 2, 3] { #expect(!WorkbookTests.scanned(bytes, inChunksOf: size)) }
        }
        let padded = Array("<a>\(String(repeating: "long text ", count: 5))\t\r\n\u{FFFD}\u{FFFC} 张</a>".utf8)
        #expect(XMLScan.wellFormed(Data(padded)))
        for size in [1, 2, 7] { #expect(WorkbookTests.scanned(padded, inChunksOf: size)) }
    }
}

@Suite("Page headers and footers take any clinic name")
struct PageHeaderTextTests {
    @Test("a literal & never meets G or [ (libxlsxwriter's image codes), and the workbook closes and reads back")
    func imageCodes() throws {
        for name in ["Clinic &[Picture]", "Smith &G Co", "A & B", "&&G&[", "Zoë &G"] {
            let text = Workbook.headerText(name)
            #expect(!text.contains("&G") && !text.contains("&["), "\(name): \(text)")
            #expect(text.replacingOccurrences(of: "\u{200B}", with: "") == name.replacingOccurrences(of: "&", with: "&&"))
        }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("header-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let wb = try Workbook(
            path: dir.appendingPathComponent("s.xlsx").path, tmpdir: dir.path, constantMemory: false, created: Day(iso: "2026-11-23")!,
            title: "t")
        wb.pageHeader = "Clinic &[Picture] &G: LegCare summary"
        let sheet = try wb.addSheet("Sheet &G")
        try wb.printSetup(sheet, repeatHeader: false)
        try wb.write(sheet, 0, 0, "x")
        try wb.close()
        let header = try #require(
            try openpyxl(
                "import json,sys,openpyxl; print(json.dumps({\"h\": openpyxl.load_workbook(sys.argv[1]).active.oddHeader.left.text}))",
                dir.appendingPathComponent("s.xlsx").path) as? [String: String])
        let found = try #require(header["h"])
        #expect(found.contains("Clinic &&\u{200B}[Picture] &&\u{200B}G"), "\(found)")
    }
}
