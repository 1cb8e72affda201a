/// One catalog sentence, parsed once: text, placeholders (`{minutes}`), and plural choices
/// in the ICU MessageFormat shape translators know:
/// `{every, plural, one {every # day} other {every # days}}`, where `#` is the number.
///
/// Our own parser: the subset is small, and no package on this machine renders ICU
/// plural messages on Linux. It throws untyped: typed throws leaked the parts built
/// before the error (LeakSanitizer, Swift 6.3).
struct CatalogMessage: Sendable {
    /// A piece of a message. A struct, not an enum with payloads: Swift keeps an enum's
    /// case in its pointers' spare bits, where LeakSanitizer cannot see them, and it
    /// reported every parsed message as leaked.
    struct Part: Sendable {
        enum Kind: Sendable {
            /// `bytes`.
            case text
            /// A placeholder `name`, with the handout key of the same name when there is one.
            case value
            /// `#`: the number the plural form was chosen by.
            case count
            /// `name`'s plural choice among `forms`.
            case plural
        }
        let kind: Kind
        var bytes: [UInt8] = []
        var name = ""
        var key: HandoutView.Key?
        var forms: [Form] = []

        static func text(_ bytes: [UInt8]) -> Part { Part(kind: .text, bytes: bytes) }
        static func value(_ name: String, _ key: HandoutView.Key?) -> Part { Part(kind: .value, name: name, key: key) }
        static let count = Part(kind: .count)
        static func plural(_ name: String, _ key: HandoutView.Key?, _ forms: [Form]) -> Part {
            Part(kind: .plural, name: name, key: key, forms: forms)
        }
    }

    /// One plural form: its category and its text.
    struct Form: Sendable {
        let category: PluralCategory
        let parts: [Part]
    }

    let parts: [Part]

    /// A message the catalog could not parse: what is wrong, in plain words.
    struct ParseError: Error, Equatable {
        let problem: String
    }

    init(parsing text: String) throws {
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
            for part in parts where part.kind == .plural {
                for form in part.forms {
                    found[part.name, default: [:]][form.category] = form.parts.contains { $0.kind == .count }
                    walk(form.parts)
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
            switch part.kind {
            case .text: out += part.bytes
            case .count: if let count { out += String(count).utf8 }
            case .value:
                switch value(part.name, part.key) {
                case .text(let s): out += s.utf8
                case .number(let n): out += String(n).utf8
                default: break
                }
            case .plural:
                guard case .number(let n) = value(part.name, part.key) else { continue }
                let wanted = rule.category(n)
                guard let body = part.forms.first(where: { $0.category == wanted }) ?? part.forms.first(where: { $0.category == .other })
                else { continue }
                render(body.parts, count: n, into: &out, rule: rule, value: value)
            }
        }
    }

    private static func names(_ parts: [Part]) -> Set<String> {
        var found: Set<String> = []
        for part in parts {
            switch part.kind {
            case .value: found.insert(part.name)
            case .plural:
                found.insert(part.name)
                for form in part.forms { found.formUnion(names(form.parts)) }
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
    private static func parts(_ s: inout Substring.UnicodeScalarView.SubSequence, depth: Int) throws -> [Part] {
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
    private static func placeholder(_ s: inout Substring.UnicodeScalarView.SubSequence, depth: Int) throws -> Part {
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
        var forms: [Form] = []
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
            forms.append(Form(category: category, parts: body))
        }
        guard forms.contains(where: { $0.category == .other }) else {
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
