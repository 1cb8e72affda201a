import LegCareCore

/// The as-of day most tests use: Monday 23 November 2026 (ISO week 48).
let monday = Day(iso: "2026-11-23")!

/// A cleared footballer with sore hamstrings and a foam roller: tests change one thing.
func footballer(_ change: (inout ClientProfile) -> Void = { _ in }) -> ClientProfile {
    var p = ClientProfile(
        clientID: "T1", name: "Test Player", team: "Squad", therapist: "Ana",
        activity: .known(.football), occupation: .other, trainingLoad: .moderate,
        soreAreas: [.hamstrings], painLevel: 3, tools: [.foamRoller], pressure: .moderate)
    change(&p)
    return p
}

func plan(_ profile: ClientProfile, asOf: Day = monday, settings: EngineSettings = EngineSettings(), training: TrainingHistory? = nil)
    -> Plan
{
    PlanEngine(settings: settings).plan(for: profile, asOf: asOf, training: training)
}

func day(_ s: String) -> Day { Day(iso: s)! }
