import Foundation

/// Checks that XML is well-formed in structure, streaming: every element that opens
/// closes, in order, with the same name; nothing is cut short inside a tag, comment,
/// CDATA section or quoted attribute; there is exactly one root.
///
/// Why our own: FoundationXML's delegate parser took minutes on the Clients sheet of
/// 100,000 clients, more than writing the workbook (issue on performance); this scanner
/// reads bytes once and keeps only the stack of open names. It does not validate
/// entities or names beyond their bytes: libxlsxwriter writes those, and a part damaged
/// on disk is caught by the CRC-32 of every part before this runs.
///
/// Measured on the 355 MB of XML in a 100,000-client workbook: open names kept as one byte
/// buffer (not an array per tag), a state with no payload to retain, and tight loops over
/// text, attributes and quoted values made the scan about three times faster.
struct XMLScan {
    private enum State {
        case text, open, name, endName, tag, slash
        case quoted(UInt8)
        case bang
        /// Inside `<?...?>`, a comment, CDATA, or a declaration or end tag's tail (`>`).
        case special(Special)
        /// Inside `&...;`, then back to text (`quote` 0) or to a quoted attribute value.
        case entity(quote: UInt8)
    }

    private enum Special {
        case instruction, comment, cdata, tail

        var end: [UInt8] {
            switch self {
            case .instruction: Array("?>".utf8)
            case .comment: Array("-->".utf8)
            case .cdata: Array("]]>".utf8)
            case .tail: [UInt8(ascii: ">")]
            }
        }
    }

    private var state = State.text
    /// The names of the open elements, end to end, and where each starts; the buffer only
    /// grows, `namesEnd` is where the open names end (measured: removing a closed name
    /// from an array cost a tenth of the scan).
    private var names: [UInt8] = []
    private var namesEnd = 0
    private var starts: [Int] = []
    private var current: [UInt8] = []
    private var pending: [UInt8] = []
    private var roots = 0
    private var broken = false

    /// Whether the whole of `data` is well-formed.
    static func wellFormed(_ data: Data) -> Bool {
        var scan = XMLScan()
        data.withUnsafeBytes { scan.feed(UnsafeRawBufferPointer($0)) }
        return scan.finish()
    }

    private static let lt = UInt8(ascii: "<"), gt = UInt8(ascii: ">"), slashByte = UInt8(ascii: "/"), amp = UInt8(ascii: "&")

    /// The five predefined entities and character references (`#65`, `#x41`).
    private static func knownEntity(_ name: [UInt8]) -> Bool {
        if ["amp", "lt", "gt", "quot", "apos"].contains(where: { Array($0.utf8) == name }) { return true }
        guard name.first == UInt8(ascii: "#"), name.count > 1 else { return false }
        let digits = name.dropFirst()
        if digits.first == UInt8(ascii: "x") {
            return digits.count > 1 && digits.dropFirst().allSatisfy { ($0 >= 48 && $0 <= 57) || ($0 | 0x20 >= 97 && $0 | 0x20 <= 102) }
        }
        return digits.allSatisfy { $0 >= 48 && $0 <= 57 }
    }

