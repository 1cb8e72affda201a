import Foundation
import LegCareRun

/// A file read in fixed-size chunks, turned into UTF-8 on the way.
///
/// A UTF-8 byte-order mark is dropped; UTF-16 (with a byte-order mark, or recognised by
/// its zero bytes, as a spreadsheet's "Unicode text" export) is transcoded to UTF-8
/// chunk by chunk, so memory does not grow with the file.
public struct ByteSource {
    /// The encoding found at the start of the input.
    public enum Encoding: String, Sendable {
        case utf8 = "UTF-8"
        case utf16LE = "UTF-16LE"
        case utf16BE = "UTF-16BE"
    }

    public private(set) var encoding: Encoding = .utf8
    /// Number of invalid UTF-16 code units replaced (reported as a warning).
    public private(set) var invalidUTF16Units = 0
    private var pull: () throws -> [UInt8]
    private var pending: [UInt8] = []
    private var carry: [UInt8] = []
    private var highSurrogate: UInt16?
    private var started = false

    /// Reads from a pull function that returns the next chunk, or an empty array at the end.
    public init(pull: @escaping () throws -> [UInt8]) {
        self.pull = pull
    }

    /// Reads the bytes of an in-memory buffer (tests, small inputs).
    public init(bytes: [UInt8], chunkSize: Int = 1 << 16) {
        var offset = 0
        self.init {
            guard offset < bytes.count else { return [] }
            let end = min(bytes.count, offset + chunkSize)
            defer { offset = end }
            return Array(bytes[offset..<end])
        }
    }

    /// Reads a regular file in 1 MiB chunks; throws ``IntakeError`` when it is missing,
    /// not a regular file (a folder, a device, a pipe) or cannot be read.
    ///
    /// `counter`, when given, adds the size of each chunk as it is read, for the progress line.
    public init(path: String, counter: ReadCounter? = nil) throws {
        let handle: FileHandle
        do {
            handle = try RegularFile.open(path)
        } catch {
            throw IntakeError(file: path, reason: .notReadable(error.sentence))
        }
        self.init {
            do {
                let chunk = [UInt8](try handle.read(upToCount: 1 << 20) ?? Data())
                counter?.add(chunk.count)
                return chunk
            } catch {
                throw IntakeError(file: path, reason: .notReadable("stopped being readable part-way (a read failed)"))
            }
        }
    }

    /// The next chunk of UTF-8, or an empty array at the end of the input (never before:
    /// a UTF-16 chunk holding half a code unit is joined to the next one).
    public mutating func next() throws -> [UInt8] {
        while true {
            let out = try nextPiece()
            if !out.isEmpty || finished { return out }
        }
    }

    private var finished = false

    private mutating func nextPiece() throws -> [UInt8] {
        if !started {
            started = true
            var head = try pull()
            while head.count < 4 {
                let more = try pull()
                if more.isEmpty { break }
                head += more
            }
            detect(&head)
            if head.isEmpty { finished = true }
            return encoding == .utf8 ? head : transcode(head, final: false)
        }
        let chunk = try pull()
        if chunk.isEmpty { finished = true }
        if encoding == .utf8 { return chunk }
        if chunk.isEmpty {
            return carry.isEmpty && highSurrogate == nil ? [] : transcode([], final: true)
        }
        return transcode(chunk, final: false)
    }

    private mutating func detect(_ head: inout [UInt8]) {
        if head.starts(with: [0xEF, 0xBB, 0xBF]) {
            head.removeFirst(3)
        } else if head.starts(with: [0xFF, 0xFE]) {
            encoding = .utf16LE
            head.removeFirst(2)
        } else if head.starts(with: [0xFE, 0xFF]) {
            encoding = .utf16BE
            head.removeFirst(2)
        } else if head.count >= 4, head[0] != 0, head[1] == 0, head[2] != 0, head[3] == 0 {
            encoding = .utf16LE
        } else if head.count >= 4, head[0] == 0, head[1] != 0, head[2] == 0, head[3] != 0 {
            encoding = .utf16BE
        }
    }

    private mutating func transcode(_ chunk: [UInt8], final: Bool) -> [UInt8] {
        var bytes = carry + chunk
        carry = []
        if bytes.count % 2 == 1 {
            if final { invalidUTF16Units += 1 } else { carry = [bytes.removeLast()] }
        }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i + 1 < bytes.count {
            let unit =
                encoding == .utf16LE
                ? UInt16(bytes[i]) | UInt16(bytes[i + 1]) << 8
                : UInt16(bytes[i]) << 8 | UInt16(bytes[i + 1])
            i += 2
            if let high = highSurrogate {
                highSurrogate = nil
                if (0xDC00...0xDFFF).contains(unit) {
                    let scalar = 0x10000 + ((UInt32(high) - 0xD800) << 10) + (UInt32(unit) - 0xDC00)
                    append(scalar, to: &out)
                    continue
                }
                invalidUTF16Units += 1
                append(0xFFFD, to: &out)
            }
            if (0xD800...0xDBFF).contains(unit) {
                highSurrogate = unit
            } else if (0xDC00...0xDFFF).contains(unit) {
                invalidUTF16Units += 1
                append(0xFFFD, to: &out)
            } else {
                append(UInt32(unit), to: &out)
            }
        }
        if final, highSurrogate != nil {
            highSurrogate = nil
            invalidUTF16Units += 1
            append(0xFFFD, to: &out)
        }
        return out
    }

    private func append(_ scalar: UInt32, to out: inout [UInt8]) {
        for unit in UTF8.encode(Unicode.Scalar(scalar) ?? "\u{FFFD}")! { out.append(unit) }
    }
}
