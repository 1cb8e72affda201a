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

/// The delivered-session log, kept as totals per week, therapist and kind, plus each
/// client's session days and outcomes (for visits, no-shows and rebooking).
public struct SessionLog: Sendable {
    /// One client's session: when, and what became of it.
    public struct Visit: Hashable, Sendable {
        public var day: Day
        public var status: SessionStatus
    }

    /// Where a volume belongs: ISO week, therapist (`unassigned` when blank) and kind.
    public struct VolumeKey: Hashable, Sendable, Comparable {
        public var week: String
        public var therapist: String
        public var kind: String

        public static func < (a: Self, b: Self) -> Bool { (a.week, a.therapist, a.kind) < (b.week, b.therapist, b.kind) }
    }

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

    /// Volume per therapist (`unassigned` when blank) and ISO week name, all kinds together.
    public var volume: [String: [String: Volume]] {
        var out: [String: [String: Volume]] = [:]
        for (key, v) in volumes {
            var total = out[key.therapist, default: [:]][key.week, default: Volume()]
            total.completed += v.completed
            total.minutes += v.minutes
            total.cancelled += v.cancelled
            total.noShow += v.noShow
            out[key.therapist, default: [:]][key.week] = total
        }
        return out
    }
    /// Rows counted.
    public private(set) var rows = 0
    /// Totals per week, therapist and kind.
    public private(set) var volumes: [VolumeKey: Volume] = [:]
    /// Each client's sessions, in file order.
    public private(set) var visits: [String: [Visit]] = [:]

    public init() {}

    /// Adds one session.
    public mutating func add(_ s: SessionRecord) {
        rows += 1
        let key = VolumeKey(week: s.day.isoWeekName, therapist: s.therapist ?? "unassigned", kind: s.kind?.rawValue ?? "other")
        var k = volumes[key, default: Volume()]
        switch s.status {
        case .completed:
            k.completed += 1
            k.minutes += s.minutes
        case .cancelled: k.cancelled += 1
        case .noShow: k.noShow += 1
        }
        volumes[key] = k
        visits[s.clientID, default: []].append(Visit(day: s.day, status: s.status))
    }

    /// A client's last completed session on or before a day (later sessions are bookings).
    public func lastCompleted(_ clientID: String, onOrBefore day: Day) -> Day? {
        visits[clientID]?.filter { $0.status == .completed && $0.day <= day }.map(\.day).max()
    }

    /// Every ISO week with a logged session, oldest first.
    public var weeks: [String] { Set(volume.values.flatMap(\.keys)).sorted() }
}
