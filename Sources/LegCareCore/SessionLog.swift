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
///
/// Held compactly (measured with massif and RSS at 1,000,000 clients: the log was the
/// largest block of the run's memory, with a dictionary of three Strings per volume and an
/// array per client): therapists are numbered, a volume's key is three small numbers, and
/// every session is one 16-byte record, chained per client in file order.
public struct SessionLog: Sendable {
    /// One client's session: when, and what became of it.
    public struct Visit: Hashable, Sendable {
        public var day: Day
        public var status: SessionStatus
    }

    /// Totals for one therapist in one ISO week.
    public struct Volume: Hashable, Sendable {
        /// Both totals added.
        public static func + (a: Volume, b: Volume) -> Volume {
            Volume(
                completed: a.completed + b.completed, cancelled: a.cancelled + b.cancelled, noShow: a.noShow + b.noShow,
                minutes: a.minutes + b.minutes)
        }

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

    /// A volume's key as numbers: the week's Monday, the therapist's number and the kind's.
    private struct PackedKey: Hashable, Sendable {
        var monday: Int32
        var therapist: Int
        var kind: UInt8
    }

    /// One session, and the next of the same client (-1: the last).
    private struct Record: Sendable {
        var day: Int32
        var status: UInt8
        var next: Int
    }

    /// Rows counted.
    public private(set) var rows = 0
    /// Days are Int32 (a parsed date lies in years 1-9999); counts of sessions, clients
    /// and therapists are Int, so no log is too long for them.
    private var therapistNumbers: [String: Int] = [:]
    private var therapistNames: [String] = []
    private var packed: [PackedKey: Volume] = [:]
    /// Each client's number; by number, the first and last of its records and its first row.
    private var clientNumbers: [String: Int] = [:]
    private var firstRecord: [Int] = []
    private var lastRecord: [Int] = []
    private var firstRows: [Int32] = []
    private var records: [Record] = []
    private static let kindCases = DeliveredKind.allCases
    private static let kinds = kindCases.map(\.rawValue)
    private static let statuses = SessionStatus.allCases

    public init() {}

    /// Adds one session; `row` is its row in the file (for warnings about its client).
    public mutating func add(_ s: SessionRecord, row: Int = 0) {
        rows += 1
        let name = s.therapist ?? "unassigned"
        let therapist: Int
        if let n = therapistNumbers[name] {
            therapist = n
        } else {
            therapist = therapistNames.count
            therapistNumbers[name] = therapist
            therapistNames.append(name)
        }
        // A blank kind is counted as `other`, under the same key as an explicit `other`
        // (two keys both named "other" made one overwrite the other in the sheets).
        let kind = UInt8(Self.kindCases.firstIndex(of: s.kind ?? .other)!)
        let monday = Int32(s.day.adding(days: 1 - s.day.weekday).serial)
        let key = PackedKey(monday: monday, therapist: therapist, kind: kind)
        var k = packed[key, default: Volume()]
        switch s.status {
        case .completed:
            k.completed += 1
            k.minutes += s.minutes
        case .cancelled: k.cancelled += 1
        case .noShow: k.noShow += 1
        }
        packed[key] = k

        let index = records.count
        records.append(Record(day: Int32(s.day.serial), status: UInt8(Self.statuses.firstIndex(of: s.status)!), next: -1))
        if let c = clientNumbers[s.clientID] {
            records[lastRecord[c]].next = index
            lastRecord[c] = index
        } else {
            clientNumbers[s.clientID] = firstRecord.count
            firstRecord.append(index)
            lastRecord.append(index)
            firstRows.append(Int32(clamping: row))
        }
    }

    /// The volumes of some ISO weeks on numbers, for the sheets that total them several
    /// ways. Measured at 1,000,000 clients (16,666 therapists): a dictionary keyed by three
    /// Strings per volume, built twice, then keys made by string interpolation, was a third
    /// of the summary sheets' time, which delays the workbook's deflating.
    public struct Period: Sendable {
        /// One week, therapist and kind with sessions in the period.
        public struct Entry: Sendable {
            /// The week's place in ``weeks``.
            public var week: Int
            /// The therapist's number: ``therapists`` names it.
            public var therapist: Int
            /// The kind's place in ``kinds``.
            public var kind: Int
            public var volume: Volume
        }
        /// The period's weeks, as asked for (a week named twice: its first place).
        public let weeks: [String]
        /// Every therapist of the log (`unassigned` for blank) by number.
        public let therapists: [String]
        /// Each therapist's place when the names are sorted.
        public let therapistRank: [Int]
        /// Kind names by number, and each one's place when sorted.
        public let kinds: [String]
        public let kindRank: [Int]
        public let entries: [Entry]
    }

