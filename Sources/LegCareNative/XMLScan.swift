import Foundation

/// Checks that XML is well-formed in structure, streaming: every element that opens
/// closes, in order, with the same name; nothing is cut short inside a tag, comment,
/// CDATA section or quoted attribute; there is exactly one root.
///
/// Why our own: FoundationXML's delegate parser took minutes on a large Clients sheet;
/// this scanner reads bytes once and keeps only the stack of open names. It does not validate
/// entities or names beyond their bytes: libxlsxwriter writes those, and a part damaged
/// on disk is caught by the CRC-32 of every part before this runs.
///
/// Open names are kept as one byte buffer, the state carries no payload, and text and
/// whole tags are scanned in one tight loop (docs/performance.md).
package struct XMLScan: ~Copyable {
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

        package var end: [UInt8] {
            switch self {
            case .instruction: Array("?>".utf8)
            case .comment: Array("-->".utf8)
            case .cdata: Array("]]>".utf8)
            case .tail: [UInt8(ascii: ">")]
            }
        }
    }

    private var state = State.text
    /// The names of the open elements, end to end, and where each starts (`starts`,
    /// `depth` of them). Not Swift arrays, whose uniqueness checks showed in the profile:
    /// the scanner is not copyable, so it owns these buffers outright.
    private var names: UnsafeMutablePointer<UInt8>
    private var namesCapacity = 256
    private var namesEnd = 0
    private var starts: UnsafeMutablePointer<Int>
    private var startsCapacity = 32
    private var depth = 0
    private var current: [UInt8] = []
    private var pending: [UInt8] = []
    private var roots = 0
    private var broken = false
    /// How far into U+FFFE or U+FFFF (EF BF BE, EF BF BF) the last bytes fed went: 0-2.
    private var nonCharacterPrefix = 0

    package init() {
        names = .allocate(capacity: namesCapacity)
        starts = .allocate(capacity: startsCapacity)
    }

    deinit {
        names.deallocate()
        starts.deallocate()
    }

    /// Whether the whole of `data` is well-formed.
    package static func wellFormed(_ data: Data) -> Bool {
        var scan = XMLScan()
        data.withUnsafeBytes { scan.feed(UnsafeRawBufferPointer($0)) }
        return scan.finish()
    }

    private static let lt = UInt8(ascii: "<"), gt = UInt8(ascii: ">"), slashByte = UInt8(ascii: "/"), amp = UInt8(ascii: "&")

    /// What stops each of the fast loops, one bit per loop, by byte: one table load in
    /// place of two to six comparisons a byte.
    private static let endsName: UInt8 = 1, endsAttributes: UInt8 = 2, endsDoubleQuoted: UInt8 = 4, endsSingleQuoted: UInt8 = 8
    private static let endsText: UInt8 = 16
    /// Immutable once built, so it is safe to read from any thread.
    nonisolated(unsafe) private static let stops: UnsafePointer<UInt8> = {
        let table = UnsafeMutablePointer<UInt8>.allocate(capacity: 256)
        table.initialize(repeating: 0, count: 256)
        func mark(_ bytes: String, _ bit: UInt8) { for b in bytes.utf8 { table[Int(b)] |= bit } }
        mark(" \t\n\r>/", endsName)
        mark(">/\"'", endsAttributes)
        mark("\"&<", endsDoubleQuoted)
        mark("'&<", endsSingleQuoted)
        mark("<&", endsText)
        return UnsafePointer(table)
    }()

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

    /// Opens an element whose name starts with `count` bytes at `bytes`.
    @inline(__always)
    private mutating func open(_ bytes: UnsafePointer<UInt8>, count: Int) {
        if depth == startsCapacity {
            let grown = UnsafeMutablePointer<Int>.allocate(capacity: startsCapacity * 2)
            grown.moveInitialize(from: starts, count: depth)
            starts.deallocate()
            starts = grown
            startsCapacity *= 2
        }
        starts[depth] = namesEnd
        depth += 1
        pushName(bytes, count: count)
    }

    /// Adds bytes to the innermost open name.
    @inline(__always)
    private mutating func pushName(_ bytes: UnsafePointer<UInt8>, count: Int) {
        if namesEnd + count > namesCapacity {
            let capacity = max(namesCapacity * 2, namesEnd + count)
            let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
            grown.moveInitialize(from: names, count: namesEnd)
            names.deallocate()
            names = grown
            namesCapacity = capacity
        }
        // Byte by byte: names are a few bytes, shorter than a call to memmove is worth.
        for k in 0..<count { names[namesEnd + k] = bytes[k] }
        namesEnd += count
    }

    /// Closes the innermost open element.
    private mutating func close() {
        depth -= 1
        namesEnd = starts[depth]
    }

    /// A whole start or end tag from `i` (just after its `<`) when it lies inside this
    /// buffer, is not a declaration, comment or instruction, and holds no entity; returns
    /// the index after its `>`. Anything else (a tag cut by the buffer's end, a mismatch,
    /// an entity) returns `nil` with nothing changed, and the byte-at-a-time states below
    /// take it, so they alone decide what is broken.
    ///
    /// Dispatching on the state for every byte of every tag was most of the scan; a
    /// sheet's tags are short and nearly all lie inside one buffer.
    @inline(__always)
    private mutating func wholeTag(_ bytes: UnsafePointer<UInt8>, _ n: Int, _ i: Int, _ stops: UnsafePointer<UInt8>) -> Int? {
        guard i < n else { return nil }
        let first = bytes[i]
        if first == Self.slashByte {
            guard depth > 0 else { return nil }
            let start = starts[depth - 1]
            let length = namesEnd - start
            guard i + 1 + length < n, bytes[i + 1 + length] == Self.gt else { return nil }
            for k in 0..<length where bytes[i + 1 + k] != names[start + k] { return nil }
            close()
            return i + 2 + length
        }
        if first == UInt8(ascii: "?") || first == UInt8(ascii: "!") || first == Self.gt || Self.isSpace(first) { return nil }
        var j = i
        while j < n && stops[Int(bytes[j])] & Self.endsName == 0 { j += 1 }
        let nameEnd = j
        while j < n {
            let c = bytes[j]
            if stops[Int(c)] & Self.endsAttributes == 0 {
                j += 1
                continue
            }
            if c == Self.gt || c == Self.slashByte { break }
            let ends = c == UInt8(ascii: "\"") ? Self.endsDoubleQuoted : Self.endsSingleQuoted
            var k = j + 1
            while k < n && stops[Int(bytes[k])] & ends == 0 { k += 1 }
            guard k < n, bytes[k] == c else { return nil }
            j = k + 1
        }
        guard j < n else { return nil }
        let closes = bytes[j] == Self.slashByte
        if closes {
            guard j + 1 < n, bytes[j + 1] == Self.gt else { return nil }
            j += 1
        }
        if depth == 0 {
            roots += 1
            if roots > 1 { broken = true }
        }
        if !closes { open(bytes + i, count: nameEnd - i) }
        return j + 1
    }

    package mutating func feed(_ buffer: UnsafeRawBufferPointer) {
        guard let base = buffer.baseAddress else { return }
        // A character XML forbids makes the part damaged: readers refuse or repair it.
        if !broken && containsForbiddenCharacter(base, buffer.count) { broken = true }
        let bytes = base.assumingMemoryBound(to: UInt8.self)
        let stops = Self.stops
        var i = 0
        let n = buffer.count
        while i < n && !broken {
            let b = bytes[i]
            switch state {
            case .text:
                // Text and whole tags in one loop, without going back through the state
                // for each tag: the hot path.
                while true {
                    if depth == 0 {
                        while i < n && bytes[i] != Self.lt && bytes[i] != Self.amp {
                            if !Self.isSpace(bytes[i]) && roots > 0 { broken = true }  // text after the root
                            i += 1
                        }
                    } else {
                        while i < n && stops[Int(bytes[i])] & Self.endsText == 0 { i += 1 }
                    }
                    guard i < n, !broken else { break }
                    if bytes[i] == Self.amp {
                        current.removeAll(keepingCapacity: true)
                        state = .entity(quote: 0)
                    } else if let next = wholeTag(bytes, n, i + 1, stops) {
                        i = next
                        continue
                    } else {
                        state = .open
                    }
                    i += 1
                    break
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
                    if depth == 0 {
                        roots += 1
                        if roots > 1 { broken = true }
                    }
                    open(bytes + i, count: 1)
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
                while j < n && stops[Int(bytes[j])] & Self.endsName == 0 { j += 1 }
                pushName(bytes + i, count: j - i)
                i = j
                guard i < n else { continue }
                let c = bytes[i]
                state = c == Self.gt ? .text : c == Self.slashByte ? .slash : .tag
            case .tag:
                // Attributes: skip to the end of the tag or the next quoted value.
                var j = i
                while j < n && stops[Int(bytes[j])] & Self.endsAttributes == 0 { j += 1 }
                i = j
                guard i < n else { continue }
                let c = bytes[i]
                state = c == Self.gt ? .text : c == Self.slashByte ? .slash : .quoted(c)
            case .slash:
                guard b == Self.gt else {
                    broken = true
                    break
                }
                close()  // <a/>: opened and closed
                state = .text
            case .quoted(let q):
                let ends = q == UInt8(ascii: "\"") ? Self.endsDoubleQuoted : Self.endsSingleQuoted
                var j = i
                while j < n && stops[Int(bytes[j])] & ends == 0 { j += 1 }
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
                    guard depth > 0,
                        UnsafeBufferPointer(start: names + starts[depth - 1], count: namesEnd - starts[depth - 1]).elementsEqual(current)
                    else {
                        broken = true
                        break
                    }
                    close()
                    state = b == Self.gt ? .text : .special(.tail)
                } else {
                    current.append(b)
                }
            }
            i += 1
        }
    }

    /// Whether `n` bytes at `base` hold a character XML 1.0 forbids: a C0 control other
    /// than tab, line feed and carriage return, or U+FFFE or U+FFFF. Eight bytes at a time:
    /// a word is looked at byte by byte only when it holds a byte under 0x20 or an 0xEF.
    private mutating func containsForbiddenCharacter(_ base: UnsafeRawPointer, _ n: Int) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        var i = 0
        while i < n {
            if nonCharacterPrefix == 0 && i + 8 <= n {
                let word = base.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                let under20 = (word &- ones &* 0x20) & ~word & highs
                let xorEF = word ^ (ones &* 0xEF)
                let hasEF = (xorEF &- ones) & ~xorEF & highs
                if under20 == 0 && hasEF == 0 {
                    i += 8
                    continue
                }
            }
            let b = base.load(fromByteOffset: i, as: UInt8.self)
            if b < 0x20 && b != 0x09 && b != 0x0A && b != 0x0D { return true }
            switch (nonCharacterPrefix, b) {
            case (_, 0xEF): nonCharacterPrefix = 1
            case (1, 0xBF): nonCharacterPrefix = 2
            case (2, 0xBE), (2, 0xBF): return true
            default: nonCharacterPrefix = 0
            }
            i += 1
        }
        return false
    }

    /// Whether everything fed so far closes cleanly.
    package func finish() -> Bool {
        guard !broken, depth == 0, roots == 1, case .text = state else { return false }
        return true
    }
}
