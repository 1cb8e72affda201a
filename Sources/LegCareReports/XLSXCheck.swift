import Foundation
import ZIPFoundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Checks a written workbook before the run folder is published.
///
/// libxlsxwriter 1.1.4 returns success from `workbook_close` even when its temporary
/// area filled up and the file is corrupt, so every zip entry is extracted (ZIPFoundation
/// verifies each CRC-32) and every XML part is parsed for well-formedness.
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
        for entry in archive {
            var data = Data()
            let crc: CRC32
            do {
                crc = try archive.extract(entry, skipCRC32: false) { data.append($0) }
            } catch {
                throw WorkbookError(operation: "check the written workbook", code: nil, text: "part \(entry.path) is damaged (\(error))")
            }
            // The streaming extract computes the CRC but leaves the comparison to us.
            guard crc == entry.checksum else {
                throw WorkbookError(operation: "check the written workbook", code: nil, text: "part \(entry.path) fails its CRC-32 check")
            }
            if entry.path.hasSuffix(".xml") || entry.path.hasSuffix(".rels") {
                let parser = XMLParser(data: data)
                guard parser.parse() else {
                    throw WorkbookError(
                        operation: "check the written workbook", code: nil, text: "part \(entry.path) is not well-formed XML")
                }
            }
            parts += 1
        }
        guard parts > 0 else {
            throw WorkbookError(operation: "check the written workbook", code: nil, text: "it holds no parts")
        }
    }
}
