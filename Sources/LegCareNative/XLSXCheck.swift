import CIsal
import Foundation
import LegCareRun
import ZIPFoundation

/// Checks a written workbook before the run folder is published.
///
/// libxlsxwriter 1.1.4 returns success from `workbook_close` even when its temporary
/// area filled up and the file is corrupt, so every part is inflated, its CRC-32 compared
/// with the one the zip records, and every XML part scanned for well-formedness
/// (``XMLScan``) as it inflates.
///
/// During a run the parts are inflated while libxlsxwriter writes them (``XLSXFollower``);
/// what that found is then held against the central directory, which ZIPFoundation reads.
/// The inflated bytes stream into the scanner, so each part is read once.
/// A test plants a wrong CRC-32 in an intact workbook; another plants damage at several
/// places. The first damaged part in the archive is the one reported.
///
/// When the file cannot be followed, every part is inflated again from the finished file
/// with ZIPFoundation, on two threads, largest first. ZIPFoundation returns a part's
/// CRC-32 but does not compare it, so the comparison is made here, with ISA-L's CRC-32,
/// many times faster than ZIPFoundation's byte-at-a-time one on Linux (decision 0006).
public enum XLSXCheck {
    /// Checks the finished workbook at `path`: its parts are read once, in order, as
    /// ``XLSXFollower`` reads them during a run. Public for `legcare-bench`, which times it.
    public static func verify(path: String) throws {
        try verify(path: path, followed: XLSXFollower.follow(path: path, writing: { false }))
    }

    /// Checks the finished workbook at `path` with what ``XLSXFollower`` found while it was
    /// written: every part the central directory lists was followed, with the same name,
    /// sizes and CRC-32, and every XML part is well-formed. When the file could not be
    /// followed, every part is read again here.
    package static func verify(path: String, followed: XLSXFollower.Followed) throws {
        if followed.unfollowable == nil, let damage = followed.damage { throw fail(damage) }
        let entries = try open(path).filter { $0.type == .file }
        guard !entries.isEmpty else { throw fail("it holds no parts") }
        if followed.unfollowable != nil { return try verifyWhole(path: path, entries: entries) }
        guard entries.count == followed.parts.count else {
            throw fail("its directory lists \(entries.count) parts but the file holds \(followed.parts.count)")
        }
        for (entry, part) in zip(entries, followed.parts) {
            guard entry.path == part.path else { throw fail("part \(entry.path) has a damaged name") }
            guard entry.compressedSize == part.compressedSize, entry.uncompressedSize == part.uncompressedSize else {
                throw fail("part \(entry.path) is damaged (its sizes do not match its bytes)")
            }
            guard entry.checksum == part.crc else {
                throw fail("part \(entry.path) is damaged (its CRC-32 does not match its bytes)")
            }
            if part.wellFormed == false { throw fail("part \(entry.path) is not well-formed XML") }
        }
        // The follower read each local header before libxlsxwriter went back to fill in
        // its CRC-32 and sizes, so those are read now that the file is whole.
        try verifyLocalHeaders(path: path, entries: entries.map(LocalHeader.init))
    }

    /// Every part inflated again from the finished file, on two threads.
    private static func verifyWhole(path: String, entries: [Entry]) throws {
        // Two shares of about equal size: each part goes to the lighter share so far.
        var shares: [[Int]] = [[], []]
        var weight = [UInt64(0), 0]
        for i in entries.indices.sorted(by: { entries[$0].uncompressedSize > entries[$1].uncompressedSize }) {
            let lighter = weight[0] <= weight[1] ? 0 : 1
            shares[lighter].append(i)
            weight[lighter] += entries[i].uncompressedSize
        }
        let second = shares[1]
        let other = Worker(name: "legcare-check") { Result { try checkParts(path: path, indexes: second) }.failure }
        let mine = Result { try checkParts(path: path, indexes: shares[0]) }
        let failures = [mine.failure, try other.wait()].compactMap { $0 }.sorted { $0.index < $1.index }
        if let first = failures.first { throw first.error }
        try verifyLocalHeaders(path: path, entries: entries.map(LocalHeader.init))
    }

    fileprivate static func fail(_ text: String) -> WorkbookError {
        WorkbookError(operation: "check the written workbook", code: nil, text: text)
    }

    private static func open(_ path: String) throws -> Archive {
        do {
            return try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        } catch {
            throw fail("it is not a readable zip file (\(error))")
        }
    }

    /// A damaged part: its place in the archive and what is wrong.
    fileprivate struct PartFailure: Error, Sendable {
        package var index: Int
        package var error: WorkbookError
    }

