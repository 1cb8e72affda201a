import Foundation
import LegCareCore
import LegCareRun

/// The handout languages of a run: the catalogs LegCare ships (English, Spanish, French,
/// German, Polish), any a clinic puts in its template folder (`<tag>.catalog`, adding a
/// language or replacing a shipped one), and the clinic's own language for clients who
/// name none.
///
/// Every catalog is checked against the shipped English one when loaded: the same keys,
/// the same placeholders, every plural form its language needs, and `#` wherever English
/// prints a number. A catalog that fails is a ``CatalogError`` naming its line and key.
///
/// ```swift
/// let languages = try HandoutLanguages.load(folder: config.templateFolder, clinicLanguage: config.language)
/// let words = languages.catalog(for: profile.language)
/// ```
public struct HandoutLanguages: Sendable {
    /// The wording for clients who name no language, or one LegCare has no catalog for.
    let clinicWording: HandoutWording
    /// Every language's wording by its tag.
    let wordings: [String: HandoutWording]
    /// The tags there are catalogs for, sorted.
    public let tags: [String]

    /// The catalog for clients who name no language.
    public var clinic: HandoutCatalog { clinicWording.catalog }

    /// The catalog for a client's language tag (``LanguageTag/match(_:among:)``), else the clinic's.
    public func catalog(for tag: String?) -> HandoutCatalog { wording(for: tag).catalog }

    /// The wording for a client's language tag, else the clinic's.
    func wording(for tag: String?) -> HandoutWording {
        guard let tag else { return clinicWording }
        return wordings[tag] ?? LanguageTag.match(tag, among: tags).flatMap { wordings[$0] } ?? clinicWording
    }

    /// The shipped catalogs, then the clinic folder's; `clinicLanguage` (from `configFile`)
    /// must have one.
    public static func load(folder: String?, clinicLanguage: String = "en", configFile: String = "clinic.yaml") throws -> HandoutLanguages {
        guard let shipped = shippedFolder() else {
            throw CatalogError(file: "en.catalog", line: 0, key: "", problem: "the shipped catalogs are missing beside the binary")
        }
        var catalogs: [String: HandoutCatalog] = [:]
        for tag in shippedTags { catalogs[tag] = try read(shipped + "/\(tag).catalog", language: tag) }
        guard let english = catalogs["en"] else { throw CatalogError(file: "en.catalog", line: 0, key: "", problem: "is missing") }
        if let folder {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
            for name in names.sorted() where name.hasSuffix(".catalog") {
                let tag = String(name.dropLast(".catalog".count))
                guard LanguageTag.isWellFormed(tag) else {
                    throw CatalogError(
                        file: folder + "/" + name, line: 0, key: "",
                        problem: "is not named after a language tag; name it like es.catalog or pt-BR.catalog")
                }
                catalogs[tag] = try read(folder + "/" + name, language: tag)
            }
        }
        for tag in catalogs.keys.sorted() { try check(catalogs[tag]!, against: english) }
        guard let clinicTag = LanguageTag.match(clinicLanguage, among: catalogs.keys.sorted()) else {
            throw CatalogError(
                file: configFile, line: 0, key: "language",
                problem:
                    "is \(clinicLanguage), and there is no handout catalog for it (there are: \(catalogs.keys.sorted().joined(separator: ", "))); "
                    + "put a \(clinicLanguage).catalog in the template folder")
        }
        for message in HandoutWording.Message.allCases where !english.has(message.key) {
            throw CatalogError(file: english.file, line: 0, key: message.key, problem: "is missing, and LegCare fills it in")
        }
        let wordings = catalogs.mapValues(HandoutWording.init)
        return HandoutLanguages(clinicWording: wordings[clinicTag]!, wordings: wordings, tags: catalogs.keys.sorted())
    }

    /// The languages LegCare ships a catalog for.
    public static let shippedTags = ["de", "en", "es", "fr", "pl"]

    /// `other` against the English catalog: the same keys and placeholders, each plural
    /// form the language needs, and the number (`#`) kept wherever English prints it.
    static func check(_ other: HandoutCatalog, against english: HandoutCatalog) throws {
        func fail(_ key: String, _ problem: String) -> CatalogError {
            CatalogError(file: other.file, line: other.line(of: key), key: key, problem: problem)
        }
        for key in english.keys where !other.has(key) {
            throw fail(key, "is missing: every key of the English catalog needs a message (\(english.file):\(english.line(of: key)))")
        }
        for key in other.keys where !english.has(key) {
            throw fail(key, "is not a key of the English catalog; check its spelling")
        }
        for key in english.keys {
            let source = english.messages[key]!
            let message = other.messages[key]!
            let lost = source.placeholders.subtracting(message.placeholders)
            let added = message.placeholders.subtracting(source.placeholders)
            if let name = lost.sorted().first { throw fail(key, "drops the placeholder {\(name)}, which the English message has") }
            if let name = added.sorted().first { throw fail(key, "has a placeholder {\(name)} the English message does not fill") }
            let englishForms = source.pluralForms
            for (name, forms) in message.pluralForms {
                if let need = other.rule.categories.subtracting(forms.keys).sorted().first {
                    throw fail(key, "lacks the plural form \"\(need)\" of {\(name)}, which \(other.language) needs")
                }
                if englishForms[name]?[.other] == true, let form = forms.filter({ !$0.value }).keys.sorted().first {
                    throw fail(key, "drops the number (#) from the plural form \"\(form)\" of {\(name)}")
                }
            }
        }
    }

    private static func read(_ path: String, language: String) throws -> HandoutCatalog {
        let text: String
        do {
            text = try RegularFile.text(path, limit: 1 << 20)
        } catch {
            throw CatalogError(file: path, line: 0, key: "", problem: error.sentence)
        }
        return try HandoutCatalog(text: text, file: path, language: language)
    }

    /// The folder of the catalogs LegCare ships (``ShippedFile``).
    static func shippedFolder() -> String? {
        ShippedFile.path(installed: "catalogs", resources: "Catalogs", name: "en", ext: "catalog").map {
            ($0 as NSString).deletingLastPathComponent
        }
    }
}
