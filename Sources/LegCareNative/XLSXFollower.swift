import CIsal
import Foundation
import LegCareRun
import Synchronization

/// Checks the workbook's parts while libxlsxwriter is still writing them.
///
/// libxlsxwriter deflates every part inside `workbook_close`, on one core, one part after
/// the other, leaving the other core idle. Inflating is several times faster than
/// deflating, so a reader that follows the file as it grows is done moments after it.
///
/// The zip libxlsxwriter writes (through minizip) is one local header, then the part's
/// deflated bytes, for each part in turn, then the central directory. Once written, a
/// part's bytes never change; only its local header's CRC-32 and sizes are filled in
/// afterwards, and this reader does not use those: a deflate stream ends by itself, and
/// the CRC-32 and sizes are compared with the central directory once the file is whole
/// (``XLSXCheck/verify(path:followed:)``).
///
/// Anything this reader does not expect (a stored part, sizes after the data, an
/// encrypted part) makes it stop following: the whole-file check then runs instead, so
/// a newer libxlsxwriter with another layout is still checked, only later.
package final class XLSXFollower: Sendable {
    /// What following found. Each part in file order, or the first damage, or why the file
    /// could not be followed.
    package struct Followed: Sendable {
        package struct Part: Sendable {
            package var path: String
            package var crc: UInt32
            package var compressedSize: UInt64
            package var uncompressedSize: UInt64
            /// `nil` for a part that is not XML.
            package var wellFormed: Bool?
        }
        package var parts: [Part] = []
        package var damage: String?
        package var unfollowable: String?
        /// Time spent reading, inflating and scanning (waits for the writer excluded).
        package var busySeconds = 0.0
    }

    /// Whether the writer may still add bytes: set by the caller, read by the worker.
    private final class Writing: Sendable {
        package let on = Atomic(true)
    }
    private let writing = Writing()
    private let work: Worker<Followed>

    /// Starts following `path` on a worker of its own; the file need not exist yet.
    package init(path: String) {
        let writing = self.writing
        work = Worker(name: "legcare-check") { Self.follow(path: path, writing: { writing.on.load(ordering: .acquiring) }) }
    }

    /// Tells the reader the writer is done (or failed) and waits for what it found.
    package func finish() -> Followed {
        writing.on.store(false, ordering: .releasing)
        return (try? work.wait()) ?? Followed(unfollowable: "the reader stopped")
    }

    /// Follows the zip at `path` from its start; `writing` says whether more bytes may
    /// still come. With a finished file (`writing` false) this reads it once, in order.
    package static func follow(path: String, writing: @escaping () -> Bool) -> Followed {
        let started = StageTimings.now()
        var file = GrowingFile(writing: writing)
        var result = follow(&file, path: path)
        file.close()
        result.busySeconds = StageTimings.now() - started - file.waited
        return result
    }

    private static func follow(_ file: inout GrowingFile, path: String) -> Followed {
        var result = Followed()
        guard file.open(path) else {
            result.damage = "it was not written"
            return result
        }
        let chunk = 1 << 18
        let input = UnsafeMutableRawPointer.allocate(byteCount: chunk, alignment: 16)
        let output = UnsafeMutableRawPointer.allocate(byteCount: chunk, alignment: 16)
        defer {
            input.deallocate()
            output.deallocate()
        }
        var offset: UInt64 = 0
        var header = [UInt8](repeating: 0, count: 30)
        while true {
            let got = header.withUnsafeMutableBytes { file.read($0.baseAddress!, count: 30, at: offset, minimum: 30) }
            let after = result.parts.last.map { " after part \($0.path)" } ?? ""
            guard got >= 4 else {
                result.damage = "it ends\(after) without its directory"
                return result
            }
            let signature = le(header, 0, 4)
            if signature == 0x0201_4B50 {  // the central directory: every part read
                if !file.isStill(path) { result.unfollowable = "the file was replaced while it was read" }
                return result
            }
            guard signature == 0x0403_4B50, got == 30 else {
                result.damage = "the part\(after) has a damaged header"
                return result
            }
            let flags = le(header, 6, 2)
            let method = le(header, 8, 2)
            let nameLength = Int(le(header, 26, 2))
            let extraLength = Int(le(header, 28, 2))
            var nameBytes = [UInt8](repeating: 0, count: nameLength)
            let named = nameBytes.withUnsafeMutableBytes {
                nameLength == 0 ? 0 : file.read($0.baseAddress!, count: nameLength, at: offset + 30, minimum: nameLength)
            }
            guard named == nameLength else {
                result.damage = "the part\(after) has a damaged header"
                return result
            }
            let name = String(decoding: nameBytes, as: UTF8.self)
            guard method == 8, flags & 0x9 == 0 else {
                result.unfollowable = "part \(name) is not a plain deflated part"
                return result
            }
            let start = offset + 30 + UInt64(nameLength + extraLength)
            let isXML = name.hasSuffix(".xml") || name.hasSuffix(".rels")
            guard let part = inflate(file: &file, from: start, input: input, output: output, chunk: chunk, isXML: isXML) else {
                result.damage = "part \(name) is damaged (its deflated bytes are cut short or invalid)"
                return result
            }
            result.parts.append(
                Followed.Part(
                    path: name, crc: part.crc, compressedSize: part.compressed, uncompressedSize: part.uncompressed,
                    wellFormed: part.wellFormed))
            offset = start + part.compressed
        }
    }

    /// Inflates one part's raw deflate stream from `start`; `nil` when it is cut short or
    /// invalid. ISA-L keeps the CRC-32 of what it inflates (`ISAL_GZIP_NO_HDR`: a raw
    /// stream, gzip's CRC-32, no header or trailer read).
    private static func inflate(
        file: inout GrowingFile, from start: UInt64, input: UnsafeMutableRawPointer, output: UnsafeMutableRawPointer, chunk: Int,
        isXML: Bool
    ) -> (crc: UInt32, compressed: UInt64, uncompressed: UInt64, wellFormed: Bool?)? {
        let state = UnsafeMutablePointer<inflate_state>.allocate(capacity: 1)
        defer { state.deallocate() }
        isal_inflate_init(state)
        state.pointee.crc_flag = UInt32(ISAL_GZIP_NO_HDR)
        var scan = XMLScan()
        var position = start
        var uncompressed: UInt64 = 0
        while state.pointee.block_state != ISAL_BLOCK_FINISH {
            if state.pointee.avail_in == 0 {
                let got = file.read(input, count: chunk, at: position, minimum: 1)
                guard got > 0 else { return nil }
                state.pointee.next_in = input.assumingMemoryBound(to: UInt8.self)
                state.pointee.avail_in = UInt32(got)
                position += UInt64(got)
            }
            state.pointee.next_out = output.assumingMemoryBound(to: UInt8.self)
            state.pointee.avail_out = UInt32(chunk)
            let status = isal_inflate(state)
            guard status == ISAL_DECOMP_OK else { return nil }
            let produced = chunk - Int(state.pointee.avail_out)
            uncompressed += UInt64(produced)
            if produced > 0 && isXML { scan.feed(UnsafeRawBufferPointer(start: output, count: produced)) }
        }
        // What was read but not used: bytes still in the input buffer, and whole bytes
        // ISA-L read ahead into its bit buffer.
        let unused = UInt64(state.pointee.avail_in) + UInt64(max(0, state.pointee.read_in_length) / 8)
        return (state.pointee.crc, position - unused - start, uncompressed, isXML ? scan.finish() : nil)
    }

    /// The `n`-byte little-endian number at `at` (zip headers), for this reader and the
    /// whole-file check.
    package static func le(_ b: [UInt8], _ at: Int, _ n: Int) -> UInt64 {
        (0..<n).reduce(0) { $0 | UInt64(b[at + $1]) << (8 * $1) }
    }
}

