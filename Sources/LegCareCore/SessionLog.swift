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

/// The delivered-session log, kept as totals so memory does not grow with every row.
public struct SessionLog: Sendable {
    /// Totals for one therapist in one ISO week.
    public struct Volume: Hashable, Sendable {
        public var completed = 0
        public var cancelled = 0
        public var noShow = 0
        public var minutes = 0

        public init(completed: Int = 0, cancelled: Int = 0, noShow: Int = 0, minutes: Int = 0) {
            self.completed = completed
            self.cancelled = cancelled
            self.noShow = noShow
            self.minutes = minutes
        }
    }

    /// Last completed session per client.
    public private(set) var lastCompleted: [String: Day] = [:]
    /// Volume per therapist (`unassigned` when blank) and ISO week name.
    public private(set) var volume: [String: [String: Volume]] = [:]
    /// Rows counted.
    public private(set) var rows = 0

    public init() {}

    /// Adds one session.
    public mutating func add(_ s: SessionRecord) {
        rows += 1
        let therapist = s.therapist ?? "unassigned"
        var v = volume[therapist, default: [:]][s.day.isoWeekName, default: Volume()]
        switch s.status {
        case .completed:
            v.completed += 1
            v.minutes += s.minutes
            lastCompleted[s.clientID] = max(lastCompleted[s.clientID] ?? s.day, s.day)
        case .cancelled: v.cancelled += 1
        case .noShow: v.noShow += 1
        }
        volume[therapist, default: [:]][s.day.isoWeekName] = v
    }

    /// Every ISO week with a logged session, oldest first.
    public var weeks: [String] { Set(volume.values.flatMap(\.keys)).sorted() }
}
