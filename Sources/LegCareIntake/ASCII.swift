/// Byte-level fast paths for the ASCII text that nearly every input cell is.
///
/// Why: measured with `legcare-bench clients.csv validate`, Unicode-aware trimming,
/// lower-casing and splitting (Character properties, String indexes) were most of the
/// cost of validating a row. Each function here gives exactly what the Unicode path gives
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
