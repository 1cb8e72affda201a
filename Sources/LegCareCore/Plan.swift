/// Why a decision was made: the rule's id and one sentence a clinician can read.
public struct Reason: Hashable, Sendable {
    /// The id of the rule that made the decision (`screen.dvt_signs`, `prof.interval`).
    public let rule: String
    /// One short sentence.
    public let text: String

    public init(rule: String, text: String) {
        self.rule = rule
        self.text = text
    }
}

/// A span of days, both ends included.
public struct DayRange: Hashable, Sendable {
    public let from: Day
    public let to: Day
    public init(from: Day, to: Day) {
        self.from = from
        self.to = to
    }
    /// Whether the day falls in the range.
    public func contains(_ day: Day) -> Bool { from <= day && day <= to }
}

/// The professional-session part of a plan.
public struct ProfessionalPlan: Hashable, Sendable {
    /// `nil` when the client is referred.
    public var kind: SessionKind?
    public var intervalDays: Int?
    public var minutes: Int?
    public var deepWorkAllowed: Bool
    /// The days in which the next session should fall.
    public var nextWindow: DayRange?

    public static let none = ProfessionalPlan(
        kind: nil, intervalDays: nil, minutes: nil, deepWorkAllowed: false, nextWindow: nil)
}

/// One self-massage step.
public struct RoutineItem: Hashable, Sendable {
    public var area: Area
    public var tool: Tool
    /// Seconds per leg, 30-60.
    public var seconds: Int
    /// Hold on a tender spot, 20-30 seconds.
    public var holdSeconds: Int
    public var pressure: Pressure
    /// Whether the area was reported sore (otherwise it is maintenance).
    public var sore: Bool
}

/// When to do the routine relative to training.
public enum RoutineTiming: String, CaseIterable, Sendable {
    /// Within 30-60 minutes after training: light and superficial.
    case soonAfterLight = "within_1h_after_light"
    /// 2-6 hours after: the best window for deeper work.
    case laterDeeper = "2_6h_after_deeper"
    /// Before exercise: gentle, to warm up.
    case beforeGentle = "before_exercise_gentle"
    /// Recent hard session with soreness: gentle only for now.
    case domsGentle = "doms_gentle_only"
    /// An event is close: keep it light.
    case preEventLight = "pre_event_light"
}

/// The self-massage part of a plan.
public struct SelfMassagePlan: Hashable, Sendable {
    public var sessionsPerWeek: Int
    public var items: [RoutineItem]
    /// Whole minutes for one session, both legs, at most 15.
    public var totalMinutes: Int
    public var timing: [RoutineTiming]

    public static let none = SelfMassagePlan(sessionsPerWeek: 0, items: [], totalMinutes: 0, timing: [])
}

/// Training-load figures for a squad athlete (domain brief, section 6).
public struct LoadSummary: Hashable, Sendable {
    /// Load of the 7 days before the as-of day.
    public var acute: Double
    /// Mean weekly load over the 28 days before the as-of day.
    public var chronic: Double
    /// Acute / chronic; `nil` with under 28 days of history or no chronic load.
    public var acwr: Double?
    /// Mean daily load / its population standard deviation over 7 days; `nil` when that is 0.
    public var monotony: Double?
    /// 7-day load x monotony.
    public var strain: Double?
    /// Mean of each wellness score (1-5, higher is better) over the last 7 days, when given.
    public var wellness: [String: Double]

    /// Figures as computed elsewhere (``TrainingHistory`` makes them) or kept and read back.
    public init(acute: Double, chronic: Double, acwr: Double?, monotony: Double?, strain: Double?, wellness: [String: Double]) {
        self.acute = acute
        self.chronic = chronic
        self.acwr = acwr
        self.monotony = monotony
        self.strain = strain
        self.wellness = wellness
    }
}

/// A client's plan for the week: every decision with its reason.
public struct Plan: Hashable, Sendable {
    public var clientID: String
    public var status: Status
    public var referTo: ReferTo?
    public var urgency: Urgency?
    /// The conditions and red flags that set the status, in rule-table order.
    public var flags: [String]
    /// Areas no self-massage item may touch.
    public var avoidAreas: [Area]
    public var avoid: [Avoidance]
    public var professional: ProfessionalPlan
    public var selfMassage: SelfMassagePlan
    public var aftercare: [Aftercare]
    public var reasons: [Reason]
    public var load: LoadSummary?
    /// Wellness items against the athlete's own norm (training rows with wellness only).
    public var wellness: [String: WellnessScore] = [:]
    /// Squad attention (athletes with training rows only).
    public var attention: Attention?
    /// The ids of rules whose referral applies, most urgent first (for the handout).
    public var referralRules: [String]
    public var rulesVersion: String
}
