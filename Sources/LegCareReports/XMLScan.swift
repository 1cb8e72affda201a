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
struct XMLScan {
    private enum State {
        case text, open, name, endName, tag, slash
        case quoted(UInt8)
        case bang
        case special(end: [UInt8])
        /// Inside `&...;`, then back to text (`quote` 0) or to a quoted attribute value.
        case entity(quote: UInt8)
    }

    private var state = State.text
    private var stack: [[UInt8]] = []
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

    mutating func feed(_ bytes: UnsafeRawBufferPointer) {
        var i = 0
        let n = bytes.count
        while i < n && !broken {
            let b = bytes[i]
            switch state {
            case .text:
                // Skip to the next tag or entity in one go: the hot path.
                while i < n && bytes[i] != Self.lt && bytes[i] != Self.amp {
                    if stack.isEmpty && !Self.isSpace(bytes[i]) && roots > 0 { broken = true }  // text after the root
                    i += 1
                }
                if i < n {
                    if bytes[i] == Self.amp {
                        current.removeAll(keepingCapacity: true)
                        state = .entity(quote: 0)
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
                    state = .special(end: Array("?>".utf8))
                } else if b == UInt8(ascii: "!") {
                    pending = [b]
                    state = .bang
                } else if b == Self.slashByte {
                    current.removeAll(keepingCapacity: true)
                    state = .endName
                } else if Self.isSpace(b) || b == Self.gt {
                    broken = true
                } else {
                    if stack.isEmpty {
                        roots += 1
                        if roots > 1 { broken = true }
                    }
                    current = [b]
                    state = .name
                }
            case .bang:
                pending.append(b)
                if pending == Array("!--".utf8) {
                    state = .special(end: Array("-->".utf8))
                } else if pending == Array("![CDATA[".utf8) {
                    state = .special(end: Array("]]>".utf8))
                } else if pending.count >= 8 || !(Array("!--".utf8).starts(with: pending) || Array("![CDATA[".utf8).starts(with: pending)) {
                    state = .special(end: [Self.gt])  // a declaration such as <!DOCTYPE ...>
                }
            case .special(let end):
                pending.append(b)
                if pending.count > end.count { pending.removeFirst(pending.count - end.count) }
                if pending == end {
                    pending.removeAll()
                    state = .text
                }
            case .name:
                if Self.isSpace(b) {
                    stack.append(current)
                    state = .tag
                } else if b == Self.gt {
                    stack.append(current)
                    state = .text
                } else if b == Self.slashByte {
                    stack.append(current)
                    state = .slash
                } else {
                    current.append(b)
                }
            case .tag:
                if b == Self.gt {
                    state = .text
                } else if b == Self.slashByte {
                    state = .slash
                } else if b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") {
                    state = .quoted(b)
                }
            case .slash:
                guard b == Self.gt else {
                    broken = true
                    break
                }
                stack.removeLast()  // <a/>: opened and closed
                state = .text
            case .quoted(let q):
                if b == q {
                    state = .tag
                } else if b == Self.amp {
                    current.removeAll(keepingCapacity: true)
                    state = .entity(quote: q)
                } else if b == Self.lt {
                    broken = true
                }
            case .endName:
                if b == Self.gt || Self.isSpace(b) {
                    guard let open = stack.popLast(), open == current else {
                        broken = true
                        break
                    }
                    state = b == Self.gt ? .text : .special(end: [Self.gt])
                } else {
                    current.append(b)
                }
            }
            i += 1
        }
    }

    /// Whether everything fed so far closes cleanly.
    func finish() -> Bool {
        guard !broken, stack.isEmpty, roots == 1, case .text = state else { return false }
        return true
    }
}
