import LegCareCore

/// One language's handout wording: every sentence a handout prints, keyed by message
/// (`heading.routine`, `reason.fever`, `month.11`). English is the source catalog; every
/// other language has exactly its keys and placeholders (``HandoutLanguages``).
///
/// A catalog file is UTF-8 text, one message a line, `#` lines are comments:
///
/// ```
/// # LegCare handout catalog: German (de)
/// routine.time = Zeit: {seconds, plural, one {# Sekunde} other {# Sekunden}} pro Bein.
/// ```
public struct HandoutCatalog: Sendable {
    /// The language tag, from the file's name (`de.catalog` is `de`).
    public let language: String
    /// Where the catalog came from, for messages.
    public let file: String
    /// How the language chooses a plural form.
    public let rule: PluralRule
    /// Each key, in file order, with its line.
    let order: [(key: String, line: Int)]
    let messages: [String: CatalogMessage]

    /// Parses catalog text; throws ``CatalogError`` naming the line of a bad message.
    public init(text: String, file: String, language: String) throws(CatalogError) {
        self.language = language
        self.file = file
        rule = PluralRule(language: language)
        var order: [(String, Int)] = []
        var messages: [String: CatalogMessage] = [:]
        for (i, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(" \t\r")
            if line.isEmpty || line.hasPrefix("#") { continue }
            guard let eq = line.firstIndex(of: "=") else {
                throw CatalogError(file: file, line: i + 1, key: "", problem: "is not \"key = message\"")
            }
            let key = String(line[..<eq].trimmingCharacters(" \t"))
            guard !key.isEmpty, key.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "_" || $0 == ".") }) else {
                throw CatalogError(
                    file: file, line: i + 1, key: key, problem: "is not a key: keys are lower-case letters, digits, \"_\" and \".\"")
            }
            guard messages[key] == nil else {
                throw CatalogError(file: file, line: i + 1, key: key, problem: "is given twice; keep one")
            }
            do {
                messages[key] = try CatalogMessage(parsing: String(line[line.index(after: eq)...].trimmingCharacters(" \t")))
            } catch {
                throw CatalogError(file: file, line: i + 1, key: key, problem: (error as? CatalogMessage.ParseError)?.problem ?? "\(error)")
            }
            order.append((key, i + 1))
        }
        self.order = order
        self.messages = messages
    }

    /// The keys, in file order.
    public var keys: [String] { order.map(\.key) }

    /// The line a key is on (0 when it has none).
    func line(of key: String) -> Int { order.first { $0.key == key }?.line ?? 0 }

    /// A message with its placeholders filled from `args`.
    func say(_ key: String, _ args: KeyValuePairs<String, CompiledTemplate.Value> = [:]) -> String {
        var out: [UInt8] = []
        say(key, into: &out) { name, _ in args.first { $0.key == name }?.value }
        return String(decoding: out, as: UTF8.self)
    }

    /// A message appended to `out`, its placeholders filled by `value`.
    func say(_ key: String, into out: inout [UInt8], value: (String, HandoutView.Key?) -> CompiledTemplate.Value?) {
        guard let message = messages[key] else {
            assertionFailure("the catalog has no \(key); HandoutLanguages checks every key English has")
            return
        }
        message.render(into: &out, rule: rule, value: value)
    }

    /// Whether the catalog has a message for `key`.
    func has(_ key: String) -> Bool { messages[key] != nil }
}

/// A handout catalog that cannot be used (exit 2, nothing written).
public struct CatalogError: Error, Equatable, CustomStringConvertible {
    public let file: String
    public let line: Int
    public let key: String
    public let problem: String

    public var description: String {
        "\(file)\(line > 0 ? ":\(line)" : ""): error: \(key.isEmpty ? "" : "\"\(key)\" ")\(problem)"
    }
}

extension StringProtocol {
    /// The text without the given characters at either end.
    func trimmingCharacters(_ set: String) -> Substring {
        var s = Substring(self)
        while let f = s.first, set.contains(f) { s.removeFirst() }
        while let l = s.last, set.contains(l) { s.removeLast() }
        return s
    }
}