    private static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }

    /// Adds bytes to the open names.
    private mutating func pushName(_ bytes: UnsafeRawBufferPointer) {
        let room = names.count - namesEnd
        if room < bytes.count { names.append(contentsOf: repeatElement(0, count: max(bytes.count - room, 64))) }
        // Byte by byte: names are a few bytes, shorter than a call to memmove is worth.
        names.withUnsafeMutableBufferPointer { open in
            for k in 0..<bytes.count { open[namesEnd + k] = bytes[k] }
        }
        namesEnd += bytes.count
    }

    /// A whole start or end tag from `i` (just after its `<`) when it lies inside this
    /// buffer, is not a declaration, comment or instruction, and holds no entity; returns
    /// the index after its `>`. Anything else (a tag cut by the buffer's end, a mismatch,
    /// an entity) returns `nil` with nothing changed, and the byte-at-a-time states below
    /// take it, so they alone decide what is broken.
    ///
    /// Measured on the 355 MB of XML of a 100,000-client workbook: dispatching on the state
    /// for every byte of every tag was most of the scan; a sheet's tags are short and
    /// nearly all lie inside one 256 KB buffer.
    private mutating func wholeTag(_ bytes: UnsafeRawBufferPointer, _ i: Int) -> Int? {
        let n = bytes.count
        guard i < n else { return nil }
        let first = bytes[i]
        if first == Self.slashByte {
            guard let start = starts.last else { return nil }
            var j = i + 1
            var k = start
            let matched = names.withUnsafeBufferPointer { open in
                while j < n, k < namesEnd, bytes[j] == open[k] {
                    j += 1
                    k += 1
                }
                return k == namesEnd
            }
            guard matched, j < n, bytes[j] == Self.gt else { return nil }
            starts.removeLast()
            namesEnd = start
            return j + 1
        }
        if first == UInt8(ascii: "?") || first == UInt8(ascii: "!") || first == Self.gt || Self.isSpace(first) { return nil }
        var j = i
        while j < n && !Self.isSpace(bytes[j]) && bytes[j] != Self.gt && bytes[j] != Self.slashByte { j += 1 }
        let nameEnd = j
        while j < n {
            let c = bytes[j]
            if c == Self.gt || c == Self.slashByte { break }
            if c == UInt8(ascii: "\"") || c == UInt8(ascii: "'") {
                var k = j + 1
                while k < n && bytes[k] != c && bytes[k] != Self.amp && bytes[k] != Self.lt { k += 1 }
                guard k < n, bytes[k] == c else { return nil }
                j = k + 1
                continue
            }
            j += 1
        }
        guard j < n else { return nil }
        let closes = bytes[j] == Self.slashByte
        if closes {
            guard j + 1 < n, bytes[j + 1] == Self.gt else { return nil }
            j += 1
        }
        if starts.isEmpty {
            roots += 1
            if roots > 1 { broken = true }
        }
        if !closes {
            starts.append(namesEnd)
            pushName(UnsafeRawBufferPointer(rebasing: bytes[i..<nameEnd]))
        }
        return j + 1
    }

    mutating func feed(_ bytes: UnsafeRawBufferPointer) {
        var i = 0
        let n = bytes.count
        while i < n && !broken {
            let b = bytes[i]
            switch state {
            case .text:
                // Skip to the next tag or entity in one go: the hot path.
                if starts.isEmpty {
                    while i < n && bytes[i] != Self.lt && bytes[i] != Self.amp {
                        if !Self.isSpace(bytes[i]) && roots > 0 { broken = true }  // text after the root
                        i += 1
                    }
                } else {
                    while i < n && bytes[i] != Self.lt && bytes[i] != Self.amp { i += 1 }
                }
                if i < n {
                    if bytes[i] == Self.amp {
                        current.removeAll(keepingCapacity: true)
                        state = .entity(quote: 0)
                    } else if let next = wholeTag(bytes, i + 1) {
                        i = next
                        continue
                    } else {
                        state = .open
                    }
                    i += 1
                }
                continue
            case .entity(let quote):
                if b == UInt8(ascii: ";") {
                    guard Self.knownEntity(current) else {
                        broken = true
                        break
                    }
                    state = quote == 0 ? .text : .quoted(quote)
                } else if current.count > 10 {
                    broken = true
                } else {
                    current.append(b)
                }
            case .open:
                if b == UInt8(ascii: "?") {
                    pending.removeAll(keepingCapacity: true)
                    state = .special(.instruction)
                } else if b == UInt8(ascii: "!") {
                    pending = [b]
                    state = .bang
                } else if b == Self.slashByte {
                    current.removeAll(keepingCapacity: true)
                    state = .endName
                } else if Self.isSpace(b) || b == Self.gt {
                    broken = true
                } else {
                    if starts.isEmpty {
                        roots += 1
                        if roots > 1 { broken = true }
                    }
                    starts.append(namesEnd)
                    withUnsafeBytes(of: b) { pushName($0) }
                    state = .name
                }
            case .bang:
                pending.append(b)
                if pending == Array("!--".utf8) {
                    pending.removeAll(keepingCapacity: true)
                    state = .special(.comment)
                } else if pending == Array("![CDATA[".utf8) {
                    pending.removeAll(keepingCapacity: true)
                    state = .special(.cdata)
                } else if pending.count >= 8 || !(Array("!--".utf8).starts(with: pending) || Array("![CDATA[".utf8).starts(with: pending)) {
                    pending.removeAll(keepingCapacity: true)
                    state = .special(.tail)  // a declaration such as <!DOCTYPE ...>
                }
            case .special(let kind):
                let end = kind.end
                pending.append(b)
                if pending.count > end.count { pending.removeFirst(pending.count - end.count) }
                if pending == end {
                    pending.removeAll(keepingCapacity: true)
                    state = .text
                }
            case .name:
                // The rest of the name in one go.
                var j = i
                while j < n && !Self.isSpace(bytes[j]) && bytes[j] != Self.gt && bytes[j] != Self.slashByte { j += 1 }
                pushName(UnsafeRawBufferPointer(rebasing: bytes[i..<j]))
                i = j
                guard i < n else { continue }
                let c = bytes[i]
                state = c == Self.gt ? .text : c == Self.slashByte ? .slash : .tag
            case .tag:
                // Attributes: skip to the end of the tag or the next quoted value.
                var j = i
                while j < n {
                    let c = bytes[j]
                    if c == Self.gt || c == Self.slashByte || c == UInt8(ascii: "\"") || c == UInt8(ascii: "'") { break }
                    j += 1
                }
                i = j
                guard i < n else { continue }
                let c = bytes[i]
                state = c == Self.gt ? .text : c == Self.slashByte ? .slash : .quoted(c)
            case .slash:
                guard b == Self.gt else {
                    broken = true
                    break
                }
                namesEnd = starts.removeLast()  // <a/>: opened and closed
                state = .text
            case .quoted(let q):
                var j = i
                while j < n && bytes[j] != q && bytes[j] != Self.amp && bytes[j] != Self.lt { j += 1 }
                i = j
                guard i < n else { continue }
                let c = bytes[i]
                if c == q {
                    state = .tag
                } else if c == Self.amp {
                    current.removeAll(keepingCapacity: true)
                    state = .entity(quote: q)
                } else {
                    broken = true
                }
            case .endName:
                if b == Self.gt || Self.isSpace(b) {
                    guard let start = starts.popLast(), names[start..<namesEnd].elementsEqual(current) else {
                        broken = true
                        break
                    }
                    namesEnd = start
                    state = b == Self.gt ? .text : .special(.tail)
                } else {
                    current.append(b)
                }
            }
            i += 1
        }
    }

    /// Whether everything fed so far closes cleanly.
    func finish() -> Bool {
        guard !broken, starts.isEmpty, roots == 1, case .text = state else { return false }
        return true
    }
}
