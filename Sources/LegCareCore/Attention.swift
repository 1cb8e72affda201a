/// How much attention a squad athlete needs this week: a scheduling aid, like the load
/// figures it reads. It orders who is seen first; it never clears or diagnoses anyone.
public enum AttentionLevel: String, CaseIterable, Comparable, Sendable {
    case green, amber, red

    public static func < (a: Self, b: Self) -> Bool { a.rank < b.rank }
    private var rank: Int { Self.allCases.firstIndex(of: self)! }
}

/// An athlete's attention level and every reason for it (rule ids, most serious first).
public struct Attention: Hashable, Sendable {
    public var level: AttentionLevel
    /// Rule ids from ``AttentionRules/table``; empty for green.
    public var reasons: [String]
    /// The wellness items that moved, for the reasons `wellness_red` and `wellness_amber`.
    public var wellnessItems: [String]

    public init(level: AttentionLevel, reasons: [String], wellnessItems: [String] = []) {
        self.level = level
        self.reasons = reasons
        self.wellnessItems = wellnessItems
    }
}

/// The attention rules, one row each: red for an open referral, pain at the gate, a load
/// spike or a red wellness flag; amber for load well under the norm, high monotony or an
/// amber wellness flag (issue on sports teams; thresholds from `clinic.yaml`).
public enum AttentionRules {
    /// What an athlete's week looks like to the rules.
    public struct Facts: Sendable {
        public var referred: Bool
        public var painLevel: Int?
        public var load: LoadSummary?
        public var wellness: [String: WellnessScore]

        public init(referred: Bool, painLevel: Int?, load: LoadSummary?, wellness: [String: WellnessScore]) {
            self.referred = referred
            self.painLevel = painLevel
            self.load = load
            self.wellness = wellness
        }
    }

    /// One rule: its id, the level it sets, and when it applies.
    public struct Rule: Sendable {
        public let id: String
        public let level: AttentionLevel
        public let applies: @Sendable (Facts, EngineSettings) -> Bool
    }

    /// Every rule, most serious first; the reasons keep this order.
    public static let table: [Rule] = [
        Rule(id: "referral", level: .red) { f, _ in f.referred },
        Rule(id: "pain", level: .red) { f, s in (f.painLevel ?? 0) >= s.attentionPain },
        Rule(id: "acwr_spike", level: .red) { f, s in (f.load?.acwr).map { $0 > s.acwrSpike } ?? false },
        Rule(id: "wellness_red", level: .red) { f, _ in f.wellness.values.contains { $0.flag == .red } },
        Rule(id: "acwr_low", level: .amber) { f, s in (f.load?.acwr).map { $0 < s.acwrLow } ?? false },
        Rule(id: "monotony_high", level: .amber) { f, s in (f.load?.monotony).map { $0 > s.monotonyHigh } ?? false },
        Rule(id: "wellness_amber", level: .amber) { f, _ in f.wellness.values.contains { $0.flag == .amber } },
    ]

    /// The level (the highest of the rules that apply, green when none) and its reasons.
    public static func evaluate(_ facts: Facts, settings: EngineSettings) -> Attention {
        let hits = table.filter { $0.applies(facts, settings) }
        let moved = facts.wellness.filter { $0.value.flag != nil }.keys.sorted()
        return Attention(level: hits.map(\.level).max() ?? .green, reasons: hits.map(\.id), wellnessItems: moved)
    }
}
