/// Kinds of session a clinic logs as delivered.
public enum DeliveredKind: String, CaseIterable, Sendable {
    case sports
    case deepTissue = "deep_tissue"
    case neuromuscular, myofascial, structural, swedish, other
}

/// What became of a booked session.
public enum SessionStatus: String, CaseIterable, Sendable {
    case completed, cancelled
    case noShow = "no_show"
}

/// One row of `sessions.csv`.
public struct SessionRecord: Hashable, Sendable {
    public var sessionID: String
    public var clientID: String
    public var day: Day
    public var therapist: String?
    public var kind: DeliveredKind?
    public var minutes: Int
    public var status: SessionStatus

    public init(
        sessionID: String, clientID: String, day: Day, therapist: String?, kind: DeliveredKind?,
        minutes: Int, status: SessionStatus
    ) {
        self.sessionID = sessionID
        self.clientID = clientID
        self.day = day
        self.therapist = therapist
        self.kind = kind
        self.minutes = minutes
        self.status = status
    }
}

/// One client's session: when, and what became of it.
public struct SessionVisit: Hashable, Sendable {
    public var day: Day
    public var status: SessionStatus

    public init(day: Day, status: SessionStatus) {
        self.day = day
        self.status = status
    }
}
