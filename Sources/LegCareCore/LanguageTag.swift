/// A BCP 47 language tag as clients.csv and clinic.yaml give it (`en`, `es`, `pt-BR`), and
/// how a tag finds one of the handout languages LegCare has.
///
/// ```swift
/// LanguageTag.isWellFormed("es-MX")                     // true
/// LanguageTag.match("es-MX", among: ["de", "en", "es"])  // "es"
/// ```
public enum LanguageTag {
    /// A primary language of 2 or 3 letters, then subtags of 1 to 8 letters or digits.
    public static func isWellFormed(_ tag: String) -> Bool {
        let parts = tag.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, (2...3).contains(first.count), first.allSatisfy({ $0.isASCII && $0.isLetter }) else {
            return false
        }
        return parts.dropFirst().allSatisfy { (1...8).contains($0.count) && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } }
    }

    /// The language of `available` that serves `tag`: the same tag (any case), else its
    /// primary language (`es-MX` is served by `es`); `nil` when none does.
    public static func match(_ tag: String, among available: [String]) -> String? {
        let wanted = tag.lowercased()
        if let exact = available.first(where: { $0.lowercased() == wanted }) { return exact }
        guard let primary = wanted.split(separator: "-").first else { return nil }
        return available.first { $0.lowercased() == primary }
    }
}
