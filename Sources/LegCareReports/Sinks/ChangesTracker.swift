import LegCareCore

/// What changed since last week's plans, client by client: the handout's "what is new",
/// `changes.csv` and the Changes sheet.
struct ChangesTracker {
    /// Last week's plans not yet matched by a client of this week.
    private var previous: [String: PlanSnapshot]
    private var changes: [PlanChange] = []
    private var names: [String: String] = [:]

    init(previous: [String: PlanSnapshot]) { self.previous = previous }

    /// The client's changes since last week (nothing is recorded yet).
    func compare(_ plan: Plan, clientID: String) -> [PlanChange] {
        PlanChange.between(previous[clientID], PlanSnapshot(plan))
    }

    /// Records a written client's changes.
    mutating func record(_ clientChanges: [PlanChange], profile: ClientProfile) {
        previous[profile.clientID] = nil
        changes += clientChanges
        if !clientChanges.isEmpty { names[profile.clientID] = profile.name }
    }

    /// Every change sorted, the clients gone since last week included, with the names of
    /// the clients they concern.
    consuming func finish() -> (list: [PlanChange], names: [String: String]) {
        changes += previous.values.map(PlanChange.gone)
        changes.sort()
        return (changes, names)
    }
}
