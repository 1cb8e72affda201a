import Foundation
import ZIPFoundation

/// Checks a written workbook before the run folder is published.
///
/// libxlsxwriter 1.1.4 returns success from `workbook_close` even when its temporary
/// area filled up and the file is corrupt, so every part is inflated, its CRC-32 compared
/// with the one the zip records, and every XML part scanned for well-formedness
/// (``XMLScan``) as it inflates.
///
/// Measured: extracting each part to a scratch file first and scanning that file doubled
/// the check's cost (the Clients sheet of 100,000 clients is written and read once more);
/// streaming the inflated bytes into the scanner reads each part once. ZIPFoundation
/// returns a part's CRC-32 but does not compare it (only its FileManager unzip does), so
/// the comparison is made here; a test plants a wrong CRC-32 in an intact workbook.
enum XLSXCheck {
    static func verify(path: String) throws {
        let url = URL(fileURLWithPath: path)
        let archive: Archive
        do {
            archive = try Archive(url: url, accessMode: .read)
        } catch {
            throw WorkbookError(operation: "check the written workbook", code: nil, text: "it is not a readable zip file (\(error))")
        }
        func fail(_ text: String) -> WorkbookError { WorkbookError(operation: "check the written workbook", code: nil, text: text) }
        var parts = 0
        for entry in archive where entry.type == .file {
            let isXML = entry.path.hasSuffix(".xml") || entry.path.hasSuffix(".rels")
            var scan = XMLScan()
            let crc: CRC32
            do {
                crc = try archive.extract(entry, bufferSize: 1 << 18, skipCRC32: false) { data in
                    if isXML { data.withUnsafeBytes { scan.feed($0) } }
                }
            } catch {
                throw fail("part \(entry.path) is damaged (\(error))")
            }
            guard crc == entry.checksum else { throw fail("part \(entry.path) is damaged (its CRC-32 does not match its bytes)") }
            if isXML && !scan.finish() { throw fail("part \(entry.path) is not well-formed XML") }
            parts += 1
        }
        guard parts > 0 else { throw fail("it holds no parts") }
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
