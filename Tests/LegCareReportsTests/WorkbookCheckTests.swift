import Foundation
import LegCareCore
import LegCareRun
import PropertyBased
import Testing

@testable import LegCareNative
@testable import LegCareReports

/// The workbook check: well-formed XML in every part, CRC-32s and sizes as recorded.
extension WorkbookTests {
    @Test(
        "the XML check catches mismatched, unclosed and cut-short parts, and passes large ones",
        arguments: [
            ("<a><b></a>", false), ("<a><b>", false), ("<a>&bogus;</a>", false), ("", false), ("<a><b/></a>", true),
            ("<?xml version=\"1.0\"?>\n<a x=\"1 &amp; 2 > 1\"><!-- <b> --><![CDATA[<c>]]>&#65;&#x41;&lt;</a>", true),
            ("<a x=\"1></a>", false), ("<a></a><b></b>", false), ("<a></a> trailing", false), ("<a><!-- cut", false),
            ("<a></b>", false), ("<a></ab>", false), ("<a\n  y='2'\n/>", true), ("<a b='x&amp;y' c=\"'\"/>", true),
            ("<ab></a>", false), ("<a><b></b ></a >", true), ("<a b='<'/>", false), ("<a b='x&bad;'/>", false), ("<a><b/ ></a>", false),
        ])
    func xmlCheck(_ xml: String, _ ok: Bool) {
        #expect(XMLScan.wellFormed(Data(xml.utf8)) == ok)
        // Parts arrive in chunks: cut anywhere, even byte by byte, the verdict is the same.
        let bytes = Array(xml.utf8)
        for size in [1, 2, 3, 5, 7] {
            #expect(Self.scanned(bytes, inChunksOf: size) == ok, "in chunks of \(size)")
        }
    }

    /// The XML check's verdict on `bytes` fed in pieces of `size` bytes, as a part arrives.
    static func scanned(_ bytes: [UInt8], inChunksOf size: Int) -> Bool {
        var scan = XMLScan()
        var i = 0
        while i < bytes.count {
            let end = min(i + size, bytes.count)
            bytes[i..<end].withUnsafeBytes { scan.feed($0) }
            i = end
        }
        return scan.finish()
    }

