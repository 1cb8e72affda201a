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
    /// The names given so far, as 64-bit hashes of their lower-case form.
    ///
    /// Why not the names: a set of every name was a tenth of a large run's memory. Why 64
    /// bits: half the slots of 128. Two different names share a key with a chance of about
    /// 3 in 100 million at a million names; if that ever happened, the
    /// second would get `-2` and still be a file of its own. The hash (FNV-1a) has no
    /// random seed, unlike Swift's `Hasher`, so even then the same list gives the same
    /// names in every run.
    private var used: Set<UInt64> = []

    /// The key of a name's lower-case bytes: names are ASCII here, so equal bytes are
    /// equal names.
    static func key(lowercasing name: [UInt8]) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in name {
            h ^= UInt64(b >= 65 && b <= 90 ? b + 32 : b)
            h &*= 0x0000_0100_0000_01B3
        }
        return h
    }

    /// `expected`: how many names to make room for at once (a set that outgrows its room
    /// holds its old and new tables at once; see `ClientsFile.expectedRows(bytes:)`).
    public init(expected: Int = 0) { used.reserveCapacity(expected) }

    /// The next file name for a client; never repeats a name it gave before.
    ///
    /// Built on bytes, not by appending characters to Strings one by one.
    public mutating func name(clientID: String, name: String) -> String {
        let id = Self.safe(clientID.utf8)
        // An ASCII name is folded to lower case byte by byte; others go through `ascii`
        // first, whose lower-casing may turn a letter of another script into ASCII.
        let slug =
            name.utf8.allSatisfy { $0 < 0x80 } ? Self.safe(name.utf8, lowercase: true) : Self.safe(Self.ascii(name).lowercased().utf8)
        var n = 1
        while true {
            var candidate = Self.base(
                id: id, slug: slug, room: Self.maxBytes - Self.fileExtension.utf8.count - (n == 1 ? 0 : Self.digits(n) + 1))
            if n > 1 { candidate += Array("-\(n)".utf8) }
            if used.insert(Self.key(lowercasing: candidate)).inserted {
                return String(decoding: candidate + Self.fileExtension.utf8, as: UTF8.self)
            }
            n += 1
        }
    }

    private static func digits(_ n: Int) -> Int { String(n).utf8.count }

    /// `<id>-<slug>` in at most `room` bytes: the slug is cut before the id is.
    static func base(id: [UInt8], slug: [UInt8], room: Int) -> [UInt8] {
        let id = cut(id, to: room)
        let slugRoom = room - id.count - (id.isEmpty ? 0 : 1)
        let slug = slugRoom > 0 ? cut(slug, to: slugRoom) : []
        if id.isEmpty && slug.isEmpty { return Array("client".utf8) }
        if id.isEmpty { return slug }
        return slug.isEmpty ? id : id + [UInt8(ascii: "-")] + slug
    }

    /// The first `bytes` bytes, with no `-` left hanging at the end.
    private static func cut(_ s: [UInt8], to bytes: Int) -> [UInt8] {
        guard s.count > bytes else { return s }
        var out = s[..<bytes]
        while out.last == UInt8(ascii: "-") { out.removeLast() }
        return Array(out)
    }

    /// Runs of bytes outside A-Z a-z 0-9 become `-`; `-` trimmed from both ends. With
    /// `lowercase`, A-Z become a-z.
    static func safe(_ s: String.UTF8View, lowercase: Bool = false) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(s.count)
        var dash = false
        for var b in s {
            let isUpper = b >= 65 && b <= 90
            let isAlnum = (b >= 48 && b <= 57) || isUpper || (b >= 97 && b <= 122)
            if isAlnum {
                if dash && !out.isEmpty { out.append(UInt8(ascii: "-")) }
                dash = false
                if lowercase && isUpper { b += 32 }
                out.append(b)
            } else {
                dash = true
            }
        }
        return out
    }

    /// Letters with accents lose them (José -> Jose); other scripts are dropped by `safe`.
    static func ascii(_ s: String) -> String {
        // Most names are ASCII already: the decomposition is skipped for them.
        if s.utf8.allSatisfy({ $0 < 0x80 }) { return s }
        return String(
            String.UnicodeScalarView(
                s.decomposedStringWithCanonicalMapping.unicodeScalars.filter {
                    $0.properties.generalCategory != .nonspacingMark
                }))
    }
}
