import LegCareCore
import Testing

/// One expectation per condition of the domain brief (sections 2 and 7), written out by
/// hand from the brief so that a change to the engine's table shows up here.
struct ScreeningExpectation: CustomTestStringConvertible, Sendable {
    let condition: Condition
    let status: Status
    let referTo: ReferTo?
    let urgency: Urgency?
    /// No self-massage at all (whole-body reason, or an unknown site).
    let wholeBody: Bool
    var testDescription: String { "screen.\(condition.rawValue)" }
}

let expectations: [ScreeningExpectation] = [
    .init(condition: .acuteInjury, status: .refer, referTo: .physiotherapist, urgency: .soon, wholeBody: false),
    .init(condition: .hamstringStrain, status: .refer, referTo: .physiotherapist, urgency: .soon, wholeBody: false),
    .init(condition: .hamstringTear, status: .refer, referTo: .physiotherapist, urgency: .soon, wholeBody: false),
    .init(condition: .tendinopathy, status: .refer, referTo: .physiotherapist, urgency: .routine, wholeBody: false),
    .init(condition: .spinalPain, status: .refer, referTo: .chiropractor, urgency: .routine, wholeBody: false),
    .init(condition: .nerveSymptoms, status: .refer, referTo: .chiropractor, urgency: .soon, wholeBody: true),
    .init(condition: .numbness, status: .refer, referTo: .chiropractor, urgency: .soon, wholeBody: true),
    .init(condition: .bloodClottingDisorder, status: .refer, referTo: .gp, urgency: .routine, wholeBody: true),
    .init(condition: .anticoagulants, status: .refer, referTo: .gp, urgency: .routine, wholeBody: true),
    .init(condition: .activeCancer, status: .refer, referTo: .gp, urgency: .routine, wholeBody: true),
    .init(condition: .pregnancy, status: .refer, referTo: .midwife, urgency: .routine, wholeBody: true),
    .init(condition: .sharpPain, status: .refer, referTo: .physiotherapist, urgency: .soon, wholeBody: false),
    .init(condition: .swelling, status: .refer, referTo: .physiotherapist, urgency: .soon, wholeBody: false),
    .init(condition: .painLimitsWalking, status: .refer, referTo: .physiotherapist, urgency: .soon, wholeBody: false),
    .init(condition: .painLimitsSleep, status: .refer, referTo: .physiotherapist, urgency: .soon, wholeBody: false),
    .init(condition: .stressFractureSuspected, status: .refer, referTo: .physiotherapist, urgency: .soon, wholeBody: false),
    .init(condition: .niggleOverAWeek, status: .refer, referTo: .physiotherapist, urgency: .routine, wholeBody: false),
    .init(condition: .dvtSigns, status: .refer, referTo: .gp, urgency: .urgent, wholeBody: true),
    .init(condition: .breathlessChestPain, status: .refer, referTo: .emergency, urgency: .emergency, wholeBody: true),
    .init(condition: .saddleNumbness, status: .refer, referTo: .emergency, urgency: .emergency, wholeBody: true),
    .init(condition: .bladderBowelChange, status: .refer, referTo: .emergency, urgency: .emergency, wholeBody: true),
    .init(condition: .progressiveWeakness, status: .refer, referTo: .emergency, urgency: .emergency, wholeBody: true),
    .init(condition: .darkUrine, status: .refer, referTo: .emergency, urgency: .emergency, wholeBody: true),
    .init(condition: .fever, status: .refer, referTo: .gp, urgency: .soon, wholeBody: true),
    .init(condition: .fracture, status: .refer, referTo: .physiotherapist, urgency: .soon, wholeBody: false),
    .init(condition: .bonePain, status: .refer, referTo: .physiotherapist, urgency: .soon, wholeBody: false),
    .init(condition: .recentSurgery, status: .refer, referTo: .gp, urgency: .routine, wholeBody: true),
    .init(condition: .sorenessOverAWeek, status: .refer, referTo: .physiotherapist, urgency: .soon, wholeBody: false),
    .init(condition: .skinCondition, status: .modified, referTo: nil, urgency: nil, wholeBody: false),
    .init(condition: .openWound, status: .modified, referTo: nil, urgency: nil, wholeBody: false),
    .init(condition: .skinInfection, status: .modified, referTo: nil, urgency: nil, wholeBody: false),
    .init(condition: .varicoseVeins, status: .modified, referTo: nil, urgency: nil, wholeBody: false),
    .init(condition: .osteoporosis, status: .modified, referTo: nil, urgency: nil, wholeBody: false),
    .init(condition: .diabetesNeuropathy, status: .modified, referTo: nil, urgency: nil, wholeBody: false),
    .init(condition: .injuryRecoveryCleared, status: .modified, referTo: nil, urgency: nil, wholeBody: false),
    .init(condition: .hamstringStrainHistory, status: .modified, referTo: nil, urgency: nil, wholeBody: false),
    .init(condition: .chronicKnots, status: .cleared, referTo: nil, urgency: nil, wholeBody: false),
    .init(condition: .stuckMobility, status: .cleared, referTo: nil, urgency: nil, wholeBody: false),
    .init(condition: .postureProblems, status: .cleared, referTo: nil, urgency: nil, wholeBody: false),
    .init(condition: .longEffort, status: .cleared, referTo: nil, urgency: nil, wholeBody: false),
]