    /// The volumes of the named ISO weeks.
    public func period(weeks: [String]) -> Period {
        var place: [String: Int] = [:]
        for (i, w) in weeks.enumerated() where place[w] == nil { place[w] = i }
        var weekOf: [Int32: Int?] = [:]
        var entries: [Period.Entry] = []
        for (key, v) in packed {
            let week: Int?
            if let known = weekOf[key.monday] {
                week = known
            } else {
                week = place[Day(serial: Int(key.monday)).isoWeekName]
                weekOf[key.monday] = week
            }
            guard let week else { continue }
            entries.append(Period.Entry(week: week, therapist: key.therapist, kind: Int(key.kind), volume: v))
        }
        return Period(
            weeks: weeks, therapists: therapistNames, therapistRank: Self.ranks(therapistNames), kinds: Self.kinds,
            kindRank: Self.ranks(Self.kinds), entries: entries)
    }

    /// Each name's place in name order.
    private static func ranks(_ names: [String]) -> [Int] {
        var rank = [Int](repeating: 0, count: names.count)
        for (place, i) in names.indices.sorted(by: { names[$0] < names[$1] }).enumerated() { rank[i] = place }
        return rank
    }

    /// Totals per therapist (`unassigned` when blank) over the named ISO weeks, all kinds
    /// together; every therapist with a session in the log has an entry, a zero one when
    /// none falls in those weeks. (Measured: building every therapist's volume for every
    /// week to read five of them took 1.3 s of a 1,000,000-client run.)
    public func therapistTotals(inWeeks weeks: Set<String>) -> [String: Volume] {
        let p = period(weeks: weeks.sorted())
        var totals = [Volume](repeating: Volume(), count: p.therapists.count)
        for e in p.entries { totals[e.therapist] = totals[e.therapist] + e.volume }
        return Dictionary(zip(p.therapists, totals), uniquingKeysWith: { a, _ in a })
    }

    /// Each of a client's sessions in file order, with no array made; `false` when the
    /// log has none.
    private func forEachVisit(of clientID: String, _ body: (Visit) -> Void) -> Bool {
        guard let c = clientNumbers[clientID] else { return false }
        var i = firstRecord[c]
        while i >= 0 {
            let r = records[i]
            body(Visit(day: Day(serial: Int(r.day)), status: Self.statuses[Int(r.status)]))
            i = r.next
        }
        return true
    }

    /// A client's sessions in file order; `nil` when the log has none.
    public func visits(of clientID: String) -> [Visit]? {
        var out: [Visit] = []
        return forEachVisit(of: clientID) { out.append($0) } ? out : nil
    }

    /// A client's last completed session on or before a day (later sessions are bookings).
    public func lastCompleted(_ clientID: String, onOrBefore day: Day) -> Day? {
        var best: Day?
        _ = forEachVisit(of: clientID) { v in
            if v.status == .completed && v.day <= day && best.map({ v.day > $0 }) ?? true { best = v.day }
        }
        return best
    }

    /// Each client the log names, with its number (`0..<clientCount`) and the row of its
    /// first session.
    public var clients: some Sequence<(id: String, number: Int, firstRow: Int)> {
        clientNumbers.lazy.map { ($0.key, $0.value, Int(firstRows[$0.value])) }
    }

    /// How many clients the log names.
    public var clientCount: Int { firstRecord.count }

    /// A client's number in ``clients``, when the log names it.
    public func number(of clientID: String) -> Int? { clientNumbers[clientID] }

    /// Every ISO week with a logged session, oldest first.
    public var weeks: [String] { Set(packed.keys.map(\.monday)).sorted().map { Day(serial: Int($0)).isoWeekName } }
}
