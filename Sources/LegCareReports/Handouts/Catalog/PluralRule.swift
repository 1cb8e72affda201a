/// Which plural form a whole number takes in a language (Unicode CLDR's rules for whole
/// numbers). A handout prints only whole numbers, so the decimal rules are left out.
///
/// ```swift
/// PluralRule(language: "pl").category(22)  // .few: "22 dni"
/// ```
public enum PluralRule: String, Sendable, CaseIterable {
    /// `one` for 1, `other` else: English, German, Spanish, Italian, Dutch, Swedish...
    case oneOther = "one-other"
    /// `one` for 0 and 1: French, Portuguese (Brazil).
    case zeroOneOther = "zero-one-other"
    /// `one`, `few` (2-4, 22-24...), `many`: Polish.
    case polish
    /// `one` (1, 21, 31... but not 11), `few` (2-4, 22-24... but not 12-14), `many`: Russian, Ukrainian.
    case eastSlavic = "east-slavic"
    /// `one` (1), `few` (2-4), `other`: Czech, Slovak.
    case czech
    /// No plural forms: Japanese, Chinese, Korean, Vietnamese, Thai, Indonesian.
    case none

    /// The rule of a language tag's primary language; one-other when LegCare does not know it.
    public init(language tag: String) {
        let primary = tag.lowercased().split(separator: "-").first.map(String.init) ?? ""
        switch primary {
        case "fr": self = .zeroOneOther
        case "pt": self = tag.lowercased() == "pt-pt" ? .oneOther : .zeroOneOther
        case "pl": self = .polish
        case "ru", "uk", "be": self = .eastSlavic
        case "cs", "sk": self = .czech
        case "ja", "zh", "ko", "vi", "th", "id", "ms": self = .none
        default: self = .oneOther
        }
    }

    /// The form for `n`.
    public func category(_ n: Int) -> PluralCategory {
        let n = n.magnitude
        let (mod10, mod100) = (n % 10, n % 100)
        switch self {
        case .oneOther: return n == 1 ? .one : .other
        case .zeroOneOther: return n <= 1 ? .one : .other
        case .polish:
            if n == 1 { return .one }
            return (2...4).contains(mod10) && !(12...14).contains(mod100) ? .few : .many
        case .eastSlavic:
            if mod10 == 1 && mod100 != 11 { return .one }
            return (2...4).contains(mod10) && !(12...14).contains(mod100) ? .few : .many
        case .czech:
            if n == 1 { return .one }
            return (2...4).contains(n) ? .few : .other
        case .none: return .other
        }
    }

    /// Every form a whole number can take, and `other`, which every plural message needs.
    public var categories: Set<PluralCategory> {
        switch self {
        case .oneOther, .zeroOneOther: return [.one, .other]
        case .polish, .eastSlavic: return [.one, .few, .many, .other]
        case .czech: return [.one, .few, .other]
        case .none: return [.other]
        }
    }
}

/// A plural form's name, as catalogs write it (`one {# day} other {# days}`).
public enum PluralCategory: String, Sendable, CaseIterable, Comparable {
    case zero, one, two, few, many, other

    public static func < (a: PluralCategory, b: PluralCategory) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}