@Suite("Screening rules of the domain brief")
struct ScreeningRuleTests {
    @Test("every condition in the data contract has an expectation")
    func everyConditionCovered() {
        #expect(Set(expectations.map(\.condition)) == Set(Condition.allCases))
    }

    @Test(arguments: expectations)
    func rule(_ e: ScreeningExpectation) {
        // A footballer with sore calves (not hamstrings) so area-scoped rules leave items to check.
        let p = plan(
            footballer {
                $0.conditions = [e.condition]
                $0.soreAreas = [.calves, .quadriceps]
            })
        #expect(p.status == e.status)
        #expect(p.referTo == e.referTo)
        #expect(p.urgency == e.urgency)
        if e.status != .cleared {
            #expect(p.flags.contains(e.condition.rawValue))
            #expect(p.reasons.contains { $0.rule == "screen.\(e.condition.rawValue)" })
        }
        if e.status == .refer {
            #expect(p.professional.kind == nil)
            #expect(p.professional.deepWorkAllowed == false)
            #expect(p.professional.nextWindow == nil)
        }
        let held = p.reasons.contains { $0.rule == "selfmassage.whole_body_hold" }
        #expect(held == e.wholeBody)
        if e.wholeBody {
            #expect(p.selfMassage.items.isEmpty)
            #expect(p.selfMassage.sessionsPerWeek == 0)
        }
        #expect(!p.selfMassage.items.contains { p.avoidAreas.contains($0.area) })
    }

    @Test("screen.strictest_wins: refer beats modified, every reason listed")
    func strictestWins() {
        let p = plan(footballer { $0.conditions = [.skinCondition, .tendinopathy, .varicoseVeins] })
        #expect(p.status == .refer)
        #expect(p.reasons.contains { $0.rule == "screen.skin_condition" })
        #expect(p.reasons.contains { $0.rule == "screen.varicose_veins" })
        #expect(p.reasons.contains { $0.rule == "screen.tendinopathy" })
        #expect(p.avoid.contains(.oil) && p.avoid.contains(.friction))
    }

    @Test("screen.referral_urgency: the most urgent referral names the professional")
    func mostUrgentReferralWins() {
        let p = plan(footballer { $0.conditions = [.pregnancy, .dvtSigns, .tendinopathy] })
        #expect(p.referTo == .gp)
        #expect(p.urgency == .urgent)
        #expect(p.referralRules.first == "screen.dvt_signs")
        let e = plan(footballer { $0.conditions = [.dvtSigns, .darkUrine] })
        #expect(e.referTo == .emergency)
        #expect(e.urgency == .emergency)
    }

