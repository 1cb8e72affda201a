import Foundation
import LegCareCore
import PropertyBased
import Testing

@testable import LegCareReports

/// Golden handouts: every wording change is a reviewed diff of `golden/*.txt`.
/// Regenerate after an intended change with `LEGCARE_UPDATE_GOLDEN=1 swift test`.
@Suite("Handouts (golden files)")
struct HandoutGoldenTests {
    static let asOf = Day(iso: "2026-11-23")!
    static let config: ClinicConfig = {
        var c = ClinicConfig()
        c.clinicName = "Golden Test Clinic"
        c.contactLine = "1 Test Street. Questions: 01234 567890"
        c.bookingLine = "Book at the front desk."
        c.footer = "Prepared by your therapist."
        c.emergencyNumber = "999"
        c.therapists = [.init(name: "Ana Silva", hoursAvailable: 30)]
        return c
    }()

    /// The client's row of the week booked as a run books it (`nil`: not due this week).
    static func booking(_ plan: Plan, _ profile: ClientProfile) -> Timetable.Row? {
        let week = DayRange(from: asOf, to: asOf.adding(days: 6))
        guard let request = BookingRequest(plan: plan, profile: profile, week: week, asOf: asOf, order: 0) else { return nil }
        return Timetable.schedule([request], therapists: config.therapists, week: week, asOf: asOf).rows.first
    }

    static func profile(_ id: String, _ name: String, _ change: (inout ClientProfile) -> Void) -> ClientProfile {
        var p = ClientProfile(
            clientID: id, name: name, therapist: "Ana Silva", activity: .known(.running), trainingLoad: .moderate,
            soreAreas: [.calves], painLevel: 3, tools: [.foamRoller], pressure: .moderate)
        change(&p)
        return p
    }

    static let cases: [(String, ClientProfile)] = [
        (
            "cleared",
            profile("G1", "Ada Lovelace") {
                $0.soreAreas = [.calves, .hamstrings]
                $0.lastHardSession = Moment(day: Day(iso: "2026-11-21")!)
            }
        ),
        ("modified", profile("G2", "Bea Modified") { $0.conditions = [.varicoseVeins, .skinCondition] }),
        (
            "refer-routine",
            profile("G3", "Cal Routine") {
                $0.conditions = [.tendinopathy]
                $0.soreAreas = [.calves, .quadriceps]
            }
        ),
        (
            "refer-soon",
            profile("G4", "Dee Soon") {
                $0.conditions = [.hamstringStrain]
                $0.soreAreas = [.hamstrings, .calves]
            }
        ),
        ("refer-urgent", profile("G5", "Eli Urgent") { $0.conditions = [.dvtSigns] }),
        ("refer-emergency", profile("G6", "Fay Emergency") { $0.conditions = [.saddleNumbness] }),
        (
            "squad-athlete",
            profile("G7", "Gus Squad") {
                $0.team = "Riverside FC"
                $0.activity = .known(.football)
                $0.trainingLoad = .heavy
                $0.lastHardSession = Moment(day: Day(iso: "2026-11-22")!, minuteOfDay: 15 * 60)
                $0.nextEvent = Day(iso: "2026-11-28")
                $0.soreAreas = [.hamstrings, .adductors]
                $0.tools = [.foamRoller, .massageBall]
            }
        ),
        (
            "no-tools",
            profile("G8", "Hal Hands") {
                $0.tools = []
                $0.soreAreas = [.shins, .plantarFascia, .glutes]
            }
        ),
        (
            "long-name",
            profile("G9", "Maximiliana Theodora von Hohenberg-Lichtenstein-Wartensee-Oberammergau-Zürich 张伟") {
                $0.team = "Northgate Netball Development Squad Under-21s"
            }
        ),
    ]

    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("golden")

