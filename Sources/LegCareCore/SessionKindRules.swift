/// Which professional session kind a plan picks (domain brief, section 3), in
/// precedence order: the first row whose condition the client reports wins, and
/// safety (a gentle-only screening result) comes before all of them.
public enum SessionKindRules {
    /// A row: the condition, the kind it calls for, its rule id and reason.
    public struct Row: Sendable {
        public let condition: Condition
        public let kind: SessionKind
        public let id: String
        public let why: String
    }

    /// Rule id for the gentle kind forced by screening.
    public static let gentleForSafetyID = "prof.kind.gentle_for_safety"
    /// Rule id for the default kind.
    public static let defaultID = "prof.kind.default"

    public static let table: [Row] = [
        Row(
            condition: .longEffort, kind: .gentle, id: "prof.kind.long_effort",
            why: "After a long effort a gentle method (Swedish, Lomi Lomi) calms the nervous system without inflaming tissue."),
        Row(
            condition: .chronicKnots, kind: .neuromuscular, id: "prof.kind.chronic_knots",
            why: "Chronic knots or a specific trigger point: neuromuscular therapy."),
        Row(
            condition: .stuckMobility, kind: .myofascial, id: "prof.kind.stuck_mobility",
            why: "Movement feels stuck rather than tight: myofascial release."),
        Row(
            condition: .postureProblems, kind: .structural, id: "prof.kind.posture_problems",
            why: "Persistent posture or alignment problems: structural work."),
    ]
}
