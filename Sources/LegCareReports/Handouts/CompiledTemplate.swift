/// A handout template compiled once into a tree and rendered by direct key lookup.
///
/// Why our own renderer: swift-mustache's context lookups were the largest single cost
/// of a report, tens of times this tree's (docs/performance.md). It covers the Mustache a handout needs: variables (`{{x}}`, `{{{x}}}`, `{{&x}}`, `{{.}}`),
/// sections and inverted sections over booleans, text, numbers and lists, comments and
/// pragmas, with the spec's rule that a tag alone on its line takes the line with it. A
/// template using anything else (partials, set delimiters) compiles to `nil` and is
/// rendered by swift-mustache; tests render every golden case with both and compare.
struct CompiledTemplate: Sendable {
    indirect enum Node: Sendable {
        case text([UInt8])
        /// A value, HTML-escaped unless the template says `CONTENT_TYPE: TEXT` or the tag is
        /// `{{{x}}}` / `{{&x}}` (as swift-mustache does).
        case variable(HandoutView.Key, escaped: Bool)
        case section(HandoutView.Key, [Node], inverted: Bool)
        /// A plural choice of a catalog message: the form for the key's number, rendered
        /// with the number as `.` (the message's `#`).
        case plural(HandoutView.Key, [(PluralCategory, [Node])])
    }

    /// What a key names in the view. Lists are the view's own arrays (no copy per lookup).
    enum Value {
        case text(String)
        case number(Int)
        case flag(Bool)
        case texts([String])
        case steps([HandoutView.Step])
        case step(HandoutView.Step)
    }

    let nodes: [Node]
    /// The language's plural rule, for its messages' choices.
    let rule: PluralRule

    /// Compiles the template text for one language, or `nil` when it uses what this
    /// renderer does not cover. Each `{{msg.<key>}}` becomes the nodes of that language's
    /// message (`catalog`), so a handout renders as a template written in the language.
    init?(_ text: String, catalog: HandoutCatalog? = nil) {
        rule = catalog?.rule ?? .oneOther
        let messages = catalog?.messages ?? [:]
        guard var tokens = Self.tokens(text) else { return nil }
        // The only pragma covered: CONTENT_TYPE: TEXT, first; without it values are escaped.
        var plainText = false
        if case .tag(kind: "%", let name) = tokens.first {
            guard name.replacingSpaces() == "CONTENT_TYPE:TEXT" else { return nil }
            plainText = true
            tokens.removeFirst()
        }
        for token in tokens { if case .tag(kind: "%", _) = token { return nil } }
        var index = 0
        guard let nodes = Self.tree(tokens, &index, closing: nil, plainText: plainText, messages: messages), index == tokens.count
        else { return nil }
        self.nodes = nodes
    }

