import Foundation
import LegCareCore
import Testing

@testable import LegCareReports

@Suite("The compiled handout template renders exactly what swift-mustache renders")
struct CompiledTemplateTests {
    static let asOf = Day(iso: "2026-11-23")!

    /// Random clients from a seed, with a change or two to show the "what is new" section.
    static func clients(_ count: Int) -> [(ClientProfile, [PlanChange])] {
        var state: UInt64 = 7
        func next() -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(state >> 33)
        }
        return (0..<count).map { i in
            var p = ClientProfile(clientID: "R\(i)", name: ["Ann Lee", "José Ñúñez", "张伟", "Mary-Jane O'Neil"][next() % 4])
            p.therapist = next() % 3 == 0 ? nil : "Ana Silva"
            p.team = next() % 3 == 0 ? "Reds" : nil
            p.trainingLoad = TrainingLoad.allCases[next() % TrainingLoad.allCases.count]
            p.soreAreas = Array(Set((0..<(next() % 4)).map { _ in Area.allCases[next() % Area.allCases.count] }))
            p.conditions = Set((0..<(next() % 3)).map { _ in Condition.allCases[next() % Condition.allCases.count] })
            p.tools = Set((0..<(next() % 3)).map { _ in [Tool.foamRoller, .massageBall, .massageStick, .spikyBall][next() % 4] })
            p.lastHardSession = next() % 2 == 0 ? Moment(day: asOf.adding(days: -(next() % 5))) : nil
            p.nextEvent = next() % 2 == 0 ? asOf.adding(days: next() % 9) : nil
            p.painLevel = next() % 11
            p.language = [nil, "es", "fr", "de", "pl"][i % 5]  // not from next(): the other fields stay as they were
            let changes =
                next() % 2 == 0 ? [] : [PlanChange(clientID: p.clientID, kind: .intervalDays, before: "28", after: "14")]
            return (p, changes)
        }
    }

    @Test("the shipped template compiles, and 300 random handouts in five languages come out byte for byte the same by both engines")
    func shipped() throws {
        let template = try HandoutTemplate.load(folder: nil)
        var config = ClinicConfig()
        config.emergencyNumber = "112"
        config.footer = "Footer"
        for (profile, changes) in Self.clients(300) {
            let plan = PlanEngine().plan(for: profile, asOf: Self.asOf)
            let (fast, reference) = template.renderBoth(plan: plan, profile: profile, config: config, asOf: Self.asOf, changes: changes)
            #expect(fast != nil, "the shipped template must compile")
            #expect(fast == reference, "\(profile.clientID)")
        }
    }

    @Test(
        "a clinic's own template: variables of every kind, nested and inverted sections, standalone lines",
        arguments: [
            "{{% CONTENT_TYPE: TEXT}}\n{{! a comment }}\nHi {{clientName}}\n  {{#steps}}\n  {{number}}: {{{area}}} / {{&tool}}\n  {{/steps}}\n{{^hasRoutine}}none{{/hasRoutine}}\n",
            "{{#therapist}}With {{.}}.{{/therapist}}{{^therapist}}No therapist.{{/therapist}}\n{{#referWhy}}- {{.}}\n{{/referWhy}}",
            "{{#hasTeam}}\nTeam {{team}}\n{{/hasTeam}}\nEvery {{sessionEvery}} days; {{perWeek}}x{{totalMinutes}}; flag {{hasSession}}\n{{#aftercare}}\n* {{.}}\n{{/aftercare}}\nend",
            "  {{#steps}}  \r\n{{path}}\r\n  {{/steps}}\r\nlast line {{footer}}",
            "{{#sessionMinutes}}minutes {{.}}{{/sessionMinutes}}{{^sessionKind}}no kind{{/sessionKind}}{{#tellTherapist}}{{/tellTherapist}}",
        ])
    func clinicTemplates(_ text: String) throws {
        let template = try HandoutTemplate(text: text, file: "handout.mustache")
        for (profile, changes) in Self.clients(40) {
            let plan = PlanEngine().plan(for: profile, asOf: Self.asOf)
            let (fast, reference) = template.renderBoth(
                plan: plan, profile: profile, config: ClinicConfig(), asOf: Self.asOf, changes: changes)
            #expect(fast != nil)
            #expect(fast == reference, "\(profile.clientID): \(String(describing: fast)) vs \(reference)")
        }
    }

    @Test("a template with partials or new delimiters is left to swift-mustache, which renders it as before")
    func fallback() throws {
        let template = try HandoutTemplate(text: "{{=<% %>=}}\nHi <%clientName%>\n", file: "handout.mustache")
        let profile = ClientProfile(clientID: "A", name: "Ann")
        let (fast, reference) = template.renderBoth(
            plan: PlanEngine().plan(for: profile, asOf: Self.asOf), profile: profile, config: ClinicConfig(), asOf: Self.asOf)
        #expect(fast == nil)
        #expect(reference.contains("Hi Ann"))
    }
}