    @Test("the whole-tag fast path of the XML check agrees with the byte-at-a-time path (random documents, random cuts)")
    func xmlFastPath() async {
        let pieces = [
            "<a>", "</a>", "<b x=\"1\">", "</b>", "<c/>", "<c />", "<d y='2' z=\"3\"/>", "</b >", "<ab>", "</ab>", "text", " ",
            "&amp;", "&#65;", "&bad;", "<!-- c -->", "<?p x?>", "<![CDATA[<x>]]>", "<e q='<'>", "<e q='&lt;'>", "'", "\"", ">", "<",
            "/", "</>", "< a>", "<a/ >", "<f g=\"h/>", "\n",
        ]
        let gen = Gen.int(in: 0...Int(Int32.max)).map { seed -> (xml: [UInt8], cut: Int) in
            var s = UInt64(seed)
            func next() -> Int {
                s = s &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                return Int(s >> 33)
            }
            // Mostly well-nested documents, sometimes with a stray piece.
            var xml = "<r>"
            var open: [String] = []
            for _ in 0..<(next() % 30) {
                switch next() % 6 {
                case 0: xml += pieces[next() % pieces.count]
                case 1, 2:
                    let name = ["a", "b", "ab", "c"][next() % 4]
                    xml += "<\(name)\(next() % 2 == 0 ? "" : " k=\"v\"")>"
                    open.append(name)
                case 3: if let name = open.popLast() { xml += "</\(name)>" }
                default: xml += ["x", "&amp;", "<c/>", " "][next() % 4]
                }
            }
            while let name = open.popLast() { xml += "</\(name)>" }
            xml += next() % 5 == 0 ? "" : "</r>"
            return (Array(xml.utf8), 1 + next() % 9)
        }
        await propertyCheck(count: 2000, input: gen) { input in
            func verdict(chunk: Int) -> Bool { Self.scanned(input.xml, inChunksOf: chunk) }
            // Byte by byte, no tag lies whole in a buffer: the byte-at-a-time path alone.
            let reference = verdict(chunk: 1)
            #expect(XMLScan.wellFormed(Data(input.xml)) == reference, "\(String(decoding: input.xml, as: UTF8.self))")
            #expect(verdict(chunk: input.cut) == reference, "cut every \(input.cut): \(String(decoding: input.xml, as: UTF8.self))")
        }
    }

    @Test("a 20 MB single-line part is well-formed (FoundationXML's data parser wrongly failed it)")
    func largePart() {
        var xml = "<sheet>"
        xml.reserveCapacity(21_000_000)
        for i in 0..<400_000 { xml += "<c r=\"A\(i)\"><v>\(i)</v></c>" }
        xml += "</sheet>"
        #expect(XMLScan.wellFormed(Data(xml.utf8)))
    }

    @Test("the XML check follows nesting and names past its first buffers: 1,000 deep, names of 300 bytes")
    func deepAndLongNames() {
        func document(mismatchAt: Int?) -> [UInt8] {
            let names = (0..<1000).map { "n\($0)" + String(repeating: "x", count: $0 % 7 == 0 ? 300 : 3) }
            var xml = ""
            for name in names { xml += "<\(name) a=\"1\">" }
            for (depth, name) in names.enumerated().reversed() { xml += depth == mismatchAt ? "</\(name)y>" : "</\(name)>" }
            return Array(xml.utf8)
        }
        for (mismatch, ok) in [(nil, true), (500, false), (0, false), (999, false)] as [(Int?, Bool)] {
            let bytes = document(mismatchAt: mismatch)
            #expect(XMLScan.wellFormed(Data(bytes)) == ok, "mismatch at \(String(describing: mismatch))")
            for size in [1, 7, 4096] {
                #expect(Self.scanned(bytes, inChunksOf: size) == ok, "mismatch at \(String(describing: mismatch)), in chunks of \(size)")
            }
        }
    }

    @Test(
        "a literal _xHHHH_ in text gets its _ escaped, wherever it stands; other text is left alone",
        arguments: [
            ("Ann_x0041_Lee", "Ann_x005F_x0041_Lee"), ("_x0041_", "_x005F_x0041_"), ("a_x0041_", "a_x005F_x0041_"),
            ("__x0041_", "__x005F_x0041_"), ("_x", "_x"), ("x_", "x_"), ("_", "_"), ("", ""), ("_x004_", "_x004_"),
            ("_X0041_", "_X0041_"), ("é_x00e9_", "é_x005F_x00e9_"), ("_y_x0041_", "_y_x005F_x0041_"),
        ])
    func literalEscapes(_ text: String, _ written: String) {
        #expect(Workbook.escapeLiteralEscapes(text) == written)
    }

    @Test("a damaged workbook is caught before publishing")
    func damaged() throws {
        let (path, _) = try write([client("A", "Ann")])
        let original = try Data(contentsOf: URL(fileURLWithPath: path))
        // Damage a byte in several places: each must be caught (zip structure, deflate data or CRC).
        for fraction in [0.1, 0.3, 0.5, 0.7] {
            var bytes = original
            bytes[Int(Double(bytes.count) * fraction)] ^= 0x5A
            try bytes.write(to: URL(fileURLWithPath: path))
            #expect(throws: WorkbookError.self, "damage at \(fraction)") { try XLSXCheck.verify(path: path) }
        }
        var truncated = original
        truncated.removeLast(original.count / 3)
        try truncated.write(to: URL(fileURLWithPath: path))
        #expect(throws: WorkbookError.self) { try XLSXCheck.verify(path: path) }
    }

    @Test(
        "a local header whose CRC-32 or sizes differ from the directory's is caught, in the first part and a later one",
        arguments: [14, 18, 22])
    func damagedLocalHeader(field: Int) throws {
        let (path, _) = try write([client("A", "Ann")])
        let original = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        // Local headers (signature PK\3\4): the CRC-32 at 14, the sizes at 18 and 22.
        let signature: [UInt8] = [0x50, 0x4B, 0x03, 0x04]
        let headers = (0..<(original.count - 4)).filter { Array(original[$0..<($0 + 4)]) == signature }
        try #require(headers.count > 4)
        for header in [headers[0], headers[headers.count / 2]] {
            var bytes = original
            bytes[header + field] ^= 0x01
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            #expect(throws: WorkbookError.self, "field \(field) of the header at \(header)") { try XLSXCheck.verify(path: path) }
        }
        try Data(original).write(to: URL(fileURLWithPath: path))
        try XLSXCheck.verify(path: path)
    }

    @Test("a part whose bytes are intact but whose recorded CRC-32 differs is caught")
    func wrongCRC() throws {
        let (path, _) = try write([client("A", "Ann")])
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        try XLSXCheck.verify(path: path)
        // The first central directory entry (signature PK\1\2): its CRC-32 is at offset 16.
        let signature: [UInt8] = [0x50, 0x4B, 0x01, 0x02]
        let central = try #require((0..<(bytes.count - 4)).first { Array(bytes[$0..<($0 + 4)]) == signature })
        bytes[central + 16] ^= 0x01
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        #expect(throws: WorkbookError.self) { try XLSXCheck.verify(path: path) }
    }
}

@Suite("A workbook failure is said in plain words")
struct WorkbookErrorWordsTests {
    @Test("a row past Excel's limit says which limit, and that it is a fault to report, never the library's code or words")
    func words() throws {
        let dir = try temporaryFolder("words")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let wb = try Workbook(
            path: dir + "/summary.xlsx", tmpdir: dir, constantMemory: false, created: Day(year: 2026, month: 11, day: 23)!, title: "t")
        let sheet = try wb.addSheet("Full")
        let error = #expect(throws: WorkbookError.self) { try wb.write(sheet, Workbook.rowLimit, 0, "one row too many") }
        let text = error?.description ?? ""
        #expect(text.contains("could not write text to Full row 1048577") && text.contains("limit of 1,048,576 rows"))
        #expect(text.contains("please report it") && !text.contains("disk"))
        #expect(!text.contains("index out of range"), "not libxlsxwriter's own words")
    }
}
