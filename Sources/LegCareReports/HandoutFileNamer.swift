import Foundation

/// Names handout files as the data contract says: `<safe id>-<name slug>.txt`.
///
/// Safe id: the client_id with every run of characters outside A-Z a-z 0-9 turned into
/// `-`, trimmed of `-`. Name slug: the name folded to lower-case ASCII (accents dropped)
/// the same way. A name repeated gets `-2`, `-3`... Only ASCII letters, digits and `-`
/// can appear, so no id or name can place a file outside the folder.
public struct HandoutFileNamer {
    private var used: Set<String> = []

    public init() {}

    /// The next file name for a client; never repeats a name it gave before.
    public mutating func name(clientID: String, name: String) -> String {
        let id = Self.safe(clientID)
        let slug = Self.safe(Self.ascii(name).lowercased())
        var base = [id, slug].filter { !$0.isEmpty }.joined(separator: "-")
        if base.isEmpty { base = "client" }
        var candidate = base
        var n = 1
        while used.contains(candidate.lowercased()) {
            n += 1
            candidate = "\(base)-\(n)"
        }
        used.insert(candidate.lowercased())
        return candidate + ".txt"
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
        String(
            String.UnicodeScalarView(
                s.decomposedStringWithCanonicalMapping.unicodeScalars.filter {
                    $0.properties.generalCategory != .nonspacingMark
                }))
    }
}