    @Test("each representative client matches its golden handout", arguments: cases.map(\.0))
    func golden(_ name: String) throws {
        let profile = Self.cases.first { $0.0 == name }!.1
        let template = try HandoutTemplate.load(folder: nil)
        let plan = PlanEngine().plan(for: profile, asOf: Self.asOf)
        let text = template.render(plan: plan, profile: profile, config: Self.config, asOf: Self.asOf, booking: Self.booking(plan, profile))
        let url = Self.folder.appendingPathComponent("\(name).txt")
        if ProcessInfo.processInfo.environment["LEGCARE_UPDATE_GOLDEN"] == "1" {
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        #expect(text == expected, "handout \(name) differs from golden/\(name).txt")
    }

    @Test("a handout whose plan changed since last week says what is new, in plain words, after any referral")
    func whatsNew() throws {
        let template = try HandoutTemplate.load(folder: nil)
        let profile = Self.cases.first { $0.0 == "cleared" }!.1
        let plan = PlanEngine().plan(for: profile, asOf: Self.asOf)
        let changes = [
            PlanChange(clientID: "G1", kind: .status, before: "refer", after: "cleared"),
            PlanChange(clientID: "G1", kind: .intervalDays, before: "28", after: "14"),
            PlanChange(clientID: "G1", kind: .sessionKind, before: "gentle", after: "sports"),
            PlanChange(clientID: "G1", kind: .routine, before: "calves;glutes", after: "calves;hamstrings"),
            PlanChange(clientID: "G1", kind: .attention, before: "red", after: "green"),
        ]
        let text = template.render(
            plan: plan, profile: profile, config: Self.config, asOf: Self.asOf, changes: changes, booking: Self.booking(plan, profile))
        let url = Self.folder.appendingPathComponent("whats-new.txt")
        if ProcessInfo.processInfo.environment["LEGCARE_UPDATE_GOLDEN"] == "1" {
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        #expect(text == (try String(contentsOf: url, encoding: .utf8)))
        #expect(!text.contains("attention"), "attention is for the physio, not the client")
        let unchanged = template.render(plan: plan, profile: profile, config: Self.config, asOf: Self.asOf, changes: [])
        #expect(!unchanged.contains("WHAT IS NEW"))
    }

    @Test("the emergency number comes from clinic.yaml; without one the handout still says what to do")
    func emergencyNumber() throws {
        let template = try HandoutTemplate.load(folder: nil)
        let profile = Self.cases.first { $0.0 == "refer-emergency" }!.1
        let plan = PlanEngine().plan(for: profile, asOf: Self.asOf)
        var config = Self.config
        config.emergencyNumber = "112"
        // Lines joined: the wrapping may break a sentence anywhere.
        let with112 = template.render(plan: plan, profile: profile, config: config, asOf: Self.asOf).replacingOccurrences(
            of: "\n", with: " ")
        #expect(with112.contains("call 112, or go to the nearest emergency department"))
        #expect(!with112.contains("999"))
        config.emergencyNumber = ""
        let without = template.render(plan: plan, profile: profile, config: config, asOf: Self.asOf).replacingOccurrences(
            of: "\n", with: " ")
        #expect(without.contains("Get emergency help now: call your local emergency number, or go to the"))
        #expect(without.contains("breathlessness, call your local emergency number straight away"))
    }

    @Test("every handout: wrapped at 72 columns unless one word is longer, no trailing spaces, red flags present")
    func printable() throws {
        let template = try HandoutTemplate.load(folder: nil)
        for (name, profile) in Self.cases {
            let text = template.render(
                plan: PlanEngine().plan(for: profile, asOf: Self.asOf), profile: profile, config: Self.config, asOf: Self.asOf)
            for line in text.split(separator: "\n") {
                #expect(
                    line.count <= 72 || !line.trimmingCharacters(in: .whitespaces).contains(" ") || line.contains(profile.name),
                    "\(name): \(line)")
                #expect(!line.hasSuffix(" "), "\(name): trailing space")
            }
            #expect(text.contains("WHEN TO SEEK HELP"))
            #expect(text.contains(profile.name), "\(name): the name is kept exactly, on one line")
            #expect(!text.contains("flush") && !text.contains("toxins") && !text.contains("prevents injury"))
        }
    }

    @Test("a referral comes first and plainly; an emergency opens with what to do now")
    func referralFirst() throws {
        let template = try HandoutTemplate.load(folder: nil)
        for (name, profile) in Self.cases where name.hasPrefix("refer") {
            let text = template.render(
                plan: PlanEngine().plan(for: profile, asOf: Self.asOf), profile: profile, config: Self.config, asOf: Self.asOf)
            let first = try #require(text.range(of: "BEFORE ANYTHING ELSE"))
            #expect(first.lowerBound < text.range(of: "THIS WEEK")!.lowerBound)
            if name == "refer-emergency" {
                #expect(text.range(of: "ACT NOW")!.lowerBound < first.lowerBound)
            } else {
                #expect(!text.contains("ACT NOW"))
            }
        }
    }

    @Test("a template with an unknown key is an error naming file, line and key")
    func unknownKey() {
        #expect(
            throws: TemplateError(
                file: "custom.mustache", line: 2, key: "clientNmae",
                problem: "is not a handout key; see docs/how-to-customise-the-handout.md")
        ) {
            try HandoutTemplate(text: "{{% CONTENT_TYPE: TEXT}}\nHello {{clientNmae}}\n", file: "custom.mustache")
        }
    }

