/// Wraps plain text for print: at most `width` columns where words allow, continuation
/// lines indented under the text of a list item, no trailing spaces, no runs of blank
/// lines. Words are never broken, so a very long name stays whole.
enum TextWrapper {
    static func wrap(_ text: String, width: Int) -> String {
        var out: [String] = []
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = String(raw).trimmingTrailingSpaces()
            if line.isEmpty {
                if out.last?.isEmpty == false { out.append("") }
                continue
            }
            out += wrapLine(line, width: width)
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
        var currentHasWord = false
        for word in body.split(separator: " ") {
            if currentHasWord && current.count + 1 + word.count > width {
                lines.append(current)
                current = String(repeating: " ", count: hanging) + word
            } else {
                current += (currentHasWord ? " " : "") + word
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