    /// Inflates the parts at `indexes` (places among the archive's files), compares each
    /// CRC-32 and scans each XML part; throws a ``PartFailure`` for the first bad one.
    fileprivate static func checkParts(path: String, indexes: [Int]) throws {
        let archive = try open(path)
        let entries = archive.filter { $0.type == .file }
        for i in indexes.sorted() {
            let entry = entries[i]
            let isXML = entry.path.hasSuffix(".xml") || entry.path.hasSuffix(".rels")
            var scan = XMLScan()
            var crc: UInt32 = 0
            do {
                _ = try archive.extract(entry, bufferSize: 1 << 18, skipCRC32: true) { data in
                    data.withUnsafeBytes { bytes in
                        guard let base = bytes.baseAddress, bytes.count > 0 else { return }
                        crc = crc32_gzip_refl(crc, base.assumingMemoryBound(to: UInt8.self), UInt64(bytes.count))
                        if isXML { scan.feed(bytes) }
                    }
                }
            } catch {
                throw PartFailure(index: i, error: fail("part \(entry.path) is damaged (\(error))"))
            }
            guard crc == entry.checksum else {
                throw PartFailure(index: i, error: fail("part \(entry.path) is damaged (its CRC-32 does not match its bytes)"))
            }
            if isXML && !scan.finish() { throw PartFailure(index: i, error: fail("part \(entry.path) is not well-formed XML")) }
        }
    }
}

extension Result where Failure == Error {
    /// The part failure this result holds, if any (any other error counts as part 0).
    fileprivate var failure: XLSXCheck.PartFailure? {
        guard case .failure(let error) = self else { return nil }
        if let part = error as? XLSXCheck.PartFailure { return part }
        return XLSXCheck.PartFailure(index: -1, error: error as? WorkbookError ?? XLSXCheck.fail("\(error)"))
    }
}

extension XLSXCheck {
    /// What a part's local header must agree on with the central directory.
    package struct LocalHeader {
        package var path: String
        package var crc: UInt32
        package var compressedSize: UInt64
        package var uncompressedSize: UInt64

        package init(_ entry: Entry) {
            path = entry.path
            crc = entry.checksum
            compressedSize = entry.compressedSize
            uncompressedSize = entry.uncompressedSize
        }
    }

    /// Walks the local file headers in order and checks each against the central directory:
    /// its signature, its file name, and its CRC-32 and sizes (in the header, or in the data
    /// descriptor after the data when the header leaves them out). ZIPFoundation reads names
    /// and sizes from the central directory only, so a damaged local name (which Excel may
    /// refuse) went unseen, found by the damaged-workbook test when the workbook grew; and a
    /// damaged local size, which a reader that streams the file trusts, when it grew again.
    /// (Sizes of 4 GiB and more, kept in ZIP64 extra fields, are compared in the directory
    /// only.)
    package static func verifyLocalHeaders(path: String, entries: [LocalHeader]) throws {
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
        /// Whether a CRC-32 and 32-bit sizes at `at` in `bytes` agree with `entry`.
        func agree(_ bytes: [UInt8], at: Int, with entry: LocalHeader) -> Bool {
            let (compressed, uncompressed) = (XLSXFollower.le(bytes, at + 4, 4), XLSXFollower.le(bytes, at + 8, 4))
            let sizesAgree =
                compressed == 0xFFFF_FFFF || uncompressed == 0xFFFF_FFFF  // ZIP64: the sizes are in an extra field
                || (compressed == entry.compressedSize && uncompressed == entry.uncompressedSize)
            return UInt32(XLSXFollower.le(bytes, at, 4)) == entry.crc && sizesAgree
        }
        var offset: UInt64 = 0
        for entry in entries {
            try file.seek(toOffset: offset)
            let header = try read(30)
            guard XLSXFollower.le(header, 0, 4) == 0x0403_4B50 else { throw fail("part \(entry.path) has a damaged header") }
            let nameLength = Int(XLSXFollower.le(header, 26, 2))
            let extraLength = Int(XLSXFollower.le(header, 28, 2))
            guard try read(nameLength) == Array(entry.path.utf8) else { throw fail("part \(entry.path) has a damaged name") }
            let damagedSizes = "part \(entry.path) has a damaged header (its CRC-32 or sizes differ from the directory's)"
            offset += 30 + UInt64(nameLength + extraLength) + entry.compressedSize
            if XLSXFollower.le(header, 6, 2) & 0x8 != 0 {  // a data descriptor follows the data
                try file.seek(toOffset: offset)
                var descriptor = try read(12)
                var at = 0
                if XLSXFollower.le(descriptor, 0, 4) == 0x0807_4B50 {  // with its optional signature
                    descriptor += try read(4)
                    at = 4
                }
                guard agree(descriptor, at: at, with: entry) else { throw fail(damagedSizes) }
                offset += UInt64(descriptor.count)
            } else {
                guard agree(header, at: 14, with: entry) else { throw fail(damagedSizes) }
            }
        }
    }
}