/// A file read while another thread may still be writing it: a read that finds too few
/// bytes waits for more until the writer says it is done.
private struct GrowingFile {
    package let writing: () -> Bool
    private var fd: Int32 = -1
    /// Seconds spent waiting for the writer.
    package private(set) var waited = 0.0

    package init(writing: @escaping () -> Bool) { self.writing = writing }

    /// Opens `path`, waiting for it to appear while the writer is still writing.
    package mutating func open(_ path: String) -> Bool {
        while true {
            let finished = !writing()
            fd = Glibc.open(path, O_RDONLY | O_CLOEXEC)
            if fd >= 0 { return true }
            if finished { return false }
            pause()
        }
    }

    /// Reads up to `count` bytes at `offset`: at least `minimum` of them unless the file
    /// is finished and shorter. Returns how many were read.
    package mutating func read(_ buffer: UnsafeMutableRawPointer, count: Int, at offset: UInt64, minimum: Int) -> Int {
        var got = 0
        while true {
            // Asked before reading: if the writer was done then, what the read sees is final.
            let finished = !writing()
            let n = pread(fd, buffer + got, count - got, off_t(offset) + off_t(got))
            if n < 0 && errno == EINTR { continue }
            if n > 0 { got += n }
            if got >= minimum || got == count { return got }
            if n < 0 || (finished && n == 0) { return got }
            if n == 0 { pause() }
        }
    }

    /// Whether `path` still names the file that was read.
    package func isStill(_ path: String) -> Bool {
        var opened = stat()
        var named = stat()
        return fstat(fd, &opened) == 0 && stat(path, &named) == 0 && opened.st_ino == named.st_ino && opened.st_dev == named.st_dev
    }

    private mutating func pause() {
        let start = StageTimings.now()
        usleep(1000)
        waited += StageTimings.now() - start
    }

    package mutating func close() {
        if fd >= 0 { _ = Glibc.close(fd) }
        fd = -1
    }
}
