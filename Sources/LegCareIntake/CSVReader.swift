/// A streaming RFC 4180 reader over byte chunks.
///
/// Handles quoted fields holding delimiters, doubled quotes and line breaks; CRLF, LF and
/// lone CR line ends; `,`, `;` (European spreadsheets) and tab delimiters, detected from
/// the header line; blank lines (skipped, but counted as rows). Memory holds one chunk
/// and one record, whatever the file's size.
///
/// A damaged file never swallows the rows after the damage: a quoted field still open
/// after ``quotedFieldLimit`` bytes or at the end of the file ends its record at the line
/// where it began (``CSVRecord/unterminatedQuote``), and reading goes on at the next line;
/// a record past ``recordLimit`` bytes is cut (``CSVRecord/tooLong``) and the rest of its
/// line skipped.
///
/// Why our own reader: the packages read several times slower, and one holds the whole
/// file in memory (decision 0001). This one works on bytes and decodes only the fields
/// the caller asks for.
///
/// ```swift
/// var reader = try CSVReader(source: ByteSource(bytes: Array("a,b\n1,2\n".utf8)))
/// while let record = try reader.next() { print(record.text(0).value) }
/// ```
public struct CSVReader {
    /// The delimiter in use.
    public private(set) var delimiter: UInt8
    private var source: ByteSource
    private var chunk: [UInt8] = []
    private var pos = 0
    private var exhausted = false
    private var line = 1
    private var row = 0
    private var skipLF = false

    private static let quote = UInt8(ascii: "\""), cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")
    /// The most a quoted field may hold before it counts as never closed (no real cell is
    /// near it; Excel's own cell limit is 32,767 characters).
    public static let quotedFieldLimit = 64 << 10
    /// The most one record may hold.
    public static let recordLimit = 1 << 20

    /// Starts reading; the delimiter is detected from the header line unless given.
    public init(source: ByteSource, delimiter: UInt8? = nil) throws {
        self.source = source
        self.delimiter = UInt8(ascii: ",")
        try fillHeaderLine()
        self.delimiter = delimiter ?? Self.detectDelimiter(chunk)
    }

    /// The encoding the source was found in.
    public var encoding: ByteSource.Encoding { source.encoding }
    /// Invalid UTF-16 units met so far.
    public var invalidUTF16Units: Int { source.invalidUTF16Units }

    private enum State { case fieldStart, unquoted, quoted, quoteInQuoted }

