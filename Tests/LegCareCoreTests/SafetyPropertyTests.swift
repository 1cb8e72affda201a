import LegCareCore
import PropertyBased
import Testing

/// Builds a random valid profile and as-of day from a seed (SplitMix64), so a failing
/// seed reproduces the exact client.
struct RandomClient: CustomStringConvertible {
    let profile: ClientProfile
    let asOf: Day

    init(seed: UInt64) {
        var state = seed
        func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        func int(_ r: ClosedRange<Int>) -> Int { r.lowerBound + Int(next() % UInt64(r.count)) }
        func chance(_ p: Int) -> Bool { int(1...100) <= p }
        func pick<T>(_ all: [T]) -> T { all[int(0...(all.count - 1))] }
        func some<T>(_ all: [T], max: Int) -> [T] { (0..<int(0...max)).map { _ in pick(all) } }

        asOf = Day(iso: "2026-01-05")!.adding(days: int(0...400))
        var p = ClientProfile(clientID: "R\(seed)", name: "Random")
        p.activity = chance(80) ? .known(pick(Activity.Sport.allCases)) : nil
        p.occupation = chance(70) ? pick(Occupation.allCases) : nil
        p.trainingLoad = chance(80) ? pick(TrainingLoad.allCases) : nil
        p.lastHardSession = chance(60) ? Moment(day: asOf.adding(days: -int(0...10)), minuteOfDay: chance(50) ? int(0...1439) : nil) : nil
        p.nextEvent = chance(60) ? asOf.adding(days: int(-2...14)) : nil
        var areas: [Area] = []
        for a in some(Area.allCases, max: 5) where !areas.contains(a) { areas.append(a) }
        p.soreAreas = areas
        p.painLevel = chance(80) ? int(0...10) : nil
        p.conditions = Set(some(Condition.allCases, max: chance(50) ? 0 : 3))
        p.tools = Set(some([Tool.foamRoller, .massageStick, .massageBall, .spikyBall], max: 4))
        p.pressure = chance(80) ? pick(Pressure.allCases) : nil
        p.lastMassage = chance(60) ? asOf.adding(days: -int(0...40)) : nil
        p.sessionMinutes = chance(40) ? pick([30, 45, 60, 90]) : nil
        profile = p
    }

    var description: String { "\(profile) as of \(asOf)" }
}

let seeds = Gen.int(in: 0...Int(Int32.max)).map { RandomClient(seed: UInt64($0)) }
let wholeBodyConditions: Set<Condition> = [
    .bloodClottingDisorder, .anticoagulants, .activeCancer, .pregnancy, .dvtSigns, .breathlessChestPain,
    .saddleNumbness, .bladderBowelChange, .progressiveWeakness, .darkUrine, .fever,
]

@Suite("Safety invariants over random valid profiles")
struct SafetyPropertyTests {
    func check(_ body: @escaping @Sendable (RandomClient, Plan) -> Void) async {
        await propertyCheck(count: 400, input: seeds) { c in
            body(c, PlanEngine().plan(for: c.profile, asOf: c.asOf))
        }
    }

    @Test("refer means no professional kind, no deep work, no window")
    func referHoldsSessions() async {
        await check { _, p in
            if p.status == .refer {
                #expect(p.professional.kind == nil)
                #expect(!p.professional.deepWorkAllowed)
                #expect(p.professional.nextWindow == nil)
            }
        }
    }

    @Test("no self-massage item on an avoided area")
    func noItemOnAvoidedArea() async {
        await check { _, p in
            #expect(!p.selfMassage.items.contains { p.avoidAreas.contains($0.area) })
        }
    }

    @Test("a whole-body reason means no self-massage items at all")
    func wholeBodyNoItems() async {
        await check { c, p in
            if !c.profile.conditions.isDisjoint(with: wholeBodyConditions) {
                #expect(p.selfMassage.items.isEmpty)
                #expect(p.selfMassage.sessionsPerWeek == 0)
            }
        }
    }

    @Test("a strained hamstring is never stretched")
    func strainNeverStretched() async {
        await check { c, p in
            if !c.profile.conditions.isDisjoint(with: [.hamstringStrain, .hamstringTear]) {
                #expect(p.avoid.contains(.stretch(.hamstrings)))
                #expect(!p.selfMassage.items.contains { $0.area == .hamstrings })
            }
        }
    }

    @Test("no deep-work window in the 48 h before an event")
    func noDeepWorkBeforeEvent() async {
        await check { c, p in
            guard p.professional.deepWorkAllowed, let w = p.professional.nextWindow, let event = c.profile.nextEvent else { return }
            var d = w.from
            while d <= w.to {
                #expect(!(event.adding(days: -2)...event).contains(d), "deep work on \(d), event \(event)")
                d = d.adding(days: 1)
            }
        }
    }

    @Test("shins never get a foam roller")
    func shinsNoRoller() async {
        await check { _, p in
            #expect(!p.selfMassage.items.contains { $0.area == .shins && $0.tool == .foamRoller })
        }
    }

    @Test("doses stay in range: 30-60 s, holds 20-30 s, at most 15 minutes and 5 items")
    func dosesInRange() async {
        await check { _, p in
            for item in p.selfMassage.items {
                #expect((30...60).contains(item.seconds))
                #expect((20...30).contains(item.holdSeconds))
            }
            #expect((0...15).contains(p.selfMassage.totalMinutes))
            #expect(p.selfMassage.items.count <= 5)
            #expect((0...7).contains(p.selfMassage.sessionsPerWeek))
        }
    }

    @Test("contract values: interval and minutes from the allowed sets")
    func contractValues() async {
        await check { _, p in
            if let i = p.professional.intervalDays { #expect([7, 14, 21, 28].contains(i)) }
            if let m = p.professional.minutes { #expect([30, 45, 60, 90].contains(m)) }
            if let w = p.professional.nextWindow { #expect(w.from <= w.to) }
        }
    }

    @Test("the same profile always gives the same plan")
    func deterministic() async {
        await check { c, p in
            #expect(PlanEngine().plan(for: c.profile, asOf: c.asOf) == p)
        }
    }
}