    /// The rendered text as UTF-8 bytes. Keys were resolved when compiling and text is
    /// appended as bytes, with no String built.
    func render(_ view: HandoutView) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(4096)
        var stack: [Value] = []
        render(nodes, stack: &stack, view: view, into: &out)
        return out
    }

    // MARK: - Rendering

    private func lookup(_ key: HandoutView.Key, stack: [Value], view: HandoutView) -> Value? {
        if key == .dot { return stack.last }
        for value in stack.reversed() {
            if case .step(let step) = value, let v = step.value(key) { return v }
        }
        return view.value(key)
    }

    private func render(_ nodes: [Node], stack: inout [Value], view: HandoutView, into out: inout [UInt8]) {
        for node in nodes {
            switch node {
            case .text(let t):
                out += t
            case .variable(let key, let escaped):
                switch lookup(key, stack: stack, view: view) {
                case .text(let s): escaped ? Self.htmlEscape(s, into: &out) : out.append(contentsOf: s.utf8)
                case .number(let n): out.append(contentsOf: String(n).utf8)
                case .flag(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
                case .texts, .steps, .step, nil: break
                }
            case .plural(let key, let forms):
                guard case .number(let n) = lookup(key, stack: stack, view: view) else { continue }
                let wanted = rule.category(n)
                guard let body = forms.first(where: { $0.0 == wanted })?.1 ?? forms.first(where: { $0.0 == .other })?.1 else { continue }
                renderWith(.number(n), body, &stack, view, &out)
            case .section(let key, let children, let inverted):
                let value = lookup(key, stack: stack, view: view)
                // As swift-mustache: a list is true when not empty, a flag is itself, and any
                // other value (an empty text or 0 too) is true, rendered once with it.
                let truthy: Bool
                switch value {
                case .flag(let b): truthy = b
                case .texts(let list): truthy = !list.isEmpty
                case .steps(let list): truthy = !list.isEmpty
                case .text, .number, .step: truthy = true
                case nil: truthy = false
                }
                if inverted {
                    if !truthy { render(children, stack: &stack, view: view, into: &out) }
                    continue
                }
                guard truthy, let value else { continue }
                switch value {
                case .flag: render(children, stack: &stack, view: view, into: &out)
                case .texts(let list): for item in list { renderWith(.text(item), children, &stack, view, &out) }
                case .steps(let list): for item in list { renderWith(.step(item), children, &stack, view, &out) }
                case .text, .number, .step: renderWith(value, children, &stack, view, &out)
                }
            }
        }
    }

    private func renderWith(_ frame: Value, _ children: [Node], _ stack: inout [Value], _ view: HandoutView, _ out: inout [UInt8]) {
        stack.append(frame)
        render(children, stack: &stack, view: view, into: &out)
        stack.removeLast()
    }

    // MARK: - Parsing

    private enum Token {
        case text(String)
        case tag(kind: Character?, name: String)
    }

    /// The template as text and tags, with standalone tag lines removed; `nil` when it
    /// uses a tag this renderer does not cover.
    private static func tokens(_ text: String) -> [Token]? {
        let s = Array(text.unicodeScalars)
        var tokens: [Token] = []
        var i = 0
        var textStart = 0
        // Standalone handling works on lines: collect pieces of the current line first.
        var line: [Token] = []
        func flushText(_ end: Int) {
            if end > textStart { line.append(.text(String(String.UnicodeScalarView(s[textStart..<end])))) }
        }
        func finishLine() {
            // A line holding only white space and exactly one tag that is not a variable
            // is standalone: the whole line, newline included, goes.
            let tags = line.filter { if case .tag = $0 { return true } else { return false } }
            let blank = line.allSatisfy {
                if case .text(let t) = $0 { return t.unicodeScalars.allSatisfy { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" } }
                return true
            }
            if tags.count == 1, blank, case .tag(let kind, _) = tags[0], kind != nil, kind != "&", kind != "{" {
                tokens.append(tags[0])
            } else {
                tokens += line
            }
            line = []
        }
        while i < s.count {
            if s[i] == "{" && i + 1 < s.count && s[i + 1] == "{" {
                flushText(i)
                var j = i + 2
                var triple = false
                if j < s.count && s[j] == "{" {
                    triple = true
                    j += 1
                }
                var end = j
                while end + 1 < s.count && !(s[end] == "}" && s[end + 1] == "}") { end += 1 }
                guard end + 1 < s.count else { return nil }
                var inner = String(String.UnicodeScalarView(s[j..<end]))
                var after = end + 2
                if triple {
                    guard after < s.count, s[after] == "}" else { return nil }
                    after += 1
                }
                inner = inner.trimmingSpaces()
                var kind: Character? = triple ? "{" : nil
                if let first = inner.first, "#^/!%&>=".contains(first), !triple {
                    kind = first
                    inner = String(inner.dropFirst()).trimmingSpaces()
                }
                if kind == ">" || kind == "=" { return nil }
                line.append(.tag(kind: kind, name: inner))
                i = after
                textStart = i
            } else if s[i] == "\n" {
                flushText(i + 1)
                i += 1
                textStart = i
                finishLine()
            } else {
                i += 1
            }
        }
        flushText(s.count)
        finishLine()
        return tokens
    }

    /// swift-mustache's HTML escape, for templates without the TEXT pragma.
    /// Like swift-mustache it escapes whole Characters: a quote followed by a combining
    /// mark is one Character, not a quote, so text with other letters takes that path.
    static func htmlEscape(_ s: String, into out: inout [UInt8]) {
        guard s.utf8.allSatisfy({ $0 < 0x80 }) else {
            for c in s {
                switch c {
                case "<", ">", "&", "\"", "'": htmlEscape(String(c), into: &out)
                default: out.append(contentsOf: String(c).utf8)
                }
            }
            return
        }
        for byte in s.utf8 {
            switch byte {
            case UInt8(ascii: "<"): out += Array("&lt;".utf8)
            case UInt8(ascii: ">"): out += Array("&gt;".utf8)
            case UInt8(ascii: "&"): out += Array("&amp;".utf8)
            case UInt8(ascii: "\""): out += Array("&quot;".utf8)
            case UInt8(ascii: "'"): out += Array("&#39;".utf8)
            default: out.append(byte)
            }
        }
    }

    private static func tree(
        _ tokens: [Token], _ i: inout Int, closing: String?, plainText: Bool, messages: [String: CatalogMessage]
    ) -> [Node]? {
        var nodes: [Node] = []
        while i < tokens.count {
            let token = tokens[i]
            i += 1
            switch token {
            case .text(let t): nodes.append(.text(Array(t.utf8)))
            case .tag(let kind, let name):
                // Comments and pragmas name no key; any other tag names one the loader checked.
                if kind == "!" || kind == "%" { continue }
                if name.hasPrefix("msg.") {
                    guard let message = messages[String(name.dropFirst(4))] else { return nil }
                    switch kind {
                    case nil: nodes += Self.nodes(message.parts, escaped: !plainText)
                    case "&", "{": nodes += Self.nodes(message.parts, escaped: false)
                    default: return nil  // a message as a section: swift-mustache's
                    }
                    continue
                }
                guard let key = HandoutView.Key(rawValue: name) else { return nil }
                switch kind {
                case nil: nodes.append(.variable(key, escaped: !plainText))
                case "&", "{": nodes.append(.variable(key, escaped: false))
                case "#", "^":
                    guard let children = tree(tokens, &i, closing: name, plainText: plainText, messages: messages) else { return nil }
                    nodes.append(.section(key, children, inverted: kind == "^"))
                case "/":
                    return name == closing ? nodes : nil
                default: break  // comments and pragmas render nothing
                }
            }
        }
        return closing == nil ? nodes : nil
    }
}

extension CompiledTemplate {
    /// A catalog message's parts as template nodes: text, the handout's values, plural
    /// choices with `#` as their number. Escaped part by part, which is escaping the whole.
    fileprivate static func nodes(_ parts: [CatalogMessage.Part], escaped: Bool) -> [Node] {
        parts.compactMap { part in
            switch part.kind {
            case .text:
                guard escaped else { return .text(part.bytes) }
                var out: [UInt8] = []
                htmlEscape(String(decoding: part.bytes, as: UTF8.self), into: &out)
                return .text(out)
            case .value: return part.key.map { .variable($0, escaped: escaped) }
            case .count: return .variable(.dot, escaped: escaped)
            case .plural:
                return part.key.map { key in .plural(key, part.forms.map { ($0.category, nodes($0.parts, escaped: escaped)) }) }
            }
        }
    }
}

extension String {
    fileprivate func replacingSpaces() -> String { String(filter { $0 != " " }) }

    fileprivate func trimmingSpaces() -> String {
        var s = Substring(self)
        while s.first == " " { s.removeFirst() }
        while s.last == " " { s.removeLast() }
        return String(s)
    }
}