    /// The next record, or `nil` at the end of the input. Blank lines are skipped.
    public mutating func next() throws -> CSVRecord? {
        var record = CSVRecord(row: row + 1, line: line)
        record.bytes.reserveCapacity(256)
        record.ends.reserveCapacity(24)
        var state = State.fieldStart
        var started = false
        var crInQuotes = false
        let delim = delimiter
        // Where the open quoted field began in `record.bytes`, and, once it crossed a line
        // break, what came after that break: read again as fresh lines if the quote never
        // closes.
        var quotedFrom = 0
        var afterBreak: Open?
        // The record is over its limit: the rest of its line is skipped.
        var skippingLine = false
        while true {
            if pos >= chunk.count {
                let more = exhausted ? false : try refill()
                if !more {
                    guard started else { return nil }
                    if state == .quoted {
                        if let open = afterBreak { return resume(&record, at: open, atEnd: true) }
                        record.unterminatedQuote = true
                    }
                    record.ends.append(record.bytes.count)
                    row += 1
                    record.row = row
                    return record
                }
            }
            var i = pos
            let n = chunk.count
            var done = false
            var overflow = false
            chunk.withUnsafeBufferPointer { buf in
                while i < n {
                    let b = buf[i]
                    i += 1
                    if skipLF {
                        skipLF = false
                        if b == Self.lf { continue }
                    }
                    if skippingLine {
                        guard b == Self.cr || b == Self.lf else { continue }
                        line += 1
                        skipLF = b == Self.cr
                        record.ends.append(record.bytes.count)
                        done = true
                        return
                    }
                    switch state {
                    case .fieldStart, .unquoted, .quoteInQuoted:
                        if b == delim {
                            record.ends.append(record.bytes.count)
                            state = .fieldStart
                            started = true
                        } else if b == Self.cr || b == Self.lf {
                            line += 1
                            skipLF = b == Self.cr
                            if !started && state == .fieldStart {
                                // A blank line: counted as a row, never a record.
                                row += 1
                                record.line = line
                                continue
                            }
                            record.ends.append(record.bytes.count)
                            done = true
                            return
                        } else if b == Self.quote && state == .fieldStart {
                            state = .quoted
                            started = true
                            quotedFrom = record.bytes.count
                        } else if b == Self.quote && state == .quoteInQuoted {
                            record.bytes.append(b)  // a doubled quote
                            state = .quoted
                        } else {
                            // Text after a closing quote is kept as it is (lenient, like spreadsheets).
                            // Copy the whole run of ordinary bytes at once: the hot path.
                            var end = i
                            while end < n {
                                let c = buf[end]
                                if c == delim || c == Self.cr || c == Self.lf || c == Self.quote { break }
                                end += 1
                            }
                            record.bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buf[(i - 1)..<end]))
                            i = end
                            state = .unquoted
                            started = true
                            if record.bytes.count > Self.recordLimit {
                                record.tooLong = true
                                record.bytes.removeAll()
                                record.ends.removeAll()
                                skippingLine = true
                            }
                        }
                    case .quoted:
                        if b == Self.quote {
                            state = .quoteInQuoted
                        } else {
                            if b == Self.cr || (b == Self.lf && !crInQuotes) {
                                line += 1
                                if afterBreak == nil {
                                    afterBreak = Open(
                                        bytes: record.bytes.count, ends: record.ends.count, line: line, crBreak: b == Self.cr,
                                        rest: [], chunkStart: i)
                                }
                            }
                            crInQuotes = b == Self.cr
                            record.bytes.append(b)
                            if record.bytes.count - quotedFrom > Self.quotedFieldLimit {
                                overflow = true
                                return
                            }
                        }
                    }
                }
            }
            if overflow {
                if let open = afterBreak {
                    pos = i
                    return resume(&record, at: open, atEnd: false)
                }
                // Still on its first line: the record ends there, the rest of the line skipped.
                record.unterminatedQuote = true
                record.bytes.removeSubrange(quotedFrom...)
                state = .unquoted
                skippingLine = true
                pos = i
                continue
            }
            // Past a line break inside an open quote, this chunk's bytes are kept for a
            // reading again (never more than the quoted field's limit).
            if afterBreak != nil {
                afterBreak!.rest.append(contentsOf: chunk[afterBreak!.chunkStart..<i])
                afterBreak!.chunkStart = 0
            }
            pos = i
            if done {
                row += 1
                record.row = row
                return record
            }
        }
    }

    /// Where an open quoted field first crossed a line break.
    private struct Open {
        /// The record's bytes and fields before the break.
        var bytes: Int
        var ends: Int
        /// The line after the break, and whether the break was a CR (a LF may follow).
        var line: Int
        var crBreak: Bool
        /// The bytes after the break from earlier chunks, and where the current chunk's begin.
        var rest: [UInt8]
        var chunkStart: Int
    }

    /// Ends `record` at the line its quote opened on, as a never-closed quote, and sets
    /// reading to go on from the line after it: the bytes after the break are read again.
    /// `atEnd`: the input ended (every byte read is in `open.rest`); otherwise the quoted
    /// field ran past its limit at `pos` in the current chunk.
    private mutating func resume(_ record: inout CSVRecord, at open: Open, atEnd: Bool) -> CSVRecord {
        record.unterminatedQuote = true
        let endsOnBreak = atEnd && (open.rest.last == Self.lf || open.rest.last == Self.cr)
        record.swallowedLines = line - open.line + (endsOnBreak ? 0 : 1)
        record.bytes.removeSubrange(open.bytes...)
        record.ends.removeSubrange(open.ends...)
        record.ends.append(record.bytes.count)
        chunk = atEnd ? open.rest : open.rest + chunk[open.chunkStart...]
        pos = 0
        line = open.line
        skipLF = open.crBreak
        row += 1
        record.row = row
        return record
    }

    private mutating func refill() throws -> Bool {
        let next = try source.next()
        if next.isEmpty {
            exhausted = true
            return false
        }
        chunk = next
        pos = 0
        return true
    }

    /// Reads until the buffer holds the whole first record (or the input ends): a line
    /// break inside quotes does not end it (found by the round-trip property test).
    private mutating func fillHeaderLine() throws {
        chunk = try source.next()
        var inQuotes = false
        var scanned = 0
        while true {
            while scanned < chunk.count {
                let b = chunk[scanned]
                if b == Self.quote { inQuotes.toggle() }
                if !inQuotes && (b == Self.cr || b == Self.lf) { return }
                scanned += 1
            }
            let more = try source.next()
            if more.isEmpty { return }
            chunk += more
        }
    }

    /// The most frequent of `,` `;` and tab outside quotes on the first line (`,` on a tie).
    static func detectDelimiter(_ bytes: [UInt8]) -> UInt8 {
        let candidates: [UInt8] = [UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "\t")]
        var counts = [0, 0, 0]
        var inQuotes = false
        for b in bytes {
            if b == quote { inQuotes.toggle() }
            if inQuotes { continue }
            if b == cr || b == lf { break }
            if let k = candidates.firstIndex(of: b) { counts[k] += 1 }
        }
        let best = counts.indices.max { counts[$0] < counts[$1] || (counts[$0] == counts[$1] && $0 > $1) }!
        return counts[best] > 0 ? candidates[best] : candidates[0]
    }
}
