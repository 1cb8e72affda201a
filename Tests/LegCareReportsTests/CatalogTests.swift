import Foundation
import LegCareCore
import Testing

@testable import LegCareReports

/// Safety holds in every language: a catalog is refused when it lacks a key, adds one,
/// or loses a number, a date or the emergency number on the way.
@Suite("Handout catalogs")
struct CatalogTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../Sources/LegCareReports/Catalogs")

    static func shippedText(_ tag: String) throws -> String {
        try String(contentsOf: folder.appendingPathComponent("\(tag).catalog"), encoding: .utf8)
    }

    /// `tag`'s catalog with the line of `key` replaced (`nil` removes it), checked against English.
    static func check(_ tag: String, _ key: String, _ line: String?) throws {
        let text = try shippedText(tag).split(separator: "\n", omittingEmptySubsequences: false).compactMap { l -> String? in
            l.hasPrefix(key + " = ") ? line : String(l)
        }.joined(separator: "\n")
        let catalog = try HandoutCatalog(text: text, file: "\(tag).catalog", language: tag)
        try HandoutLanguages.check(catalog, against: shippedLanguages.catalog(for: "en"))
    }

    static func problem(_ tag: String, _ key: String, _ line: String?) -> String? {
        do {
            try check(tag, key, line)
            return nil
        } catch let error as CatalogError {
            return "\(error.key): \(error.problem)"
        } catch {
            return "\(error)"
        }
    }

    @Test("every shipped catalog has English's keys, placeholders and numbers, and says how it was made and who should review it")
    func shippedCatalogsPass() throws {
        for tag in HandoutLanguages.shippedTags {
            try Self.check(tag, "", nil)
            let header = try Self.shippedText(tag).split(separator: "\n").prefix { $0.hasPrefix("#") }.joined(separator: " ")
            #expect(header.contains("How it was made"), "\(tag)")
            if tag != "en" {
                #expect(header.contains("clinician fluent in") && header.contains("red-flag") && header.contains("referral"), "\(tag)")
            }
        }
    }

    @Test("a catalog that lacks a key English has is refused, naming the key", arguments: HandoutLanguages.shippedTags)
    func missingKey(_ tag: String) {
        #expect(Self.problem(tag, "red_flag.4", nil)?.hasPrefix("red_flag.4: is missing") == true)
    }

    @Test("a catalog with a key English lacks is refused")
    func extraKey() throws {
        let text = try Self.shippedText("de") + "\nred_flag.9 = Schwindel\n"
        let catalog = try HandoutCatalog(text: text, file: "de.catalog", language: "de")
        #expect(throws: CatalogError.self) { try HandoutLanguages.check(catalog, against: shippedLanguages.catalog(for: "en")) }
    }

    @Test("dropping the emergency number, a number of seconds or a date is refused")
    func droppedPlaceholders() {
        #expect(
            Self.problem("es", "help.chest", "help.chest = Si le duele el pecho, llame a urgencias.")
                == "help.chest: drops the placeholder {callEmergency}, which the English message has")
        #expect(
            Self.problem(
                "fr", "routine.time", "routine.time = Durée : 30 secondes par jambe, {hold, plural, one {# seconde} other {# secondes}}.")
                == "routine.time: drops the placeholder {seconds}, which the English message has")
        #expect(
            Self.problem("pl", "tell.event", "tell.event = najbliższych zawodach")
                == "tell.event: drops the placeholder {date}, which the English message has")
        #expect(Self.problem("de", "title", "title = PLAN FÜR {name}")?.hasPrefix("title: drops the placeholder {clientName}") == true)
    }

    @Test("a plural form without its number, or without a form the language needs, is refused")
    func pluralForms() {
        #expect(
            Self.problem(
                "de", "routine.intro",
                "routine.intro = {perWeek, plural, one {Einmal} other {# Mal}}, {totalMinutes, plural, one {# Minute} other {# Minuten}}.")
                == "routine.intro: drops the number (#) from the plural form \"one\" of {perWeek}")
        #expect(
            Self.problem(
                "pl", "new.interval",
                "new.interval = co {now, plural, one {# dzień} other {# dni}} (co {was, plural, one {# dzień} few {# dni} many {# dni} other {# dnia}})."
            )
                == "new.interval: lacks the plural form \"few\" of {now}, which pl needs")
    }

    @Test("a broken message names its line: an unclosed placeholder, an unknown choice, a plural without other")
    func parseErrors() {
        let cases = [
            ("title = PLAN {clientName", "has a placeholder {clientName... that is not closed with \"}\""),
            ("title = {clientName, select, a {x}}", "has {clientName, ...}: the only choice catalogs know is \"plural\""),
            ("title = {n, plural, one {# x}}", "has {n, plural} without an \"other\" form"),
            ("title = PLAN }", "has a \"}\" with no \"{\" before it"),
        ]
        for (line, problem) in cases {
            #expect(throws: CatalogError(file: "x.catalog", line: 2, key: "title", problem: problem)) {
                try HandoutCatalog(text: "# x\n" + line + "\n", file: "x.catalog", language: "x")
            }
        }
    }

    @Test("a hostile catalog line (plural choices nested 100,000 deep, a lone brace) is an error, never a crash")
    func hostileLines() {
        let deep = "title = " + String(repeating: "{n, plural, other {", count: 100_000) + "#" + String(repeating: "}}", count: 100_000)
        #expect(throws: CatalogError(file: "x.catalog", line: 1, key: "title", problem: "nests plural choices more than 4 deep")) {
            try HandoutCatalog(text: deep, file: "x.catalog", language: "x")
        }
        for line in ["title = {", "title = {n, plural, other {#", "title = {n, plural,", "title = {}", "= x", "title"] {
            #expect(throws: CatalogError.self, "\(line)") { try HandoutCatalog(text: line, file: "x.catalog", language: "x") }
        }
    }

    @Test("a clinic adds a language, or replaces a shipped one, with a catalog in its template folder")
    func clinicCatalogs() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("legcare-catalogs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let italian = try Self.shippedText("en").replacingOccurrences(
            of: "help.heading = WHEN TO SEEK HELP", with: "help.heading = QUANDO CHIEDERE AIUTO")
        try italian.write(to: dir.appendingPathComponent("it.catalog"), atomically: true, encoding: .utf8)
        let english = try Self.shippedText("en").replacingOccurrences(
            of: "aftercare.heading = AFTERCARE", with: "aftercare.heading = LOOKING AFTER YOURSELF")
        try english.write(to: dir.appendingPathComponent("en.catalog"), atomically: true, encoding: .utf8)
        let languages = try HandoutLanguages.load(folder: dir.path, clinicLanguage: "it")
        #expect(languages.tags == ["de", "en", "es", "fr", "it", "pl"])
        #expect(languages.clinic.say("help.heading") == "QUANDO CHIEDERE AIUTO")
        #expect(languages.catalog(for: "en").say("aftercare.heading") == "LOOKING AFTER YOURSELF")

        try italian.replacingOccurrences(of: "red_flag.3 = ", with: "# red_flag.3 = ").write(
            to: dir.appendingPathComponent("it.catalog"), atomically: true, encoding: .utf8)
        #expect {
            try HandoutLanguages.load(folder: dir.path, clinicLanguage: "en")
        } throws: { error in
            let e = error as? CatalogError
            return e?.key == "red_flag.3" && e?.file.hasSuffix("it.catalog") == true && "\(error)".contains("is missing")
        }
    }

    @Test("a template naming a message no catalog has is an error naming file, line and key")
    func unknownMessage() {
        #expect(
            throws: TemplateError(
                file: "custom.mustache", line: 2, key: "msg.titel",
                problem: "is not a message of the catalogs; see docs/how-to-customise-the-handout.md")
        ) {
            try HandoutTemplate(text: "{{% CONTENT_TYPE: TEXT}}\n{{msg.titel}}\n", file: "custom.mustache")
        }
    }
}