    @Test("a template with a syntax error names its line")
    func syntaxError() {
        do {
            _ = try HandoutTemplate(text: "ok\n{{#steps}}\nunclosed\n", file: "bad.mustache")
            Issue.record("expected an error")
        } catch let e as TemplateError {
            #expect(e.file == "bad.mustache")
        } catch { Issue.record("\(error)") }
    }

    @Test("a clinic's own template is used and rendered as plain text (no HTML escaping)")
    func customTemplate() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tpl-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try "{{% CONTENT_TYPE: TEXT}}\n{{clinic}} for {{clientName}}\n".write(
            to: dir.appendingPathComponent("handout.mustache"), atomically: true, encoding: .utf8)
        let t = try HandoutTemplate.load(folder: dir.path)
        var c = ClinicConfig()
        c.clinicName = "Smith & Jones <Physio>"
        let p = ClientProfile(clientID: "1", name: "O'Brien")
        #expect(
            t.render(plan: PlanEngine().plan(for: p, asOf: Self.asOf), profile: p, config: c, asOf: Self.asOf)
                == "Smith & Jones <Physio> for O'Brien\n")
    }

    @Test("Latin lines wrap on bytes exactly as the Character path wraps them (random lines and widths, letters of every shipped language)")
    func byteWrapMatchesCharacterWrap() async {
        let pieces = [
            "- ", "1. ", "12. ", "Note: ", "Timing:", " ", "  ", "word", "a", "longerword", "x.y", "3.", ":", "-", "9", "\u{1}", "żółw",
            "é", "Où\u{A0}:", "„tak”", "–", "Größe:",
        ]
        let gen = Gen.int(in: 0...Int(Int32.max)).map { seed -> (String, Int) in
            var s = UInt64(seed)
            func next() -> Int {
                s = s &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                return Int(s >> 33)
            }
            let line = (0..<(1 + next() % 40)).map { _ in pieces[next() % pieces.count] }.joined()
            return (line, 8 + next() % 70)
        }
        await propertyCheck(count: 500, input: gen) { input in
            let (line, width) = input
            var trimmed = line
            while trimmed.last == " " { trimmed.removeLast() }
            guard trimmed.count > width, !trimmed.isEmpty else { return }
            var bytes: [UInt8] = []
            Array(trimmed.utf8).withUnsafeBufferPointer {
                TextWrapper.wrapScalars($0, width: width, ascii: !trimmed.utf8.contains { $0 >= 0x80 }, into: &bytes)
            }
            let expected = TextWrapper.wrapLine(trimmed, width: width).joined(separator: "\n")
            #expect(String(decoding: bytes, as: UTF8.self) == expected, "width \(width): \(trimmed)")
        }
    }

    @Test("wrapping keeps list items' hanging indent")
    func wrapper() {
        let out = TextWrapper.wrap("- " + String(repeating: "word ", count: 20), width: 30)
        #expect(out == "- word word word word word\n  word word word word word\n  word word word word word\n  word word word word word\n")
    }
}
