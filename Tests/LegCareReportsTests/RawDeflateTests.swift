import CDeflate
import CLibz
import Foundation
import LegCareCore
import Testing

@testable import LegCareNative
@testable import LegCareReports

/// zlib's raw deflate on ISA-L (Sources/CDeflate): libxlsxwriter's parts go through it,
/// the streams it writes inflate back to their input, and every other stream is zlib's.
@Suite("Raw deflate on ISA-L")
struct RawDeflateTests {
    /// Compresses `input` through zlib's API as minizip does: a raw stream, the input in
    /// pieces of `piece` bytes with Z_NO_FLUSH, an output buffer of `room` bytes emptied
    /// whenever it fills, then Z_FINISH until the stream ends.
    static func compress(_ input: [UInt8], windowBits: Int32 = -15, level: Int32 = Z_DEFAULT_COMPRESSION, piece: Int, room: Int)
        throws -> [UInt8]
    {
        var strm = z_stream()
        let rc = deflateInit2_(
            &strm, level, Z_DEFLATED, windowBits, 8, Z_DEFAULT_STRATEGY, zlibVersion(), Int32(MemoryLayout<z_stream>.size))
        try #require(rc == Z_OK)
        defer { deflateEnd(&strm) }
        var out: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: room)
        var input = input
        try input.withUnsafeMutableBufferPointer { inBytes in
            try buffer.withUnsafeMutableBufferPointer { outBytes in
                func drain() {
                    out.append(contentsOf: outBytes[0..<(room - Int(strm.avail_out))])
                    strm.next_out = outBytes.baseAddress
                    strm.avail_out = uInt(room)
                }
                strm.next_out = outBytes.baseAddress
                strm.avail_out = uInt(room)
                var offset = 0
                while offset < inBytes.count {
                    let n = min(piece, inBytes.count - offset)
                    strm.next_in = inBytes.baseAddress! + offset
                    strm.avail_in = uInt(n)
                    while strm.avail_in > 0 {
                        if strm.avail_out == 0 { drain() }
                        let before = strm.total_out
                        let r = deflate(&strm, Z_NO_FLUSH)
                        try #require(r == Z_OK, "deflate(Z_NO_FLUSH) returned \(r)")
                        #expect(strm.total_out >= before)
                    }
                    offset += n
                }
                var r = Z_OK
                while r == Z_OK {
                    if strm.avail_out == 0 { drain() }
                    r = deflate(&strm, Z_FINISH)
                }
                try #require(r == Z_STREAM_END, "deflate(Z_FINISH) returned \(r)")
                #expect(deflate(&strm, Z_FINISH) == Z_STREAM_END, "finishing again still says the stream has ended")
                drain()
                #expect(Int(strm.total_in) == inBytes.count)
            }
        }
        #expect(Int(strm.total_out) == out.count, "total_out counts every byte handed out, as minizip reads it")
        return out
    }

    /// Inflates a stream with zlib (raw for negative `windowBits`).
    static func inflated(_ data: [UInt8], windowBits: Int32 = -15, size: Int) throws -> [UInt8] {
        var strm = z_stream()
        try #require(inflateInit2_(&strm, windowBits, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK)
        defer { inflateEnd(&strm) }
        var out = [UInt8](repeating: 0, count: size + 1)
        var data = data
        let rc = data.withUnsafeMutableBufferPointer { inBytes in
            out.withUnsafeMutableBufferPointer { outBytes in
                strm.next_in = inBytes.baseAddress
                strm.avail_in = uInt(inBytes.count)
                strm.next_out = outBytes.baseAddress
                strm.avail_out = uInt(outBytes.count)
                return inflate(&strm, Z_FINISH)
            }
        }
        try #require(rc == Z_STREAM_END, "inflate returned \(rc)")
        return Array(out[0..<Int(strm.total_out)])
    }

    /// Sheet-like XML with some noise, so the compressor meets both repeats and literals.
    static func sample(_ count: Int, seed: UInt64) -> [UInt8] {
        var rng = seed
        var bytes: [UInt8] = []
        bytes.reserveCapacity(count)
        while bytes.count < count {
            rng = rng &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            bytes += Array("<row r=\"\(rng >> 48)\"><c t=\"inlineStr\"><is><t>".utf8)
            for _ in 0..<Int(rng >> 60) { bytes.append(UInt8(truncatingIfNeeded: rng >> 20) | 0x20) }
            bytes += Array("</t></is></c></row>".utf8)
        }
        return Array(bytes.prefix(count))
    }

    @Test(
        "a raw stream goes through ISA-L and inflates back to its input, whatever the pieces and the output room",
        arguments: [(0, 1, 1), (1, 7, 3), (70_000, 65_536, 65_536), (1_000_003, 4_096, 1_000), (2_000_000, 1 << 20, 17)])
    func roundTrip(size: Int, piece: Int, room: Int) throws {
        let input = Self.sample(size, seed: UInt64(size))
        let before = legcare_isal_deflate_streams()
        let packed = try Self.compress(input, piece: piece, room: room)
        #expect(legcare_isal_deflate_streams() > before, "the stream was ISA-L's")
        #expect(try Self.inflated(packed, size: size) == input)
        #expect(try Self.compress(input, piece: piece, room: room) == packed, "the same input gives the same bytes")
    }

    @Test("every level from 1 to 9, and the default, goes through ISA-L and inflates back")
    func levels() throws {
        let input = Self.sample(300_000, seed: 9)
        for level in [Z_DEFAULT_COMPRESSION] + Array(1...9) {
            let before = legcare_isal_deflate_streams()
            let packed = try Self.compress(input, level: level, piece: 65_536, room: 65_536)
            #expect(legcare_isal_deflate_streams() > before, "level \(level) was ISA-L's")
            #expect(try Self.inflated(packed, size: input.count) == input, "level \(level)")
            #expect(packed.count < input.count / 2, "XML compresses well at level \(level)")
        }
    }

    @Test("a zlib-wrapped stream, or a raw one at level 0, stays zlib's")
    func othersStayZlib() throws {
        let input = Self.sample(100_000, seed: 3)
        let before = legcare_isal_deflate_streams()
        let wrapped = try Self.compress(input, windowBits: 15, piece: 10_000, room: 4_096)
        #expect(wrapped.first == 0x78, "zlib's header")
        #expect(try Self.inflated(wrapped, windowBits: 15, size: input.count) == input)
        let stored = try Self.compress(input, level: 0, piece: 10_000, room: 4_096)
        #expect(try Self.inflated(stored, size: input.count) == input)
        #expect(legcare_isal_deflate_streams() == before, "neither was taken")
    }

    @Test("libxlsxwriter's parts are deflated by ISA-L, and the workbook reads back")
    func workbookGoesThrough() throws {
        let dir = try temporaryFolder("raw-deflate")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/summary.xlsx"
        let before = legcare_isal_deflate_streams()
        let crcBefore = legcare_isal_crc32_bytes()
        let wb = try Workbook(path: path, tmpdir: dir, constantMemory: true, created: Day(iso: "2026-11-23")!, title: "t")
        _ = try wb.addSheet("Clients")
        try wb.close()
        #expect(legcare_isal_deflate_streams() > before, "minizip's calls reached the ISA-L entry points")
        #expect(legcare_isal_crc32_bytes() > crcBefore, "minizip's CRC-32s were ISA-L's")
        let sheets = try #require(try readWithOpenpyxl(path)["sheets"] as? [String])
        #expect(sheets == ["Clients"])
    }

    /// The CRC-32 of zip and gzip a bit at a time, straight from its definition (reflected
    /// polynomial 0xEDB88320, inverted before and after): the reference for zlib's API.
    static func bitwiseCRC32(_ crc: UInt32, _ bytes: ArraySlice<UInt8>) -> UInt32 {
        var c = ~crc
        for byte in bytes {
            c ^= UInt32(byte)
            for _ in 0..<8 { c = c & 1 == 1 ? (c >> 1) ^ 0xEDB8_8320 : c >> 1 }
        }
        return ~c
    }

    /// zlib's crc32 and crc32_z, as this process resolves them (ISA-L's, see deflate_isal.c).
    static func zlibCRC(_ crc: UInt32, _ bytes: ArraySlice<UInt8>, z: Bool) -> UInt32 {
        bytes.withUnsafeBufferPointer { b in
            UInt32(z ? crc32_z(uLong(crc), b.baseAddress, b.count) : crc32(uLong(crc), b.baseAddress, uInt(b.count)))
        }
    }

    @Test("zlib's CRC-32 on ISA-L: the standard check value, the starting value, and the definition at every length")
    func crc32MatchesDefinition() {
        #expect(crc32(0, nil, 0) == 0, "a null buffer asks for the starting value")
        #expect(Self.zlibCRC(0, ArraySlice("123456789".utf8), z: false) == 0xCBF4_3926, "the check value of CRC-32")
        #expect(Self.zlibCRC(0, ArraySlice("123456789".utf8), z: true) == 0xCBF4_3926)
        let data = Self.sample(70_000, seed: 5)
        let before = legcare_isal_crc32_bytes()
        // Lengths around the vector widths, at unaligned starts, and a long run.
        let cases = [(0, 0), (1, 1), (3, 15), (5, 16), (7, 31), (0, 63), (9, 64), (11, 65), (13, 255), (2, 4_099), (1, 69_999)]
        for (start, length) in cases {
            let slice = data[start..<(start + length)]
            let want = Self.bitwiseCRC32(0, slice)
            #expect(Self.zlibCRC(0, slice, z: false) == want, "crc32 of \(length) bytes from \(start)")
            #expect(Self.zlibCRC(0, slice, z: true) == want, "crc32_z of \(length) bytes from \(start)")
        }
        #expect(legcare_isal_crc32_bytes() - before == UInt64(2 * cases.map(\.1).reduce(0, +)), "every byte went through ISA-L")
    }

    @Test("a running CRC-32 carried over any split is the CRC-32 of the whole, as minizip computes it piece by piece")
    func crc32Chains() {
        let data = Self.sample(100_000, seed: 11)
        let whole = Self.bitwiseCRC32(0, data[...])
        for piece in [1, 7, 4_096, 16_384, 65_535] {
            var crc = UInt32(crc32(0, nil, 0))
            var offset = 0
            while offset < data.count {
                let end = min(offset + piece, data.count)
                crc = Self.zlibCRC(crc, data[offset..<end], z: piece % 2 == 0)
                offset = end
            }
            #expect(crc == whole, "in pieces of \(piece)")
        }
        // Carried from the reference into the library and back.
        let half = Self.bitwiseCRC32(0, data[..<50_000])
        #expect(Self.zlibCRC(half, data[50_000...], z: true) == whole)
        #expect(Self.bitwiseCRC32(Self.zlibCRC(0, data[..<50_000], z: false), data[50_000...]) == whole)
    }
}
