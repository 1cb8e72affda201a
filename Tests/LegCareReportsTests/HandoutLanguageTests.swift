import Foundation
import LegCareCore
import Testing

@testable import LegCareReports

/// Golden handouts in each shipped language: a client referred at each urgency and a
/// cleared athlete. Regenerate after an intended change with `LEGCARE_UPDATE_GOLDEN=1`.
@Suite("Handouts in the client's language")
struct HandoutLanguageTests {
    static let others = HandoutLanguages.shippedTags.filter { $0 != "en" }
    static let goldenCases = ["refer-emergency", "refer-urgent", "refer-soon", "squad-athlete"]

    static func render(_ name: String, language: String?, config: ClinicConfig = HandoutGoldenTests.config) throws -> String {
        var profile = HandoutGoldenTests.cases.first { $0.0 == name }!.1
        profile.language = language
        let plan = PlanEngine().plan(for: profile, asOf: HandoutGoldenTests.asOf)
        return try HandoutTemplate.load(folder: nil).render(
            plan: plan, profile: profile, config: config, asOf: HandoutGoldenTests.asOf,
            booking: HandoutGoldenTests.booking(plan, profile))
    }

    @Test(
        "each language's referred clients (emergency, GP today, physio soon) and cleared athlete match their golden handouts",
        arguments: others, goldenCases)
    func golden(_ language: String, _ name: String) throws {
        let text = try Self.render(name, language: language)
        let url = HandoutGoldenTests.folder.appendingPathComponent("\(language)/\(name).txt")
        if ProcessInfo.processInfo.environment["LEGCARE_UPDATE_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        #expect(text == (try String(contentsOf: url, encoding: .utf8)), "\(language)/\(name).txt differs")
    }

    @Test("the golden cases are what they say: emergency, GP today, physio soon, and a cleared athlete")
    func goldenCasesCoverTheReferrals() {
        func plan(_ name: String) -> Plan {
            PlanEngine().plan(for: HandoutGoldenTests.cases.first { $0.0 == name }!.1, asOf: HandoutGoldenTests.asOf)
        }
        #expect(plan("refer-emergency").urgency == .emergency)
        #expect(plan("refer-urgent").referTo == .gp && plan("refer-urgent").urgency == .urgent)
        #expect(plan("refer-soon").referTo == .physiotherapist && plan("refer-soon").urgency == .soon)
        #expect(plan("squad-athlete").status == .cleared)
    }

    @Test(
        "in every language, the referral and the red-flag sections carry clinic.yaml's emergency number",
        arguments: HandoutLanguages.shippedTags)
    func emergencyNumber(_ language: String) throws {
        var config = HandoutGoldenTests.config
        config.emergencyNumber = "112"
        let catalog = shippedLanguages.catalog(for: language)
        let referHeading = catalog.say("refer.heading")
        let weekHeading = catalog.say("this_week.heading")
        let helpHeading = catalog.say("help.heading")
        for name in ["refer-emergency", "refer-urgent", "refer-soon", "refer-routine"] {
            let text = try Self.render(name, language: language, config: config)
            let referral = try #require(text.range(of: referHeading)).lowerBound
            let week = try #require(text.range(of: "\n\(weekHeading)\n")).lowerBound
            let help = try #require(text.range(of: "\n\(helpHeading)\n")).lowerBound
            #expect(text[..<week].contains("112"), "\(language) \(name): the referral says whom to call")
            #expect(referral < week)
            #expect(text[help...].contains("112"), "\(language) \(name): the red flags say whom to call")
            #expect(!text.contains("999"))
        }
    }

    @Test("every line fits 72 characters (not bytes) in every language, and no English is left in another language")
    func printable() throws {
        let englishHeadings = ["THIS WEEK", "AFTERCARE", "WHEN TO SEEK HELP", "Tell your therapist", "seconds each leg"]
        for language in HandoutLanguages.shippedTags {
            for (name, _) in HandoutGoldenTests.cases {
                let text = try Self.render(name, language: language)
                for line in text.split(separator: "\n") {
                    let words = line.trimmingCharacters(in: .whitespaces).split(separator: " ")
                    #expect(line.count <= 72 || words.count == 1 || line.contains("Maximiliana"), "\(language) \(name): \(line)")
                }
                if language != "en" {
                    for heading in englishHeadings { #expect(!text.contains(heading), "\(language) \(name) says \(heading)") }
                }
            }
        }
    }

    @Test("wrapping counts characters: a 72-character line of Polish (over 72 bytes) stays one line")
    func wrapsOnCharacters() {
        let line = "Zażółć gęślą jaźń, źdźbło łąki, żółw i ćma; śnieg, łoś i kość źrebięcia."
        #expect(line.count == 72 && line.utf8.count > 72)
        #expect(TextWrapper.wrap(line, width: 72) == line + "\n")
        let longer = line + " Ósma."
        #expect(TextWrapper.wrap(longer, width: 72).split(separator: "\n").map(\.count) == [72, 5])
    }

    @Test("a client's tag picks their catalog (es-MX is Spanish); none or an unknown one gets the clinic's")
    func choosing() throws {
        let languages = try HandoutLanguages.load(folder: nil, clinicLanguage: "de")
        #expect(languages.catalog(for: "es-MX").language == "es")
        #expect(languages.catalog(for: "PL").language == "pl")
        #expect(languages.catalog(for: nil).language == "de")
        #expect(languages.catalog(for: "pt-BR").language == "de")
        #expect {
            try HandoutLanguages.load(folder: nil, clinicLanguage: "xx", configFile: "riverside.yaml")
        } throws: { error in
            (error as? CatalogError).map { $0.file == "riverside.yaml" && $0.key == "language" && $0.problem.contains("xx.catalog") }
                ?? false
        }
    }

    @Test("plural forms follow each language's rules (Polish: 1 raz, 2 razy, 5 razy, 22 razy; 1 dzień, 12 dni)")
    func plurals() throws {
        #expect(
            [1, 2, 4, 5, 12, 21, 22, 25, 112].map(PluralRule.polish.category) == [
                .one, .few, .few, .many, .many, .many, .few, .many, .many,
            ])
        #expect([0, 1, 2].map(PluralRule(language: "fr").category) == [.one, .one, .other])
        #expect([0, 1, 2].map(PluralRule(language: "de").category) == [.other, .one, .other])
        let polish = shippedLanguages.wording(for: "pl")
        let days = [1, 2, 5, 22].map { polish.say(.newInterval, ["now": .number($0), "was": .number(14)]) }
        #expect(
            days[0].contains("co 1 dzień") && days[1].contains("co 2 dni") && days[2].contains("co 5 dni") && days[3].contains("co 22 dni"))
        let english = shippedLanguages.wording(for: "en")
        #expect(
            english.say(.newInterval, ["now": .number(1), "was": .number(7)])
                == "Your massage is now about every 1 day (it was every 7 days).")
    }
}
