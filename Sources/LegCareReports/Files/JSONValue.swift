import LegCareCore

/// A JSON value with ordered object keys and explicit nulls.
///
/// Why our own: `plans.jsonl` must carry explicit `null`s and a stable key order for
/// byte-identical output; `JSONEncoder` drops nil optionals and would need a hand-written
/// `encode(to:)` per type anyway. Serialising this small tree is a few lines.
enum JSONValue: Equatable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    static func == (lhs: JSONValue, rhs: JSONValue) -> Bool { lhs.serialized() == rhs.serialized() }

    /// Compact JSON text, keys in the order given.
    func serialized() -> String {
        var json = JSONWriter()
        write(to: &json)
        return String(decoding: json.bytes, as: UTF8.self)
    }

    private func write(to json: inout JSONWriter) {
        switch self {
        case .null: json.null()
        case .bool(let b): json.bool(b)
        case .int(let i): json.int(i)
        case .double(let d): json.double(d)
        case .string(let s): json.string(s)
        case .array(let items):
            json.beginArray()
            for item in items { item.write(to: &json) }
            json.endArray()
        case .object(let pairs):
            json.beginObject()
            for (key, value) in pairs {
                json.key(key)
                value.write(to: &json)
            }
            json.endObject()
        }
    }
}

/// Compact JSON written straight into bytes, commas placed by the writer.
///
/// Why: a line built as a ``JSONValue`` tree, then serialised, cost several times this
/// (docs/performance.md); `golden/plans.jsonl` proves the bytes the same.
struct JSONWriter {
    private let out: ByteBuffer
    /// A value or key was written at this level, so the next one needs a comma.
    private var needsComma = false

    init(capacity: Int = 2048) { out = ByteBuffer(capacity: capacity) }

    /// What was written so far.
    var bytes: [UInt8] { out.array }

    mutating func beginObject() {
        separate()
        out.append(UInt8(ascii: "{"))
        needsComma = false
    }

    mutating func endObject() {
        out.append(UInt8(ascii: "}"))
        needsComma = true
    }

    mutating func beginArray() {
        separate()
        out.append(UInt8(ascii: "["))
        needsComma = false
    }

    mutating func endArray() {
        out.append(UInt8(ascii: "]"))
        needsComma = true
    }

    /// An object key; the value written next belongs to it.
    mutating func key(_ name: String) {
        separate()
        quote(name)
        out.append(UInt8(ascii: ":"))
        needsComma = false
    }