    @Test("screen.referred_area: a referred area is left out of every item, others stay")
    func referredAreaLeftOut() {
        let p = plan(
            footballer {
                $0.conditions = [.hamstringStrain]
                $0.soreAreas = [.hamstrings, .calves]
            })
        #expect(p.avoidAreas == [.hamstrings])
        #expect(!p.selfMassage.items.contains { $0.area == .hamstrings })
        #expect(p.selfMassage.items.contains { $0.area == .calves })
    }

    @Test("screen.acute_injury without a named area: no self-massage at all")
    func acuteInjuryNoAreaIsWholeBody() {
        let p = plan(
            footballer {
                $0.conditions = [.acuteInjury]
                $0.soreAreas = []
            })
        #expect(p.selfMassage.items.isEmpty)
        #expect(p.selfMassage.sessionsPerWeek == 0)
    }

    @Test("screen.hamstring_strain: never stretch a strained muscle")
    func noStretchOfStrain() {
        for c in [Condition.hamstringStrain, .hamstringTear] {
            let p = plan(footballer { $0.conditions = [c] })
            #expect(p.avoid.contains(.stretch(.hamstrings)))
            #expect(p.reasons.contains { $0.rule == "aftercare.no_stretch_strain" })
        }
    }

    @Test("screen.pain_gate: pain 8+ without a red flag is modified, gentle, no deep work")
    func painGate() {
        let p = plan(footballer { $0.painLevel = 8 })
        #expect(p.status == .modified)
        #expect(p.avoid.contains(.deepWork))
        #expect(p.professional.kind == .gentle)
        #expect(p.professional.deepWorkAllowed == false)
        #expect(p.selfMassage.items.allSatisfy { $0.pressure == .light })
        #expect(plan(footballer { $0.painLevel = 7 }).status == .cleared)
    }

    @Test("screen.pain_gate follows the clinic's threshold")
    func painGateConfigurable() {
        var s = EngineSettings()
        s.painGate = 6
        #expect(plan(footballer { $0.painLevel = 6 }, settings: s).status == .modified)
    }

    @Test("screen.skin_condition: no oil and no friction")
    func skinCondition() {
        let p = plan(footballer { $0.conditions = [.skinCondition] })
        #expect(p.avoid.contains(.oil))
        #expect(p.avoid.contains(.friction))
    }

    @Test("screen.diabetes_neuropathy: numb feet skipped, light pressure")
    func neuropathy() {
        let p = plan(
            footballer {
                $0.conditions = [.diabetesNeuropathy]
                $0.soreAreas = [.plantarFascia, .calves]
            })
        #expect(p.avoidAreas.contains(.plantarFascia))
        #expect(!p.selfMassage.items.contains { $0.area == .plantarFascia })
        #expect(p.selfMassage.items.allSatisfy { $0.pressure == .light })
    }

    @Test("screen.hamstring_strain_history: no aggressive hamstring work")
    func strainHistory() {
        let p = plan(
            footballer {
                $0.conditions = [.hamstringStrainHistory]
                $0.pressure = .firm
                $0.soreAreas = [.hamstrings, .calves]
            })
        #expect(p.status == .modified)
        #expect(p.selfMassage.items.first { $0.area == .hamstrings }?.pressure == .light)
        #expect(p.selfMassage.items.first { $0.area == .calves }?.pressure == .firm)
    }

    @Test("screen.varicose_veins and screen.osteoporosis: hands only, light pressure", arguments: [Condition.varicoseVeins, .osteoporosis])
    func handsOnly(_ c: Condition) {
        let p = plan(
            footballer {
                $0.conditions = [c]
                $0.tools = [.foamRoller, .massageStick]
                $0.soreAreas = [.calves, .quadriceps]
            })
        #expect(!p.selfMassage.items.isEmpty)
        #expect(p.selfMassage.items.allSatisfy { $0.tool == .hands && $0.pressure == .light })
        #expect(p.reasons.contains { $0.rule == "selfmassage.hands_only" })
    }

    @Test("screen.cleared: no condition gives a plan as normal")
    func cleared() {
        let p = plan(footballer())
        #expect(p.status == .cleared)
        #expect(p.flags.isEmpty)
        #expect(p.professional.kind == .sports)
        #expect(p.professional.deepWorkAllowed)
    }
}
