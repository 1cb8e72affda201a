/// One catalog sentence, parsed once: text, placeholders (`{minutes}`), and plural choices
/// in the ICU MessageFormat shape translators know:
/// `{every, plural, one {every # day} other {every # days}}`, where `#` is the number.
///
/// Our own parser: the subset is small, and no package on this machine renders ICU
/// plural messages on Linux.
struct CatalogMessage: Sendable {
    enum Part: Sendable {
        case text([UInt8])
        /// A placeholder, with the handout key of the same name when there is one.
        case value(String, HandoutView.Key?)
        /// `#`: the number the plural form was chosen by.
        case count
        case plural(String, HandoutView.Key?, [(PluralCategory, [Part])])
    }

    let parts: [Part]

    /// A message the catalog could not parse: what is wrong, in plain words.
    struct ParseError: Error, Equatable {
        let problem: String
    }

    init(parsing text: String) throws(ParseError) {
        var scalars = Substring(text).unicodeScalars[...]
        parts = try Self.parts(&scalars, depth: 0)
        if !scalars.isEmpty { throw ParseError(problem: "has a \"}\" with no \"{\" before it") }
    }

    /// Every placeholder the message names, plural selectors included.
    var placeholders: Set<String> { Self.names(parts) }

    /// Each plural selector's forms, and whether each form prints its number (`#`).
    var pluralForms: [String: [PluralCategory: Bool]] {
        var found: [String: [PluralCategory: Bool]] = [:]
        func walk(_ parts: [Part]) {
            for part in parts {
                guard case .plural(let name, _, let forms) = part else { continue }
                for (category, body) in forms {
                    found[name, default: [:]][category] = body.contains { if case .count = $0 { return true } else { return false } }
                    walk(body)
                }
            }
        }
        walk(parts)
        return found
    }

    /// Appends the message with its placeholders filled by `value`, plural forms chosen by
    /// `rule`. A placeholder with no value prints nothing.
    func render(into out: inout [UInt8], rule: PluralRule, value: (String, HandoutView.Key?) -> CompiledTemplate.Value?) {
        Self.render(parts, count: nil, into: &out, rule: rule, value: value)
    }

    private static func render(
        _ parts: [Part], count: Int?, into out: inout [UInt8], rule: PluralRule,
        value: (String, HandoutView.Key?) -> CompiledTemplate.Value?
    ) {
        for part in parts {
            switch part {
            case .text(let bytes): out += bytes
            case .count: if let count { out += String(count).utf8 }
            case .value(let name, let key):
                switch value(name, key) {
                case .text(let s): out += s.utf8
                case .number(let n): out += String(n).utf8
                default: break
                }
            case .plural(let name, let key, let forms):
                guard case .number(let n) = value(name, key) else { continue }
                let wanted = rule.category(n)
                guard let body = forms.first(where: { $0.0 == wanted })?.1 ?? forms.first(where: { $0.0 == .other })?.1 else { continue }
                render(body, count: n, into: &out, rule: rule, value: value)
            }
        }
    }

    private static func names(_ parts: [Part]) -> Set<String> {
        var found: Set<String> = []
        for part in parts {
            switch part {
            case .value(let name, _): found.insert(name)
            case .plural(let name, _, let forms):
                found.insert(name)
                for (_, body) in forms { found.formUnion(names(body)) }
            case .text, .count: break
            }
        }
        return found
    }

    // MARK: - Parsing

    /// How deep plural choices may nest: a sentence needs one or two, and a hostile file
    /// nesting thousands would exhaust the stack.
    static let maxDepth = 4

    /// `depth`: how many plural choices enclose this text (`#` means a number inside one).
    private static func parts(_ s: inout Substring.UnicodeScalarView.SubSequence, depth: Int) throws(ParseError) -> [Part] {
        var parts: [Part] = []
        var text = String.UnicodeScalarView()
        func flush() {
            if !text.isEmpty { parts.append(.text(Array(String(text).utf8))) }
            text = String.UnicodeScalarView()
        }
        while let c = s.first {
            if c == "}" { break }
            s.removeFirst()
            if c == "#" && depth > 0 {
                flush()
                parts.append(.count)
            } else if c == "{" {
                flush()
                parts.append(try placeholder(&s, depth: depth))
            } else {
                text.append(c)
            }
        }
        flush()
        return parts
    }

    /// After a `{`: `name}` or `name, plural, one {...} other {...}}`.
    private static func placeholder(_ s: inout Substring.UnicodeScalarView.SubSequence, depth: Int) throws(ParseError) -> Part {
        let name = word(&s)
        guard !name.isEmpty, name.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic || $0 == "_" || ("0"..."9").contains($0) })
        else { throw ParseError(problem: "has a \"{\" not followed by a placeholder name such as {minutes}") }
        skipSpaces(&s)
        if s.first == "}" {
            s.removeFirst()
            return .value(name, HandoutView.Key(rawValue: name))
        }
        guard s.first == "," else { throw ParseError(problem: "has a placeholder {\(name)... that is not closed with \"}\"") }
        s.removeFirst()
        skipSpaces(&s)
        guard word(&s) == "plural" else { throw ParseError(problem: "has {\(name), ...}: the only choice catalogs know is \"plural\"") }
        skipSpaces(&s)
        guard s.first == "," else { throw ParseError(problem: "has {\(name), plural} without a \",\" before its forms") }
        s.removeFirst()
        var forms: [(PluralCategory, [Part])] = []
        while true {
            skipSpaces(&s)
            if s.first == "}" {
                s.removeFirst()
                break
            }
            let label = word(&s)
            guard let category = PluralCategory(rawValue: label) else {
                throw ParseError(problem: "has a plural form \"\(label)\" in {\(name)}; expected zero, one, two, few, many or other")
            }
            skipSpaces(&s)
            guard s.first == "{" else { throw ParseError(problem: "has the plural form \(label) of {\(name)} without its text in { }") }
            s.removeFirst()
            guard depth < maxDepth else { throw ParseError(problem: "nests plural choices more than \(maxDepth) deep") }
            let body = try parts(&s, depth: depth + 1)
            guard s.first == "}" else { throw ParseError(problem: "has the plural form \(label) of {\(name)} not closed with \"}\"") }
            s.removeFirst()
            forms.append((category, body))
        }
        guard forms.contains(where: { $0.0 == .other }) else {
            throw ParseError(problem: "has {\(name), plural} without an \"other\" form")
        }
        return .plural(name, HandoutView.Key(rawValue: name), forms)
    }

    private static func word(_ s: inout Substring.UnicodeScalarView.SubSequence) -> String {
        skipSpaces(&s)
        var w = String.UnicodeScalarView()
        while let c = s.first, c != ",", c != "}", c != "{", c != " " {
            w.append(c)
            s.removeFirst()
        }
        return String(w)
    }

    private static func skipSpaces(_ s: inout Substring.UnicodeScalarView.SubSequence) {
        while s.first == " " { s.removeFirst() }
    }
}
