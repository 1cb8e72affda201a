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

/// The shipped catalogs, loaded once.
let shippedLanguages = try! HandoutLanguages.load(folder: nil)
/// The English wording.
let english = shippedLanguages.wording(for: "en")

@Suite("Handouts speak to the client")
struct ClientWordingTests {
    /// The conditions a screening rule refers for.
    static var referring: [Condition] { ScreeningRules.table.filter { $0.status == .refer }.map(\.condition) }

    @Test("every referring condition has the client's own reason: second person, no clinician's words")
    func everyReferralHasAClientLine() {
        for condition in Self.referring {
            let lines = english.reasons(for: ["screen.\(condition.rawValue)"])
            #expect(lines.count == 1, "\(condition) has no client line")
            guard let line = lines.first else { continue }
            #expect(line.contains("You") || line.contains("you") || line.contains("Your"), "\(condition): \(line)")
            for word in ["the client", "client", "stand-alone", "assessment", "red flag", "compression"] {
                #expect(!line.lowercased().contains(word), "\(condition) says \"\(word)\": \(line)")
            }
            #expect(line != ScreeningRules.table.first { $0.condition == condition }?.why)
        }
    }

    @Test("the client's reasons read at about grade 6 (Flesch-Kincaid), each line under grade 8")
    func readingLevel() {
        let all = english.reasons(for: Self.referring.map { "screen.\($0.rawValue)" })
        #expect(readingGrade(all.joined(separator: "\n")) <= 6.5, "\(readingGrade(all.joined(separator: "\n")))")
        for line in all { #expect(readingGrade(line) < 8, "\(line): grade \(readingGrade(line))") }
        let clinician = ScreeningRules.table.filter { $0.status == .refer }.map(\.why).joined(separator: "\n")
        #expect(readingGrade(clinician) > readingGrade(all.joined(separator: "\n")), "the measure tells the two apart")
    }

    @Test("a referral says whom and when once: no doubled 'before' clause at any urgency")
    func referralSentence() {
        for to in ReferTo.allCases {
            for urgency in Urgency.allCases where urgency != .emergency {
                let sentence = english.referral(to, urgency)
                #expect(sentence.components(separatedBy: "before").count == 2, "\(sentence)")
                #expect(sentence.hasPrefix("Please see ") && sentence.hasSuffix("."))
            }
        }
        #expect(english.referral(.gp, .routine) == "Please see your GP before your next massage or any self-massage of the area.")
    }
}

@Suite("The booked day on the handout")
struct BookingWordingTests {
    static let asOf = Day(iso: "2026-11-23")!
    static let week = DayRange(from: asOf, to: asOf.adding(days: 6))

    static func row(therapists: [ClinicConfig.Therapist], window: DayRange = DayRange(from: asOf, to: asOf.adding(days: 2)))
        -> Timetable.Row
    {
        let request = BookingRequest(
            clientID: "C1", team: nil, therapist: "Ana Silva", kind: .sports, minutes: 60, window: window, attention: nil,
            overdueDays: 0, order: 0)
        return Timetable.schedule([request], therapists: therapists, week: week, asOf: asOf).rows[0]
    }

    @Test("booked: the weekday and date, the therapist, the kind and the minutes, then the interval")
    func booked() {
        let text = BookingWording.sentence(
            Self.row(therapists: [.init(name: "Ana Silva", hoursAvailable: 10)]), interval: 14, words: english)
        #expect(
            text == "Your next massage is booked for Monday 23 November with Ana Silva: a sports massage (deep strokes, "
                + "compression and lengthening), 60 minutes. After that, about every 14 days.")
    }

    @Test("not booked: why, when it helps (no free time, nobody works those days), and how to book")
    func notBooked() {
        let full = BookingWording.sentence(
            Self.row(therapists: [.init(name: "Ana Silva", hoursAvailable: 0.5)]), interval: 14, words: english)
        #expect(full.hasPrefix("Your next massage is not booked yet: there was no free time left this week."), "\(full)")
        #expect(full.contains("ask the clinic for the first free time for a sports massage"))
        let weekend = BookingWording.sentence(
            Self.row(therapists: [.init(name: "Ana Silva", hoursAvailable: 10, days: [6, 7])]), interval: 7, words: english)
        #expect(weekend.contains("no therapist works on the days it is due"), "\(weekend)")
    }

    @Test("the marker line becomes the wrapped sentence; a handout without one is left as it is")
    func finish() {
        let row = Self.row(therapists: [.init(name: "Ana Silva", hoursAvailable: 10)])
        let text = Array("THIS WEEK\n\(BookingWording.marker(interval: 14, language: "en"))\nTell your therapist about:\n".utf8)
        #expect(BookingWording.hasMarker(text))
        let done = String(decoding: BookingWording.finish(text, row: row, languages: shippedLanguages), as: UTF8.self)
        #expect(done.hasPrefix("THIS WEEK\nYour next massage is booked for Monday 23 November with Ana Silva: a\n"))
        #expect(done.hasSuffix("After that, about every 14 days.\nTell your therapist about:\n"))
        #expect(done.split(separator: "\n").allSatisfy { $0.count <= 72 })
        let plain = Array("Name: \u{2}booking 7\u{2}\n".utf8)
        #expect(!BookingWording.hasMarker(plain), "only a marker at a line's start counts")
        #expect(BookingWording.finish(plain, row: row, languages: shippedLanguages) == plain)
    }
}
