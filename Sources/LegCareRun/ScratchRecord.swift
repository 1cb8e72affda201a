/// The byte layout of records kept in a ``ScratchRows`` file by ``PendingBookings`` and
/// ``Squad``: numbers little-endian, texts as their UTF-8 length (32 bits) then the bytes,
/// a missing text as the length `UInt32.max`. Written and read by the same run only, so
/// nothing outside the run depends on it.
package enum ScratchRecord {
    /// The length that stands for no text.
    package static let none = UInt32.max

    /// One record's bytes, built field by field; `reset()` reuses its storage.
    package struct Writer {
        package private(set) var bytes: [UInt8] = []

        package init() {}

        package mutating func reset() { bytes.removeAll(keepingCapacity: true) }
        package mutating func put(_ v: UInt8) { bytes.append(v) }
        /// Raw bytes to the record's end (read back with ``Reader/rest()``).
        package mutating func put(raw: [UInt8]) { bytes += raw }
        package mutating func put(_ v: UInt32) { ScratchRows.put(v, into: &bytes) }
        /// A whole number in 64 bits.
        package mutating func put(_ v: Int) {
            let u = UInt64(bitPattern: Int64(v))
            put(UInt32(truncatingIfNeeded: u))
            put(UInt32(truncatingIfNeeded: u >> 32))
        }
        /// A whole number in 32 bits, clamped to that range.
        package mutating func put(int32 v: Int) { put(UInt32(bitPattern: Int32(clamping: v))) }
        /// A number bit for bit, so it reads back exactly.
        package mutating func put(_ v: Double) { put(Int(Int64(bitPattern: v.bitPattern))) }
        package mutating func put(_ text: String?) {
            guard let text else { return put(ScratchRecord.none) }
            put(UInt32(text.utf8.count))
            bytes.append(contentsOf: text.utf8)
        }
        /// A list of texts: its count, then each text.
        package mutating func put(_ texts: [String]) {
            put(UInt32(texts.count))
            for text in texts { put(text) }
        }
        /// Whether a value follows (1) or not (0), then the value.
        package mutating func put<T>(_ value: T?, _ write: (inout Self, T) -> Void) {
            put(UInt8(value == nil ? 0 : 1))
            if let value { write(&self, value) }
        }
    }

    /// Reads a record's fields back in the order ``Writer`` put them.
    package struct Reader {
        private let bytes: ArraySlice<UInt8>
        private var at: Int

        package init(_ bytes: ArraySlice<UInt8>) {
            self.bytes = bytes
            at = bytes.startIndex
        }

        package mutating func u8() -> UInt8 {
            defer { at += 1 }
            return bytes[at]
        }
        package mutating func u32() -> UInt32 {
            defer { at += 4 }
            return UInt32(ScratchRows.uint32(bytes, at: at))
        }
        package mutating func int() -> Int {
            let low = UInt64(u32())
            return Int(Int64(bitPattern: low | UInt64(u32()) << 32))
        }
        package mutating func int32() -> Int { Int(Int32(bitPattern: u32())) }
        package mutating func double() -> Double { Double(bitPattern: UInt64(bitPattern: Int64(int()))) }
        package mutating func text() -> String? {
            let n = u32()
            guard n != ScratchRecord.none else { return nil }
            defer { at += Int(n) }
            return String(decoding: bytes[at..<(at + Int(n))], as: UTF8.self)
        }
        package mutating func texts() -> [String] { (0..<u32()).map { _ in text() ?? "" } }
        /// The bytes after the fields read so far (a record that ends in raw bytes).
        package mutating func rest() -> ArraySlice<UInt8> {
            defer { at = bytes.endIndex }
            return bytes[at...]
        }
        /// A value ``Writer/put(_:_:)`` wrote, or nil.
        package mutating func optional<T>(_ read: (inout Self) -> T) -> T? { u8() == 0 ? nil : read(&self) }
    }
}
