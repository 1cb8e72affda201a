import Foundation
import ZIPFoundation

/// Checks a written workbook before the run folder is published.
///
/// libxlsxwriter 1.1.4 returns success from `workbook_close` even when its temporary
/// area filled up and the file is corrupt, so every zip entry is extracted (ZIPFoundation
/// verifies each CRC-32) and every XML part is parsed for well-formedness.
///
/// Measured: `XMLParser(data:)` fails with an internal error on a 19 MB single-line sheet
/// that Python parses fine, and accepts `<a><b></a>`; the streaming parser handles both,
/// and a delegate counting open elements catches a part cut short.
enum XLSXCheck {
    static func verify(path: String) throws {
        let url = URL(fileURLWithPath: path)
        let archive: Archive
        do {
            archive = try Archive(url: url, accessMode: .read)
        } catch {
            throw WorkbookError(operation: "check the written workbook", code: nil, text: "it is not a readable zip file (\(error))")
        }
        var parts = 0
        // Each part goes to a scratch file beside the workbook and is parsed from there, so
        // memory stays flat however large the Clients sheet grows.
        let scratch = url.deletingLastPathComponent().appendingPathComponent(".xlsx-check-\(getpid())")
        defer { try? FileManager.default.removeItem(at: scratch) }
        for entry in archive where entry.type == .file {
            try? FileManager.default.removeItem(at: scratch)
            do {
                // Writing to a file, ZIPFoundation compares each CRC-32 itself.
                _ = try archive.extract(entry, to: scratch, skipCRC32: false)
            } catch {
                throw WorkbookError(operation: "check the written workbook", code: nil, text: "part \(entry.path) is damaged (\(error))")
            }
            if entry.path.hasSuffix(".xml") || entry.path.hasSuffix(".rels") {
                guard XMLScan.wellFormed(path: scratch.path) else {
                    throw WorkbookError(
                        operation: "check the written workbook", code: nil, text: "part \(entry.path) is not well-formed XML")
                }
            }
            parts += 1
        }
        guard parts > 0 else {
            throw WorkbookError(operation: "check the written workbook", code: nil, text: "it holds no parts")
        }
        try verifyLocalHeaders(path: path, entries: archive.map { ($0.path, $0.compressedSize) })
    }
}

extension XLSXCheck {
    /// Walks the local file headers in order and checks each against the central directory:
    /// its signature and its file name. ZIPFoundation reads names from the central
    /// directory only, so a damaged local name (which Excel may refuse) went unseen; found
    /// by the damaged-workbook test when the workbook grew.
    static func verifyLocalHeaders(path: String, entries: [(path: String, compressedSize: UInt64)]) throws {
        guard let file = FileHandle(forReadingAtPath: path) else {
            throw WorkbookError(operation: "check the written workbook", code: nil, text: "it cannot be read")
        }
        defer { try? file.close() }
        func fail(_ text: String) -> WorkbookError { WorkbookError(operation: "check the written workbook", code: nil, text: text) }
        func read(_ count: Int) throws -> [UInt8] {
            let bytes = [UInt8](try file.read(upToCount: count) ?? Data())
            guard bytes.count == count else { throw fail("it ends inside a part's header") }
            return bytes
        }
        func le(_ b: [UInt8], _ at: Int, _ n: Int) -> UInt64 { (0..<n).reduce(0) { $0 | UInt64(b[at + $1]) << (8 * $1) } }
        var offset: UInt64 = 0
        for entry in entries {
            try file.seek(toOffset: offset)
            let header = try read(30)
            guard le(header, 0, 4) == 0x0403_4B50 else { throw fail("part \(entry.path) has a damaged header") }
            let nameLength = Int(le(header, 26, 2))
            let extraLength = Int(le(header, 28, 2))
            guard try read(nameLength) == Array(entry.path.utf8) else { throw fail("part \(entry.path) has a damaged name") }
            offset += 30 + UInt64(nameLength + extraLength) + entry.compressedSize
            if le(header, 6, 2) & 0x8 != 0 {  // a data descriptor follows the data
                try file.seek(toOffset: offset)
                offset += le(try read(4), 0, 4) == 0x0807_4B50 ? 16 : 12
            }
        }
    }
}
