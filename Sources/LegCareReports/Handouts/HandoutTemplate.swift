import Foundation
import LegCareCore
import LegCareRun
import Mustache

/// The handout's Mustache template and its languages: the template shipped with LegCare,
/// or a clinic's own (`template_folder` in `clinic.yaml`, holding `handout.mustache`), and
/// the catalogs its sentences come from (`{{msg.<key>}}`, ``HandoutLanguages``).
///
/// Loading checks every tag against the keys a handout view has and the messages the
/// English catalog has, so a misspelt key is an error naming the file, line and key, not
/// a silent blank in 400 handouts.
///
/// ```swift
/// let template = try HandoutTemplate.load(folder: config.templateFolder, language: config.language)
/// let text = template.render(plan: plan, profile: profile, config: config, asOf: asOf)
/// ```
public struct HandoutTemplate: Sendable {
    /// Where the template came from, for messages.
    public let file: String
    private let template: MustacheTemplate
    /// The same template compiled for speed; `nil` when it uses Mustache beyond what
    /// ``CompiledTemplate`` covers (swift-mustache renders it then).
    private let compiled: [String: CompiledTemplate]?
    /// The catalogs: each client's handout is in their language, else the clinic's.
    public let languages: HandoutLanguages

    /// The text wraps at this many columns.
    public static let width = 72

    /// Loads the template from a clinic folder, or the shipped one when `folder` is nil.
    /// `language`: the clinic's, from `configFile` (named in an error when no catalog has it).
    public static func load(folder: String?, language: String = "en", configFile: String = "clinic.yaml") throws -> HandoutTemplate {
        let languages = try HandoutLanguages.load(folder: folder, clinicLanguage: language, configFile: configFile)
        let path: String
        if let folder {
            path = folder + "/handout.mustache"
        } else if let shipped = shippedPath() {
            path = shipped
        } else {
            throw TemplateError(file: "handout.mustache", line: 0, key: "", problem: "the shipped template is missing beside the binary")
        }
        let text: String
        do {
            text = try RegularFile.text(path, limit: 1 << 20)
        } catch .notUTF8 {
            throw TemplateError(file: path, line: 0, key: "", problem: RegularFile.Problem.notUTF8.sentence)
        } catch {
            throw TemplateError(file: path, line: 0, key: "", problem: "\(error.sentence) (expected a file named handout.mustache)")
        }
        return try HandoutTemplate(text: text, file: path, languages: languages)
    }

    /// The template LegCare ships (``ShippedFile``).
    static func shippedPath() -> String? {
        ShippedFile.path(installed: "templates", resources: "Templates", name: "handout", ext: "mustache")
    }

    /// Parses template text; throws ``TemplateError`` for a syntax error or an unknown key.
    /// `languages`: the run's catalogs; `nil` loads the shipped ones.
    public init(text: String, file: String, languages: HandoutLanguages? = nil) throws {
        self.file = file
        self.languages = try languages ?? HandoutLanguages.load(folder: nil)
        do {
            template = try MustacheTemplate(string: text)
        } catch let error as MustacheTemplate.ParserError {
            throw TemplateError(
                file: file, line: error.context.lineNumber, key: "", problem: "is not a valid Mustache template (\(error.error))")
        }
        for (line, key) in Self.tags(in: text) {
            if key.hasPrefix("msg.") {
                guard self.languages.clinic.has(String(key.dropFirst(4))) else {
                    throw TemplateError(
                        file: file, line: line, key: key,
                        problem: "is not a message of the catalogs; see docs/how-to-customise-the-handout.md")
                }
            } else if !HandoutView.keys.contains(key) || key == "msg" {
                throw TemplateError(
                    file: file, line: line, key: key, problem: "is not a handout key; see docs/how-to-customise-the-handout.md")
            }
        }
        var compiled: [String: CompiledTemplate]? = [:]
        for tag in self.languages.tags {
            // One tree per language, its messages written in: `nil` when any cannot compile.
            compiled?[tag] = CompiledTemplate(text, catalog: self.languages.catalog(for: tag))
            if compiled?[tag] == nil { compiled = nil }
        }
        self.compiled = compiled
    }

