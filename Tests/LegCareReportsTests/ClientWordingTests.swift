import Foundation
import LegCareCore
import Testing

@testable import LegCareReports

/// Flesch-Kincaid grade of `text`: 0.39 x words per sentence + 11.8 x syllables per word
/// - 15.59; syllables are counted as vowel groups, a final silent `e` dropped.
func readingGrade(_ text: String) -> Double {
    let words = text.split { !$0.isLetter && $0 != "'" }.map { $0.lowercased() }.filter { !$0.isEmpty }
    let sentences = max(1, text.split { ".!?:".contains($0) || $0 == "\n" }.filter { $0.contains { $0.isLetter } }.count)
    func syllables(_ w: String) -> Int {
        let vowels = Set("aeiouy")
        var count = 0
        var last = false
        for c in w {
            let v = vowels.contains(c)
            if v && !last { count += 1 }
            last = v
        }
        if w.hasSuffix("e") && !w.hasSuffix("le") && count > 1 { count -= 1 }
        return max(1, count)
    }
    let s = words.map(syllables).reduce(0, +)
    return 0.39 * Double(words.count) / Double(sentences) + 11.8 * Double(s) / Double(max(1, words.count)) - 15.59
}

@Suite("Handouts speak to the client")
struct ClientWordingTests {
    /// The conditions a screening rule refers for.
    static var referring: [Condition] { ScreeningRules.table.filter { $0.status == .refer }.map(\.condition) }

    @Test("every referring condition has the client's own reason: second person, no clinician's words")
    func everyReferralHasAClientLine() {
        for condition in Self.referring {
            let line = ClientReasons.lines[condition]
            #expect(line != nil, "\(condition) has no client line")
            guard let line else { continue }
            #expect(line.contains("You") || line.contains("you") || line.contains("Your"), "\(condition): \(line)")
            for word in ["the client", "client", "stand-alone", "assessment", "red flag", "compression"] {
                #expect(!line.lowercased().contains(word), "\(condition) says \"\(word)\": \(line)")
            }
            #expect(line != ScreeningRules.table.first { $0.condition == condition }?.why)
        }
    }

    @Test("the client's reasons read at about grade 6 (Flesch-Kincaid), each line under grade 8")
    func readingLevel() {
        let all = Self.referring.compactMap { ClientReasons.lines[$0] }
        #expect(readingGrade(all.joined(separator: "\n")) <= 6.5, "\(readingGrade(all.joined(separator: "\n")))")
        for line in all { #expect(readingGrade(line) < 8, "\(line): grade \(readingGrade(line))") }
        let clinician = ScreeningRules.table.filter { $0.status == .refer }.map(\.why).joined(separator: "\n")
        #expect(readingGrade(clinician) > readingGrade(all.joined(separator: "\n")), "the measure tells the two apart")
    }

    @Test("a referral says whom and when once: no doubled 'before' clause at any urgency")
    func referralSentence() {
        for to in ReferTo.allCases {
            for urgency in Urgency.allCases where urgency != .emergency {
                let sentence = HandoutWording.referral(to, urgency)
                #expect(sentence.components(separatedBy: "before").count == 2, "\(sentence)")
                #expect(sentence.hasPrefix("Please see ") && sentence.hasSuffix("."))
            }
        }
        #expect(HandoutWording.referral(.gp, .routine) == "Please see your GP before your next massage or any self-massage of the area.")
    }
}
