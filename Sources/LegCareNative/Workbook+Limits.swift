import Foundation

/// What Excel limits and the C library leaves to the caller: literal `_xHHHH_` escapes,
/// the cell limit, column letters.
extension Workbook {
    /// `s` with every character XML 1.0 forbids (C0 controls but tab and line feed, and
    /// U+FFFE, U+FFFF) replaced by U+FFFD: libxlsxwriter writes text as it gets it, and one
    /// such character makes a part that readers refuse.
    package static func xmlSafe(_ s: String) -> String {
        var s = s
        let clean = s.withUTF8 { b in
            !b.contains { ($0 < 0x20 && $0 != 0x09 && $0 != 0x0A) || $0 == 0xEF }
        }
        if clean { return s }
        var out = String.UnicodeScalarView()
        for scalar in s.unicodeScalars {
            let v = scalar.value
            let forbidden = (v < 0x20 && v != 0x09 && v != 0x0A) || v == 0xFFFE || v == 0xFFFF
            out.append(forbidden ? "\u{FFFD}" : scalar)
        }
        return String(out)
    }

    /// A literal `_xHHHH_` would be read by Excel as an escaped character: escape its `_`.
    package static func escapeLiteralEscapes(_ s: String) -> String {
        // A byte scan of the string's own storage first: nearly all text has no "_x".
        var s = s
        let plain = s.withUTF8 { b in
            guard let base = b.baseAddress else { return true }
            var i = 0
            // memchr finds each "_" (rare) without a loop over every byte here.
            while i < b.count - 1, let hit = memchr(base + i, 0x5F, b.count - 1 - i) {
                i = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                if b[i + 1] == 0x78 { return false }
                i += 1
            }
            return true
        }
        if plain { return s }
        var out = ""
        let chars = Array(s)
        var i = 0
        while i < chars.count {
            if chars[i] == "_", i + 6 < chars.count, chars[i + 1] == "x", chars[i + 6] == "_",
                chars[(i + 2)...(i + 5)].allSatisfy(\.isHexDigit)
            {
                out += "_x005F_"
                i += 1
                continue
            }
            out.append(chars[i])
            i += 1
        }
        return out
    }

    /// Cuts text to fit one cell, counting UTF-16 units as Excel does, with a marker.
    package static func cut(_ s: String) -> String {
        let marker = " [... cut at Excel's cell limit; full text in plans.jsonl]"
        let budget = cellLimit - marker.utf16.count
        var out = ""
        var used = 0
        for ch in s {
            let n = ch.utf16.count
            if used + n > budget { break }
            out.append(ch)
            used += n
        }
        return out + marker
    }

    /// Column letters for a zero-based index (0 -> A, 26 -> AA).
    package static func column(_ index: Int) -> String {
        var n = index + 1
        var s = ""
        while n > 0 {
            let r = (n - 1) % 26
            s = String(UnicodeScalar(UInt8(65 + r))) + s
            n = (n - 1) / 26
        }
        return s
    }
}
