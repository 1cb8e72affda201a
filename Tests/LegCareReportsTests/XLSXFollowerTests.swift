import CIsal
import Foundation
import LegCareCore
import Testing

@testable import LegCareNative
@testable import LegCareReports
@testable import LegCareRun

/// The workbook check that follows the file while it is written (issue on performance):
/// a writer thread here writes a real workbook's bytes the way minizip does (each local
/// header with its CRC-32 and sizes blank, the part's bytes in small pieces, then the
/// header filled in), and the follower must agree with reading the finished file whole.
@Suite("Workbook check, following the file as it is written", .serialized)
final class XLSXFollowerTests {
    /// Writes the workbooks, and removes their folders (and the copies beside them) when
    /// the test ends.
    private let workbooks = WorkbookTests()

    /// A real constant-memory workbook of a few hundred clients.
    func workbook() throws -> (path: String, bytes: [UInt8]) {
        let clients = (0..<300).map { i in
            ClientProfile(
                clientID: "C\(i)", name: "Client \(i)", therapist: "Ana", trainingLoad: .heavy, soreAreas: [.calves],
                tools: [.foamRoller])
        }
        let (path, _) = try workbooks.write(clients, constantMemory: true)
        return (path, [UInt8](try Data(contentsOf: URL(fileURLWithPath: path))))
    }

    /// The local headers of `bytes`: where each starts and where its part's data ends.
    static func parts(_ bytes: [UInt8]) -> [(header: Int, end: Int)] {
        func le(_ at: Int, _ n: Int) -> Int { (0..<n).reduce(0) { $0 | Int(bytes[at + $1]) << (8 * $1) } }
        var out: [(Int, Int)] = []
        var at = 0
        while le(at, 4) == 0x0403_4B50 {
            let end = at + 30 + le(at + 26, 2) + le(at + 28, 2) + le(at + 18, 4)
            out.append((at, end))
            at = end
        }
        return out
    }

    /// Writes `bytes` to `path` as minizip does, in pieces, up to `stopAt` bytes.
    static func writeSlowly(_ bytes: [UInt8], to path: String, stopAt: Int? = nil) throws {
        #expect(FileManager.default.createFile(atPath: path, contents: nil))
        let handle = try #require(FileHandle(forWritingAtPath: path))
        defer { try? handle.close() }
        let limit = stopAt ?? bytes.count
        var written = 0
        func put(upTo end: Int) throws {
            while written < min(end, limit) {
                let next = min(written + 1500, end, limit)
                try handle.write(contentsOf: bytes[written..<next])
                written = next
                usleep(50)
            }
        }
        for part in parts(bytes) {
            var header = Array(bytes[part.header..<(part.header + 30)])
            header.replaceSubrange(14..<26, with: [UInt8](repeating: 0, count: 12))  // filled in after the data
            let headerEnd = part.header + 30
            try handle.write(contentsOf: header.prefix(max(0, min(30, limit - part.header))))
            written = min(headerEnd, limit)
            try put(upTo: part.end)
            guard written == part.end else { return }
            try handle.seek(toOffset: UInt64(part.header + 14))
            try handle.write(contentsOf: bytes[(part.header + 14)..<(part.header + 26)])
            try handle.seekToEnd()
        }
        try put(upTo: bytes.count)
    }

    /// Follows `path` while a writer thread writes `bytes` there.
    static func follow(_ bytes: [UInt8], at path: String, stopAt: Int? = nil) throws -> XLSXFollower.Followed {
        try? FileManager.default.removeItem(atPath: path)
        let follower = XLSXFollower(path: path)  // before the file exists, as in a run
        usleep(5000)
        let writer = Worker(name: "test-writer") { try writeSlowly(bytes, to: path, stopAt: stopAt) }
        try writer.wait()
        return follower.finish()
    }

    @Test("following a workbook as it is written finds every part, as reading it whole does")
    func followsWhileWritten() throws {
        let (path, bytes) = try workbook()
        let copy = path + ".followed.xlsx"
        let followed = try Self.follow(bytes, at: copy)
        #expect(followed.unfollowable == nil)
        #expect(followed.damage == nil)
        #expect(followed.parts.count == Self.parts(bytes).count)
        #expect(followed.parts.contains { $0.path == "xl/worksheets/sheet1.xml" && $0.wellFormed == true })
        try XLSXCheck.verify(path: copy, followed: followed)
        #expect(try Data(contentsOf: URL(fileURLWithPath: copy)) == Data(bytes))
    }

    @Test("ISA-L's CRC-32 is the zip's CRC-32, whole or in pieces")
    func crcIsTheZipCRC() {
        let check = Array("123456789".utf8)  // the CRC-32 check value of the zip format
        #expect(crc32_gzip_refl(0, check, UInt64(check.count)) == 0xCBF4_3926)
        let first = crc32_gzip_refl(0, check, 4)
        #expect(check.withUnsafeBufferPointer { crc32_gzip_refl(first, $0.baseAddress! + 4, 5) } == 0xCBF4_3926)
    }

