import Foundation

/// Rows of text cells kept on disk until the run's end and read back in the order they
/// were added, or one by one by where they start: for rows that are held only so that
/// they can be written in another order (the Referrals sheet's, by urgency; the Overdue
/// sheet's, most overdue first), or records of bytes of the caller's own layout (the
/// week's booking requests, ``PendingBookings``).
///
/// Why: held in memory, such rows grew with the list (docs/performance.md); on disk they
/// cost a write and a read of the same bytes.
///
/// The file is made in the run's staging folder (0600) and unlinked at once: it has no
/// name, so no run, finished, failed or killed, leaves it behind, and the folder is
/// published without it.
package final class ScratchRows {
    private let fd: Int32
    private let file: BufferedFile
    /// Bytes read back at a time.
    private static let chunk = 1 << 20

    /// A new, empty scratch file in `folder`.
    package init(folder: String) throws {
        var template = Array((folder + "/.scratch-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw RunFolderError(path: folder, operation: "create a scratch file in", code: errno) }
        let path = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        guard unlink(path) == 0 else {
            let code = errno
            close(fd)
            throw RunFolderError(path: path, operation: "unlink", code: code)
        }
        self.fd = fd
        file = BufferedFile(FileHandle(fileDescriptor: fd, closeOnDealloc: false))
    }

    deinit { close(fd) }

    /// Adds one row: its length, then each cell's length and UTF-8 bytes (lengths are
    /// 32-bit, little-endian). Returns where the row lies, for ``row(at:)``.
    @discardableResult
    package func append(_ cells: [String]) throws -> Place {
        let start = file.offset
        let length = 4 + cells.reduce(0) { $0 + 4 + $1.utf8.count }
        var record: [UInt8] = []
        record.reserveCapacity(4 + length)
        Self.put(UInt32(length), into: &record)
        Self.put(UInt32(cells.count), into: &record)
        for cell in cells {
            Self.put(UInt32(cell.utf8.count), into: &record)
            record.append(contentsOf: cell.utf8)
        }
        try file.write(bytes: record)
        return Place(offset: start, length: UInt32(record.count))
    }

    /// Adds one record of bytes of the caller's own layout (its length first, as for
    /// rows); ``readBackRecords(_:)`` gives it back whole, and ``record(at:)`` by the place
    /// returned.
    @discardableResult
    package func append(record bytes: [UInt8]) throws -> Place {
        let start = file.offset
        var length: [UInt8] = []
        Self.put(UInt32(bytes.count), into: &length)
        try file.write(bytes: length)
        try file.write(bytes: bytes)
        return Place(offset: start, length: UInt32(4 + bytes.count))
    }

    /// Where a row lies in the file: one read brings it back.
    package struct Place {
        package let offset: Int
        package let length: UInt32
    }

    /// The row at `place` (as ``append(_:)`` returned it).
    package func row(at place: Place) throws -> [String] {
        try file.flush()
        let record = try read(Int(place.length), at: place.offset)
        return Self.cells(record[4...])
    }

    /// Writes what is still buffered to the file, so that ``record(at:)`` can read it.
    package func flush() throws { try file.flush() }

    /// The record at `place` (the bytes after its length), as ``append(record:)`` returned
    /// it, once ``flush()`` has run after it was added. It only reads the file at a place,
    /// so several threads may call it at once when nothing is being added.
    package func record(at place: Place) throws -> ArraySlice<UInt8> {
        try read(Int(place.length), at: place.offset)[4...]
    }

    private func read(_ count: Int, at offset: Int) throws -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        let n = bytes.withUnsafeMutableBytes { pread(fd, $0.baseAddress!, count, off_t(offset)) }
        guard n == count else { throw RunFolderError(path: "scratch file", operation: "read back", code: n < 0 ? errno : EIO) }
        return bytes
    }

    /// Each row, in the order added. Reads the file a chunk at a time, so a million rows
    /// never come back into memory at once.
    package func readBack(_ body: ([String]) throws -> Void) throws {
        try readBackRecords { try body(Self.cells($0)) }
    }

    /// Each record (the bytes after its length), in the order added, a chunk at a time.
    package func readBackRecords(_ body: (ArraySlice<UInt8>) throws -> Void) throws {
        try file.flush()
        var buffer: [UInt8] = []
        var start = 0
        var offset: off_t = 0
        var ended = false
        /// Makes sure `count` bytes from `start` are in the buffer; `false` at the end.
        func fill(_ count: Int) throws -> Bool {
            while buffer.count - start < count {
                if ended { return false }
                buffer.removeFirst(start)
                start = 0
                let old = buffer.count
                let want = max(Self.chunk, count - old)
                buffer += [UInt8](repeating: 0, count: want)
                let n = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress! + old, want, offset) }
                guard n >= 0 else { throw RunFolderError(path: "scratch file", operation: "read back", code: errno) }
                buffer.removeLast(want - n)
                offset += off_t(n)
                if n == 0 { ended = true }
            }
            return true
        }
        while try fill(4) {
            let length = Self.uint32(buffer[...], at: start)
            start += 4
            guard try fill(length) else { throw RunFolderError(path: "scratch file", operation: "read back", code: EIO) }
            try body(buffer[start..<(start + length)])
            start += length
        }
        // A row cut short: the file was damaged under the run.
        guard start == buffer.count else { throw RunFolderError(path: "scratch file", operation: "read back", code: EIO) }
    }

    /// A row's cells from its record, after the record's length: their count, then each
    /// cell's length and bytes.
    private static func cells(_ record: ArraySlice<UInt8>) -> [String] {
        var at = record.startIndex + 4
        return (0..<uint32(record, at: record.startIndex)).map { _ in
            let n = uint32(record, at: at)
            defer { at += 4 + n }
            return String(decoding: record[(at + 4)..<(at + 4 + n)], as: UTF8.self)
        }
    }

    /// The 32-bit little-endian number at `at`.
    package static func uint32(_ bytes: ArraySlice<UInt8>, at: Int) -> Int {
        Int(bytes[at]) | Int(bytes[at + 1]) << 8 | Int(bytes[at + 2]) << 16 | Int(bytes[at + 3]) << 24
    }

    package static func put(_ v: UInt32, into bytes: inout [UInt8]) {
        bytes.append(UInt8(v & 0xFF))
        bytes.append(UInt8(v >> 8 & 0xFF))
        bytes.append(UInt8(v >> 16 & 0xFF))
        bytes.append(UInt8(v >> 24))
    }
}
