import Foundation

/// Wraps plain text for print: at most `width` columns where words allow, continuation
/// lines indented under the text of a list item, no trailing spaces, no runs of blank
/// lines. Words are never broken, and a protected phrase (the client's name) is never
/// split across lines, so a very long name stays whole.
enum TextWrapper {
    /// Stands in for a space inside a protected phrase while wrapping (one byte for one).
    private static let glue: UInt8 = 0x01

    static func wrap(_ text: String, width: Int, keepWhole phrases: [String] = []) -> String {
        String(decoding: wrap(bytes: Array(text.utf8), width: width, keepWhole: phrases), as: UTF8.self)
    }

    /// `phrase` marked so that ``wrap(_:width:keepWhole:)`` never splits it across lines,
    /// for text that knows where it prints a name: cheaper than searching for it.
    static func keptWhole(_ phrase: String) -> String {
        guard phrase.utf8.contains(0x20) else { return phrase }
        return String(decoding: phrase.utf8.map { $0 == 0x20 ? glue : $0 }, as: UTF8.self)
    }

    /// ``wrap(_:width:keepWhole:)`` on UTF-8 bytes.
    static func wrap(bytes text: [UInt8], width: Int, keepWhole phrases: [String] = []) -> [UInt8] {
        // The phrase's spaces become glue in place, byte for byte, with no new String.
        var bytes = text
        for phrase in phrases where phrase.utf8.contains(0x20) { glueSpaces(of: Array(phrase.utf8), in: &bytes) }
        var out = wrapGlued(bytes, width: width)
        out.withUnsafeMutableBufferPointer { b in
            for i in b.indices where b[i] == glue { b[i] = 0x20 }
        }
        return out
    }

    /// Every occurrence of `phrase` in `bytes` gets its spaces turned into glue.
    private static func glueSpaces(of phrase: [UInt8], in bytes: inout [UInt8]) {
        guard let first = phrase.first, phrase.count <= bytes.count else { return }
        bytes.withUnsafeMutableBufferPointer { b in
            phrase.withUnsafeBufferPointer { p in
                let base = b.baseAddress!
                let last = b.count - p.count
                var i = 0
                while i <= last {
                    // memchr finds the next possible start far faster than a byte loop.
                    guard let hit = memchr(base + i, Int32(first), last - i + 1) else { return }
                    i = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                    if memcmp(base + i, p.baseAddress!, p.count) == 0 {
                        for j in 0..<p.count where p[j] == 0x20 { base[i + j] = glue }
                        i += p.count
                    } else {
                        i += 1
                    }
                }
            }
        }
    }

