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