    @Test("each part's deflated length is found where its stream ends, whatever was read past it")
    func partLengthsFromTheStream() throws {
        let (path, bytes) = try workbook()
        let followed = XLSXFollower.follow(path: path, writing: { false })
        // Where each part's data starts and ends, from the finished file's local headers.
        let expected = Self.parts(bytes).map { part in
            let named = Int(bytes[part.header + 26]) | Int(bytes[part.header + 27]) << 8
            let extra = Int(bytes[part.header + 28]) | Int(bytes[part.header + 29]) << 8
            return UInt64(part.end - (part.header + 30 + named + extra))
        }
        #expect(followed.damage == nil && followed.unfollowable == nil)
        #expect(followed.parts.map(\.compressedSize) == expected)
    }

    @Test("a byte damaged in a part's data is caught while following")
    func damageWhileWritten() throws {
        let (path, original) = try workbook()
        let largest = try #require(Self.parts(original).max { $0.end - $0.header < $1.end - $1.header })
        var bytes = original
        bytes[(largest.header + largest.end) / 2] ^= 0x5A
        let copy = path + ".damaged.xlsx"
        let followed = try Self.follow(bytes, at: copy)
        #expect(throws: WorkbookError.self) { try XLSXCheck.verify(path: copy, followed: followed) }
    }

    @Test("a writer that stops part way is caught, wherever it stops")
    func writerStopsShort() throws {
        let (path, bytes) = try workbook()
        let copy = path + ".short.xlsx"
        for fraction in [0.0, 0.2, 0.5, 0.9, 0.999] {
            let stop = Int(Double(bytes.count) * fraction)
            let followed = try Self.follow(bytes, at: copy, stopAt: stop)
            if stop < Self.parts(bytes).last!.end { #expect(followed.damage != nil, "stopped at \(fraction)") }
            #expect(throws: WorkbookError.self, "stopped at \(fraction)") { try XLSXCheck.verify(path: copy, followed: followed) }
        }
    }

    @Test("a workbook that never appears is a failed check, not a wait forever")
    func neverWritten() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("never-\(getpid()).xlsx").path
        let follower = XLSXFollower(path: path)
        usleep(5000)
        let followed = follower.finish()
        #expect(followed.damage == "it was not written")
        #expect(throws: WorkbookError.self) { try XLSXCheck.verify(path: path, followed: followed) }
    }

    /// A zip written by Python's zipfile, its parts stored (not deflated) unless `deflated`.
    static func storedZip(_ parts: [String: String], at path: String, deflated: Bool = false) throws {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        let json = String(decoding: try JSONSerialization.data(withJSONObject: parts), as: UTF8.self)
        p.arguments = [
            "python3", "-c",
            "import json, sys, zipfile\nz = zipfile.ZipFile(sys.argv[1], 'w', zipfile.\(deflated ? "ZIP_DEFLATED" : "ZIP_STORED"))\n"
                + "[z.writestr(k, v) for k, v in sorted(json.loads(sys.argv[2]).items())]\nz.close()",
            path, json,
        ]
        try p.run()
        p.waitUntilExit()
        try #require(p.terminationStatus == 0)
    }

    @Test("a layout the follower does not expect (stored parts) is checked whole instead")
    func storedPartsCheckedWhole() throws {
        let dir = FileManager.default.temporaryDirectory.path
        let good = dir + "/stored-good-\(getpid()).xlsx"
        let bad = dir + "/stored-bad-\(getpid()).xlsx"
        defer { for f in [good, bad] { try? FileManager.default.removeItem(atPath: f) } }
        try Self.storedZip(["a.xml": "<a><b/></a>", "b.bin": "plain"], at: good)
        let followed = XLSXFollower.follow(path: good, writing: { false })
        #expect(followed.unfollowable != nil)
        try XLSXCheck.verify(path: good, followed: followed)

        try Self.storedZip(["a.xml": "<a><b></a>"], at: bad)
        #expect(throws: WorkbookError.self) { try XLSXCheck.verify(path: bad) }
    }

    @Test("a deflated XML part whose tags do not match is caught while following")
    func mismatchedTags() throws {
        let dir = FileManager.default.temporaryDirectory.path
        let path = dir + "/deflated-bad-\(getpid()).xlsx"
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Self.storedZip(["a.xml": "<a><b></c></a>", "b.xml": "<ok/>"], at: path, deflated: true)
        let followed = XLSXFollower.follow(path: path, writing: { false })
        #expect(followed.unfollowable == nil)
        #expect(followed.parts.map(\.wellFormed) == [false, true])
        #expect(throws: WorkbookError.self) { try XLSXCheck.verify(path: path, followed: followed) }
    }
}