    /// A key known when compiling (plain ASCII, nothing to escape), copied as it is.
    mutating func field(_ name: StaticString) {
        separate()
        out.append(UInt8(ascii: "\""))
        out.append(UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
        out.append(UInt8(ascii: "\""))
        out.append(UInt8(ascii: ":"))
        needsComma = false
    }

    /// Ends a line of JSON Lines.
    mutating func newline() { out.append(0x0A) }

    mutating func null() { raw("null") }
    mutating func bool(_ b: Bool) { raw(b ? "true" : "false") }

    mutating func int(_ i: Int) {
        separate()
        out.appendDecimal(i)
        needsComma = true
    }

    /// Finite by construction (rounded load figures); integers keep a ".0"-free form.
    mutating func double(_ d: Double) {
        if d.isFinite, d == d.rounded(), abs(d) < 1e15 {
            int(Int(d))
        } else if d.isFinite {
            raw(d.description)
        } else {
            raw("null")
        }
    }

    mutating func string(_ s: String) {
        separate()
        quote(s)
        needsComma = true
    }

    /// `string(s)`, or `null` for nil.
    mutating func string(_ s: String?) {
        if let s { string(s) } else { null() }
    }

    /// A day as a `YYYY-MM-DD` string.
    mutating func day(_ day: Day) {
        let p = day.parts
        guard (0...9999).contains(p.year) else { return string(day.description) }
        separate()
        out.append(UInt8(ascii: "\""))
        out.appendDecimal(p.year, digits: 4)
        out.append(UInt8(ascii: "-"))
        out.appendDecimal(p.month, digits: 2)
        out.append(UInt8(ascii: "-"))
        out.appendDecimal(p.day, digits: 2)
        out.append(UInt8(ascii: "\""))
        needsComma = true
    }

    /// `int(i)`, or `null` for nil.
    mutating func int(_ i: Int?) {
        if let i { int(i) } else { null() }
    }

    /// `double(d)`, or `null` for nil.
    mutating func double(_ d: Double?) {
        if let d { double(d) } else { null() }
    }

    /// An array of strings.
    mutating func strings<S: Sequence<String>>(_ items: S) {
        beginArray()
        for item in items { string(item) }
        endArray()
    }

    private mutating func separate() {
        if needsComma { out.append(UInt8(ascii: ",")) }
    }

    private mutating func raw(_ text: String) {
        separate()
        var text = text
        text.withUTF8 { out.append($0) }
        needsComma = true
    }

    /// Whether any byte is a control character, `"`, `\` or 0xE2 (which starts U+2028 and
    /// U+2029), eight bytes at a time: the reasons make most of a line's text.
    /// (The word tricks are the classic "has a zero byte" and "has a byte less than n".)
    static func needsEscape(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        func hasZero(_ v: UInt64) -> Bool { (v &- ones) & ~v & highs != 0 }
        var i = 0
        if let base = utf8.baseAddress {
            let raw = UnsafeRawPointer(base)
            while i + 8 <= utf8.count {
                let w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                if (w &- ones &* 0x20) & ~w & highs != 0 || hasZero(w ^ (ones &* 0x22)) || hasZero(w ^ (ones &* 0x5C))
                    || hasZero(w ^ (ones &* 0xE2))
                {
                    return true
                }
                i += 8
            }
        }
        while i < utf8.count {
            let byte = utf8[i]
            if byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0xE2 { return true }
            i += 1
        }
        return false
    }

    private mutating func quote(_ s: String) {
        out.append(UInt8(ascii: "\""))
        // Most strings need no escape at all: append them whole, scanned through the
        // string's own storage (escaping scalar by scalar was most of a line's cost).
        var s = s
        let plain = s.withUTF8 { utf8 -> Bool in
            guard !Self.needsEscape(utf8) else { return false }
            out.append(utf8)
            return true
        }
        if !plain {
            for scalar in s.unicodeScalars {
                switch scalar {
                case "\"": out.append("\\\"")
                case "\\": out.append("\\\\")
                case "\n": out.append("\\n")
                case "\r": out.append("\\r")
                case "\t": out.append("\\t")
                case _ where scalar.value < 0x20 || scalar.value == 0x2028 || scalar.value == 0x2029:
                    let hex = String(scalar.value, radix: 16)
                    out.append("\\u" + String(repeating: "0", count: 4 - hex.count) + hex)
                default: out.append(String(scalar))
                }
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}

/// A growable byte buffer that owns its memory: appends are a capacity check and a copy.
final class ByteBuffer {
    private var base: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private(set) var count = 0

    init(capacity: Int) {
        self.capacity = max(capacity, 16)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    var array: [UInt8] { Array(UnsafeBufferPointer(start: base, count: count)) }

    @inline(__always) private func reserve(_ extra: Int) {
        if count + extra > capacity { grow(to: count + extra) }
    }

    private func grow(to needed: Int) {
        var size = capacity * 2
        while size < needed { size *= 2 }
        let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: size)
        bigger.update(from: base, count: count)
        base.deallocate()
        base = bigger
        capacity = size
    }

    @inline(__always) func append(_ byte: UInt8) {
        reserve(1)
        base[count] = byte
        count += 1
    }

    func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let from = bytes.baseAddress, !bytes.isEmpty else { return }
        reserve(bytes.count)
        (base + count).update(from: from, count: bytes.count)
        count += bytes.count
    }

    func append(_ text: String) {
        var text = text
        text.withUTF8 { append($0) }
    }

    /// `n` in decimal, at least `digits` digits (zeros in front).
    func appendDecimal(_ n: Int, digits: Int = 1) {
        if n < 0 && n != Int.min {
            append(UInt8(ascii: "-"))
            return appendDecimal(-n, digits: digits)
        }
        guard n >= 0 else { return append(String(n)) }
        var v = UInt(n)
        var length = 1
        var scale: UInt = 10
        while length < 20 && v >= scale {
            length += 1
            if scale > UInt.max / 10 { break }
            scale *= 10
        }
        length = max(length, digits)
        reserve(length)
        var i = count + length - 1
        for _ in 0..<length {
            base[i] = UInt8(ascii: "0") + UInt8(v % 10)
            v /= 10
            i -= 1
        }
        count += length
    }
}
