import Foundation

/// Wraps plain text for print: at most `width` columns where words allow, continuation
/// lines indented under the text of a list item, no trailing spaces, no runs of blank
/// lines. Words are never broken, and a protected phrase (the client's name) is never
/// split across lines, so a very long name stays whole.
enum TextWrapper {
    /// Stands in for a space inside a protected phrase while wrapping (one byte for one).
    private static let glue: UInt8 = 0x01

    static func wrap(_ text: String, width: Int, keepWhole phrases: [String] = []) -> String {
        // The phrase's spaces become glue in place, byte for byte: measured with perf, doing
        // this with Foundation's replacingOccurrences took a fifth of a whole report.
        var bytes = Array(text.utf8)
        for phrase in phrases where phrase.utf8.contains(0x20) { glueSpaces(of: Array(phrase.utf8), in: &bytes) }
        var out = Array(wrapGlued(String(decoding: bytes, as: UTF8.self), width: width).utf8)
        for i in out.indices where out[i] == glue { out[i] = 0x20 }
        return String(decoding: out, as: UTF8.self)
    }

    /// Every occurrence of `phrase` in `bytes` gets its spaces turned into glue.
    private static func glueSpaces(of phrase: [UInt8], in bytes: inout [UInt8]) {
        guard let first = phrase.first, phrase.count <= bytes.count else { return }
        var i = 0
        while i <= bytes.count - phrase.count {
            if bytes[i] == first && bytes[i..<(i + phrase.count)].elementsEqual(phrase) {
                for j in 0..<phrase.count where phrase[j] == 0x20 { bytes[i + j] = glue }
                i += phrase.count
            } else {
                i += 1
            }
        }
    }

    private static func wrapGlued(_ text: String, width: Int) -> String {
        var out: [String] = []
        var utf8 = text.utf8[...]
        while !utf8.isEmpty {
            let end = utf8.firstIndex(of: 0x0A) ?? utf8.endIndex
            var raw = utf8[utf8.startIndex..<end]
            utf8 = end == utf8.endIndex ? utf8[end...] : utf8[utf8.index(after: end)...]
            while let last = raw.last, last == 0x20 || last == 0x09 { raw = raw.dropLast() }
            if raw.isEmpty {
                if out.last?.isEmpty == false { out.append("") }
                continue
            }
            // Most lines are short, or ASCII: those skip the Character-by-Character path.
            if raw.count <= width {
                out.append(String(Substring(raw)))
            } else {
                out += wrapLine(String(Substring(raw)), width: width)
            }
        }
        while out.first?.isEmpty == true { out.removeFirst() }
        while out.last?.isEmpty == true { out.removeLast() }
        return out.joined(separator: "\n") + "\n"
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
