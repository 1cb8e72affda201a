import LegCareCore

/// What the squad sheet, the team pages and the timetable need of one client, kept from
/// the stream until the run's end (a few numbers and names, never the whole plan).
struct SquadMember {
    var order: Int
    var clientID: String
    var name: String
    var team: String?
    var status: Status
    var referTo: ReferTo?
    var urgency: Urgency?
    /// The screening flags: for the clinic's Squad sheet only, never the coach's page.
    var flags: [String]
    var attention: Attention?
    /// The load figures, without the wellness means (the sheets do not show them).
    var load: LoadSummary?
    /// The wellness items flagged, as the Squad sheet words them (`sleep red, mood amber`).
    /// Text rather than the scores: measured with massif, each athlete's dictionaries of
    /// scores were the largest part of what the squad held until the run's end.
    var wellnessFlags: String
    var pain: Int?
    var nextEvent: Day?

    /// Values many members hold alike, kept once: an athlete's attention reasons, flags and
    /// wellness words are a few of a small set of lists, and a list of each member's own
    /// was an allocation or two per member held to the run's end (the squad was 16 MB at
    /// 300,000 clients, some 600 bytes an athlete). A member's copy shares the stored one.
    struct Shared {
        private var attention: Set<Attention> = []
        private var lists: Set<[String]> = []
        private var texts: Set<String> = []

        mutating func callAsFunction(_ value: Attention?) -> Attention? { value.map { attention.insert($0).memberAfterInsert } }
        mutating func callAsFunction(_ value: [String]) -> [String] { value.isEmpty ? value : lists.insert(value).memberAfterInsert }
        mutating func callAsFunction(_ value: String?) -> String? { value.map { texts.insert($0).memberAfterInsert } }
    }

    /// A member whose shared values are kept once in `shared`.
    init(order: Int, plan: Plan, profile: ClientProfile, sharing shared: inout Shared) {
        self.init(order: order, plan: plan, profile: profile)
        flags = shared(flags)
        attention = shared(attention)
        team = shared(team)
        wellnessFlags = shared(wellnessFlags)!
    }

    init(order: Int, plan: Plan, profile: ClientProfile) {
        self.order = order
        clientID = profile.clientID
        name = profile.name
        team = profile.team
        status = plan.status
        referTo = plan.referTo
        urgency = plan.urgency
        flags = plan.flags
        attention = plan.attention
        load = plan.load
        load?.wellness = [:]
        wellnessFlags = TrainingHistory.wellnessItems.compactMap { k in plan.wellness[k]?.flag.map { "\(k) \($0.rawValue)" } }
            .joined(separator: ", ")
        pain = profile.painLevel
        nextEvent = profile.nextEvent
    }

    /// Red first, then amber, then green (or no training data), then input order.
    static func byAttention(_ a: Self, _ b: Self) -> Bool {
        let la = a.attention?.level ?? .green
        let lb = b.attention?.level ?? .green
        return la != lb ? la > lb : a.order < b.order
    }
}
