/// What a client's plan was, as far as week-to-week changes go: read back from an earlier
/// week's `plans.jsonl`, or taken from this week's plan.
public struct PlanSnapshot: Hashable, Sendable {
    public var clientID: String
    public var status: Status
    public var referTo: ReferTo?
    public var intervalDays: Int?
    public var kind: SessionKind?
    /// Self-massage areas, sorted.
    public var areas: [Area]
    public var attention: AttentionLevel?

    public init(
        clientID: String, status: Status, referTo: ReferTo?, intervalDays: Int?, kind: SessionKind?, areas: [Area],
        attention: AttentionLevel?
    ) {
        self.clientID = clientID
        self.status = status
        self.referTo = referTo
        self.intervalDays = intervalDays
        self.kind = kind
        self.areas = areas.sorted()
        self.attention = attention
    }

    /// This week's plan, as a snapshot.
    public init(_ plan: Plan) {
        self.init(
            clientID: plan.clientID, status: plan.status, referTo: plan.referTo, intervalDays: plan.professional.intervalDays,
            kind: plan.professional.kind, areas: Array(Set(plan.selfMassage.items.map(\.area))), attention: plan.attention?.level)
    }
}

/// One row of `changes.csv`: a client, what changed, before and after (data contract).
public struct PlanChange: Hashable, Sendable, Comparable {
    /// The kinds of change, as `changes.csv` names them.
    public enum Kind: String, CaseIterable, Sendable {
        case newClient = "new_client"
        case gone, status
        case referTo = "refer_to"
        case intervalDays = "interval_days"
        case sessionKind = "session_kind"
        case routine, attention
    }

    public var clientID: String
    public var kind: Kind
    public var before: String
    public var after: String

    public init(clientID: String, kind: Kind, before: String, after: String) {
        self.clientID = clientID
        self.kind = kind
        self.before = before
        self.after = after
    }

    /// By client, then by change name (the order of `changes.csv`).
    public static func < (a: Self, b: Self) -> Bool { (a.clientID, a.kind.rawValue) < (b.clientID, b.kind.rawValue) }

    /// The changes from last week's snapshot (`nil`: a new client) to this week's.
    public static func between(_ before: PlanSnapshot?, _ after: PlanSnapshot) -> [PlanChange] {
        let id = after.clientID
        guard let before else { return [PlanChange(clientID: id, kind: .newClient, before: "", after: after.status.rawValue)] }
        var out: [PlanChange] = []
        func note(_ kind: Kind, _ a: String, _ b: String) {
            if a != b { out.append(PlanChange(clientID: id, kind: kind, before: a, after: b)) }
        }
        note(.status, before.status.rawValue, after.status.rawValue)
        note(.referTo, before.referTo?.rawValue ?? "", after.referTo?.rawValue ?? "")
        note(.intervalDays, before.intervalDays.map(String.init) ?? "", after.intervalDays.map(String.init) ?? "")
        note(.sessionKind, before.kind?.rawValue ?? "", after.kind?.rawValue ?? "")
        note(.routine, before.areas.map(\.rawValue).joined(separator: ";"), after.areas.map(\.rawValue).joined(separator: ";"))
        // Attention is compared only where both weeks had it (an athlete both weeks).
        if let a = before.attention, let b = after.attention { note(.attention, a.rawValue, b.rawValue) }
        return out
    }

    /// A client in last week's plans and not in this week's.
    public static func gone(_ before: PlanSnapshot) -> PlanChange {
        PlanChange(clientID: before.clientID, kind: .gone, before: before.status.rawValue, after: "")
    }
}
