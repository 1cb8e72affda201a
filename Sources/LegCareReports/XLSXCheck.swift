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
                guard let stream = InputStream(url: scratch), XMLDepth.wellFormed(stream) else {
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

/// Parses XML as a stream and checks that every element that opens also closes.
final class XMLDepth: NSObject, XMLParserDelegate {
    private var depth = 0
    private var sawRoot = false

    static func wellFormed(_ data: Data) -> Bool { wellFormed(InputStream(data: data)) }

    static func wellFormed(_ stream: InputStream) -> Bool {
        let checker = XMLDepth()
        let parser = XMLParser(stream: stream)
        parser.delegate = checker
        return parser.parse() && checker.sawRoot && checker.depth == 0
    }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        depth += 1
        sawRoot = true
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        depth -= 1
    }
}