    /// The handout for one client: rendered, wrapped at 72 columns, no trailing spaces.
    /// `changes` since the previous week give the "What is new this week" section.
    /// A client due this week is told `booking`, their row of the week's timetable.
    public func render(
        plan: Plan, profile: ClientProfile, config: ClinicConfig, asOf: Day, changes: [PlanChange] = [], booking: Timetable.Row? = nil
    ) -> String {
        let text = renderBytes(plan: plan, profile: profile, config: config, asOf: asOf, changes: changes)
        return String(decoding: BookingWording.finish(text, row: booking, languages: languages), as: UTF8.self)
    }

    /// ``render(plan:profile:config:asOf:changes:booking:)`` as UTF-8 bytes; a client due
    /// this week has a marker line where the booking goes (``BookingWording/finish(_:row:width:)``).
    public func renderBytes(plan: Plan, profile: ClientProfile, config: ClinicConfig, asOf: Day, changes: [PlanChange] = []) -> [UInt8] {
        let view = view(plan: plan, profile: profile, config: config, asOf: asOf, changes: changes)
        let text = compiled?[view.words.language]?.render(view) ?? Array(template.render(view).utf8)
        return TextWrapper.wrap(bytes: text, width: Self.width, keepWhole: [profile.name])
    }

    /// The unwrapped text by both engines (compiled, swift-mustache), for the tests that
    /// prove them the same.
    func renderBoth(plan: Plan, profile: ClientProfile, config: ClinicConfig, asOf: Day, changes: [PlanChange] = []) -> (String?, String) {
        let view = view(plan: plan, profile: profile, config: config, asOf: asOf, changes: changes)
        return (compiled?[view.words.language].map { String(decoding: $0.render(view), as: UTF8.self) }, template.render(view))
    }

    /// The values a template names for one client, in the client's language.
    private func view(plan: Plan, profile: ClientProfile, config: ClinicConfig, asOf: Day, changes: [PlanChange]) -> HandoutView {
        let words = languages.wording(for: profile.language)
        let view = HandoutView(plan: plan, profile: profile, config: config, asOf: asOf, words: words)
        view.whatsNew = words.whatsNew(changes, plan: plan)
        return view
    }

    /// The wrapping step alone, for `legcare-bench`.
    public static func wrapForBench(_ text: String, name: String) -> String {
        TextWrapper.wrap(text, width: width, keepWhole: [name])
    }

    /// Every variable or section name used in the template, with its line.
    static func tags(in text: String) -> [(Int, String)] {
        var found: [(Int, String)] = []
        for (i, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var rest = Substring(line)
            while let open = rest.range(of: "{{") {
                guard let close = rest[open.upperBound...].range(of: "}}") else { break }
                var name = rest[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespaces)
                rest = rest[close.upperBound...]
                if name.hasPrefix("%") || name.hasPrefix("!") || name.hasPrefix(">") || name.hasPrefix("=") { continue }
                if let first = name.first, "#^/&{".contains(first) { name.removeFirst() }
                if name.hasSuffix("}") { name.removeLast() }
                name = name.trimmingCharacters(in: .whitespaces)
                if rest.hasPrefix("}") { rest = rest.dropFirst() }
                found.append((i + 1, name))
            }
        }
        return found
    }
}

/// A handout template that cannot be used (exit 2, nothing written).
public struct TemplateError: Error, Equatable, CustomStringConvertible {
    public let file: String
    public let line: Int
    public let key: String
    public let problem: String

    public var description: String {
        "\(file):\(line): error: \(key.isEmpty ? "" : "\"\(key)\" ")\(problem)"
    }
}