    /// The lines of `text`, wrapped, on bytes. At most one blank line in a row, none
    /// first or last. A column is a character: String indexes were most of a handout's
    /// cost, so a line whose characters are each one Unicode scalar (English, and the
    /// Latin letters and punctuation of the shipped languages) is wrapped here on bytes,
    /// counting the bytes that start a scalar; any other line takes the Character path
    /// (`wrapLine`).
    private static func wrapGlued(_ text: [UInt8], width: Int) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(text.count + text.count / 8)
        var blankPending = false
        text.withUnsafeBufferPointer { b in
            var start = 0
            while start < b.count {
                var end = b.count
                if let nl = memchr(b.baseAddress! + start, 0x0A, b.count - start) {
                    end = b.baseAddress!.distance(to: nl.assumingMemoryBound(to: UInt8.self))
                }
                let next = end + 1
                while end > start && (b[end - 1] == 0x20 || b[end - 1] == 0x09) { end -= 1 }
                defer { start = next }
                if end == start {
                    if !out.isEmpty { blankPending = true }
                    continue
                }
                if !out.isEmpty { out.append(0x0A) }
                if blankPending { out.append(0x0A) }
                blankPending = false
                let line = UnsafeBufferPointer(rebasing: b[start..<end])
                if line.count <= width {
                    out.append(contentsOf: line)
                } else if !line.contains(where: { $0 >= 0x80 }) {
                    wrapScalars(line, width: width, ascii: true, into: &out)
                } else if isOneScalarPerCharacter(line) {
                    wrapScalars(line, width: width, ascii: false, into: &out)
                } else {
                    let lines = wrapLine(String(decoding: line, as: UTF8.self), width: width)
                    out.append(contentsOf: lines.joined(separator: "\n").utf8)
                }
            }
        }
        if !out.isEmpty { out.append(0x0A) }
        return out
    }

    /// Whether each character of the UTF-8 `line` is one scalar of one column: ASCII,
    /// two-byte scalars other than combining marks (U+0300-U+036F), and general
    /// punctuation (U+2000-U+207F: dashes, quotes).
    static func isOneScalarPerCharacter(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        while i < line.count {
            let b = line[i]
            if b < 0x80 || b & 0xC0 == 0x80 {
                i += 1
            } else if b >= 0xC2 && b <= 0xDF && b != 0xCC && b != 0xCD {
                i += 1
            } else if b == 0xE2 && i + 1 < line.count && (line[i + 1] == 0x80 || line[i + 1] == 0x81) {
                i += 2
            } else {
                return false
            }
        }
        return true
    }

    /// The columns of UTF-8 bytes that ``isOneScalarPerCharacter(_:)`` accepts: the bytes
    /// that start a scalar.
    @inline(__always)
    static func columns(_ bytes: UnsafeBufferPointer<UInt8>.SubSequence) -> Int {
        var n = 0
        for b in bytes where b & 0xC0 != 0x80 { n += 1 }
        return n
    }

    /// ``wrapLine(_:width:)`` on the bytes of a line ``isOneScalarPerCharacter(_:)``
    /// accepts, where a column is a byte that starts a scalar (`ascii`: every byte does, and
    /// counting is skipped: nearly every line is ASCII).
    static func wrapScalars(_ line: UnsafeBufferPointer<UInt8>, width: Int, ascii: Bool, into out: inout [UInt8]) {
        let space: UInt8 = 0x20
        var indent = 0
        while indent < line.count && line[indent] == space { indent += 1 }
        let body = UnsafeBufferPointer(rebasing: line[indent...])
        var hanging = indent
        if body.count >= 2 && body[0] == UInt8(ascii: "-") && body[1] == space {
            hanging += 2
        } else if let dot = body.firstIndex(of: UInt8(ascii: ".")), dot > 0, body[..<dot].allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
            dot + 1 < body.count, body[dot + 1] == space
        {
            hanging += dot + 2
        } else if let colon = body.firstIndex(of: UInt8(ascii: ":")), columns(body[..<colon]) < 12, !body[..<colon].contains(space) {
            hanging += columns(body[..<colon]) + 2
        }
        for _ in 0..<indent { out.append(space) }
        var length = indent
        var currentHasWord = false
        // The words of a printed line are copied as one span while they follow each other
        // with one space between them (nearly always), instead of a copy per word.
        var span = 0..<0
        func flush() {
            if !span.isEmpty { out.append(contentsOf: UnsafeBufferPointer(rebasing: body[span])) }
        }
        var i = 0
        while i < body.count {
            if body[i] == space {
                i += 1
                continue
            }
            var j = i
            var n = 0
            if ascii {
                while j < body.count && body[j] != space { j += 1 }
                n = j - i
            } else {
                while j < body.count && body[j] != space {
                    if body[j] & 0xC0 != 0x80 { n += 1 }
                    j += 1
                }
            }
            if currentHasWord && length + 1 + n > width {
                flush()
                out.append(0x0A)
                for _ in 0..<hanging { out.append(space) }
                length = hanging + n
                span = i..<j
            } else if currentHasWord {
                length += 1 + n
                if span.upperBound + 1 == i {
                    span = span.lowerBound..<j
                } else {
                    flush()
                    out.append(space)
                    span = i..<j
                }
            } else {
                length += n
                span = i..<j
            }
            currentHasWord = true
            i = j
        }
        flush()
    }

    /// One logical line as one or more printed lines.
    static func wrapLine(_ line: String, width: Int) -> [String] {
        guard line.count > width else { return [line] }
        let indent = line.prefix { $0 == " " }.count
        let body = line.dropFirst(indent)
        var hanging = indent
        if body.hasPrefix("- ") {
            hanging += 2
        } else if let dot = body.firstIndex(of: "."), body[..<dot].allSatisfy(\.isNumber), !body[..<dot].isEmpty,
            body[body.index(after: dot)...].hasPrefix(" ")
        {
            hanging += body.distance(from: body.startIndex, to: dot) + 2
        } else if let colon = body.firstIndex(of: ":"), body.distance(from: body.startIndex, to: colon) < 12,
            !body[..<colon].contains(" ")
        {
            hanging += body.distance(from: body.startIndex, to: colon) + 2
        }
        var lines: [String] = []
        var current = String(repeating: " ", count: indent)
        var length = indent
        var currentHasWord = false
        for word in body.split(separator: " ") {
            let n = word.count
            if currentHasWord && length + 1 + n > width {
                lines.append(current)
                current = String(repeating: " ", count: hanging) + word
                length = hanging + n
            } else {
                current += (currentHasWord ? " " : "") + word
                length += (currentHasWord ? 1 : 0) + n
            }
            currentHasWord = true
        }
        lines.append(current)
        return lines
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var s = self
        while let last = s.last, last == " " || last == "\t" { s.removeLast() }
        return s
    }
}
