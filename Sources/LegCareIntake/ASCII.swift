/// Byte-level fast paths for the ASCII text that nearly every input cell is.
///
/// Why: Unicode-aware trimming, lower-casing and splitting were most of the cost of
/// validating a row (`legcare-bench clients.csv validate`). Each function here gives exactly what the Unicode path gives
/// for ASCII input, and the callers keep that path for everything else.
enum ASCII {
    /// Whether every byte is below 0x80.
    static func all(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        if let base = bytes.baseAddress {
            let raw = UnsafeRawPointer(base)
            while i + 8 <= bytes.count {
                if raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { return false }
                i += 8
            }
        }
        while i < bytes.count {
            if bytes[i] >= 0x80 { return false }
            i += 1
        }
        return true
    }

    /// Unicode white space among ASCII: tab, line feed, vertical tab, form feed, carriage
    /// return and space (U+0009-U+000D, U+0020).
    @inline(__always) static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (0x09...0x0D).contains(byte) }

    /// A byte as token and header names are normalised: `-` and space become `_`,
    /// capitals lower case.
    @inline(__always) static func normal(_ c: UInt8) -> UInt8 {
        c == 0x2D || c == 0x20 ? 0x5F : (0x41...0x5A).contains(c) ? c + 0x20 : c
    }

    /// The range without white space at either end.
    static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Range<Int> {
        var lo = range.lowerBound
        var hi = range.upperBound
        while lo < hi && isSpace(bytes[lo]) { lo += 1 }
        while hi > lo && isSpace(bytes[hi - 1]) { hi -= 1 }
        return lo..<hi
    }

    /// The bytes of `range` as a String (they are ASCII, so valid UTF-8).
    static func string(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }
}

/// A closed vocabulary looked up on a cell's bytes, as ``ValueParser/token(_:_:aliases:)``
/// looks it up on text: white space trimmed, case ignored, `-` and space read as `_`.
///
/// Why: making a String of each token to match it was a tenth of validating a row. This compares bytes with each case's raw value, with no String made; a cell that
/// matches nothing still goes through the text path, which words the diagnostic.
struct TokenTable<T: RawRepresentable & CaseIterable & Sendable>: Sendable where T.RawValue == String {
    private let entries: [(bytes: [UInt8], value: T)]

    init(aliases: [String: T] = [:]) {
        entries =
            T.allCases.map { (Array($0.rawValue.utf8), $0) }
            + aliases.sorted { $0.key < $1.key }.map { (Array($0.key.utf8), $0.value) }
    }

    /// The case the ASCII bytes of `range` name, or `nil` when they name none.
    func lookup(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> T? {
        let range = ASCII.trimmed(bytes, range)
        for entry in entries where entry.bytes.count == range.count {
            var i = range.lowerBound
            var same = true
            for expected in entry.bytes {
                if ASCII.normal(bytes[i]) != expected {
                    same = false
                    break
                }
                i += 1
            }
            if same { return entry.value }
        }
        return nil
    }
}

extension ASCII {
    /// A whole number written as plain digits (at most 9), or `nil` for anything else
    /// (signs and other forms are left to `Int(String)`).
    static func digits(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int? {
        guard !range.isEmpty, range.count <= 9 else { return nil }
        var n = 0
        for i in range {
            let b = bytes[i]
            guard b >= 0x30, b <= 0x39 else { return nil }
            n = n * 10 + Int(b - 0x30)
        }
        return n
    }
}
