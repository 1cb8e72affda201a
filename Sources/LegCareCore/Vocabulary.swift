/// The closed vocabularies of the data contract. Each raw value is the exact token
/// accepted in the input and written to `plans.jsonl`.

/// A body area a plan can name (domain brief, section 1), plus `lower_back`, which
/// clients may report as sore but which no self-massage item works directly.
public enum Area: String, CaseIterable, Sendable, Comparable {
    case hamstrings, quadriceps, adductors, calves, glutes
    case itBand = "it_band"
    case shins
    case hipFlexors = "hip_flexors"
    case plantarFascia = "plantar_fascia"
    case lowerBack = "lower_back"

    public static func < (lhs: Area, rhs: Area) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// A self-massage tool. Hands are always available and never listed in the input.
public enum Tool: String, CaseIterable, Sendable {
    case foamRoller = "foam_roller"
    case massageStick = "massage_stick"
    case massageBall = "massage_ball"
    case spikyBall = "spiky_ball"
    case hands

    /// Plain words for a handout ("foam roller").
    public var label: String {
        switch self {
        case .foamRoller: return "foam roller"
        case .massageStick: return "massage stick"
        case .massageBall: return "massage ball"
        case .spikyBall: return "spiky ball"
        case .hands: return "your hands"
        }
    }
}

/// Pressure for a self-massage item, ordered from gentlest to firmest.
public enum Pressure: String, CaseIterable, Sendable, Comparable {
    case light, moderate, firm
    public static func < (lhs: Pressure, rhs: Pressure) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// The client's usual sport or activity. Unknown text is kept and treated as general.
public enum Activity: Hashable, Sendable {
    case known(Sport)
    case other(String)

    /// The named activities of the data contract.
    public enum Sport: String, CaseIterable, Sendable {
        case running, cycling, triathlon, football, rugby, tennis, netball, hockey, athletics, gym
        case walking, none
    }

    /// The token as given (`running`, or the free text of an unknown activity).
    public var token: String {
        switch self {
        case .known(let s): return s.rawValue
        case .other(let text): return text
        }
    }
}

/// The client's work, which shapes the maintenance routine.
public enum Occupation: String, CaseIterable, Sendable {
    case desk, standing, manual, other
}

/// Training load this week.
public enum TrainingLoad: String, CaseIterable, Sendable, Comparable {
    case none, light, moderate, heavy
    public static func < (lhs: TrainingLoad, rhs: TrainingLoad) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// A plan's status; the strictest applicable status wins (refer > modified > cleared).
public enum Status: String, CaseIterable, Sendable, Comparable {
    case cleared, modified, refer
    public static func < (lhs: Status, rhs: Status) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// Who a referred client must see first.
public enum ReferTo: String, CaseIterable, Sendable {
    case physiotherapist, chiropractor, gp, midwife, emergency
}

/// How soon a referral must happen; orders the referral list.
public enum Urgency: String, CaseIterable, Sendable, Comparable {
    case routine, soon, urgent, emergency
    public static func < (lhs: Urgency, rhs: Urgency) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// The kind of professional session a plan recommends.
public enum SessionKind: String, CaseIterable, Sendable {
    case sports, neuromuscular, myofascial, structural, gentle
}

/// Aftercare advice codes of the data contract.
public enum Aftercare: String, CaseIterable, Sendable {
    case hydrate
    case gentleMovement = "gentle_movement"
    case noIntenseExercise24h = "no_intense_exercise_24h"
    case heatForTightness = "heat_for_tightness"
    case coldForSoreness = "cold_for_soreness"
    case sleepPillowKnees = "sleep_pillow_knees"
}
