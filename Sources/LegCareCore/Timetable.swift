import HeapModule
import OrderedCollections

/// One client who is due a professional session this week and may be booked.
///
/// The numbers are stored as Int32 (minutes, the window's days, days overdue): every
/// request is held until the week is booked, so a request is 80 bytes, not 104.
public struct BookingRequest: Hashable, Sendable {
    public var clientID: String
    public var team: String?
    /// The client's own therapist, preferred for the booking.
    public var therapist: String?
    /// Position in the input: the last tie-break.
    public var order: Int
    private var minutesStored: Int32
    private var windowFrom: Int32
    private var windowTo: Int32
    private var overdueStored: Int32
    public var kind: SessionKind
    /// Squad attention, for athletes; `nil` for other clients (ranked after amber).
    public var attention: AttentionLevel?

    public var minutes: Int {
        get { Int(minutesStored) }
        set { minutesStored = Int32(clamping: newValue) }
    }

    /// The plan's window: a booking falls inside it. (A day's serial lies within Int32 for
    /// years 1-9999, the dates the readers accept.)
    public var window: DayRange {
        get { DayRange(from: Day(serial: Int(windowFrom)), to: Day(serial: Int(windowTo))) }
        set {
            windowFrom = Int32(clamping: newValue.from.serial)
            windowTo = Int32(clamping: newValue.to.serial)
        }
    }

    /// Days since the session fell due (0 when not yet, or never seen).
    public var overdueDays: Int {
        get { Int(overdueStored) }
        set { overdueStored = Int32(clamping: newValue) }
    }

    public init(
        clientID: String, team: String?, therapist: String?, kind: SessionKind, minutes: Int, window: DayRange,
        attention: AttentionLevel?, overdueDays: Int, order: Int
    ) {
        self.clientID = clientID
        self.team = team
        self.therapist = therapist
        self.order = order
        minutesStored = Int32(clamping: minutes)
        windowFrom = Int32(clamping: window.from.serial)
        windowTo = Int32(clamping: window.to.serial)
        overdueStored = Int32(clamping: overdueDays)
        self.kind = kind
        self.attention = attention
    }

    /// The request for a plan, or `nil` when the client is not due this week: a referred
    /// client is never booked, and the window must overlap the week (data contract).
    public init?(plan: Plan, profile: ClientProfile, week: DayRange, asOf: Day, order: Int) {
        let p = plan.professional
        guard plan.status != .refer, let kind = p.kind, let minutes = p.minutes, let window = p.nextWindow,
            window.from <= week.to, window.to >= week.from
        else { return nil }
        var due: Day?
        if let last = profile.lastMassage, let interval = p.intervalDays { due = last.adding(days: interval) }
        self.init(
            clientID: plan.clientID, team: profile.team, therapist: profile.therapist, kind: kind, minutes: minutes,
            window: window, attention: plan.attention?.level, overdueDays: max(0, due.map { asOf.days(since: $0) } ?? 0),
            order: order)
    }

    /// Higher need first: red, amber, then the longest overdue, then input order.
    static func higherNeed(
        _ a: (attention: AttentionLevel?, overdueDays: Int, order: Int), _ b: (attention: AttentionLevel?, overdueDays: Int, order: Int)
    ) -> Bool {
        let rank = { (level: AttentionLevel?) in level == .red ? 0 : level == .amber ? 1 : 2 }
        if rank(a.attention) != rank(b.attention) { return rank(a.attention) < rank(b.attention) }
        if a.overdueDays != b.overdueDays { return a.overdueDays > b.overdueDays }
        return a.order < b.order
    }
}

/// The week's bookings: every due client, booked or not, with the reason.
public struct Timetable: Sendable {
    /// One row of `timetable.csv`.
    public struct Row: Hashable, Sendable {
        public var request: BookingRequest
        public var therapist: String?
        private var priorityStored: Int32
        /// The booked day's serial; `Int32.min`: not booked.
        private var dateStored: Int32
        /// How the booking went; ``note`` words it.
        public var outcome: Outcome

        /// 1 = the highest need this week.
        public var priority: Int {
            get { Int(priorityStored) }
            set { priorityStored = Int32(clamping: newValue) }
        }

        public var date: Day? {
            get { dateStored == .min ? nil : Day(serial: Int(dateStored)) }
            set { dateStored = newValue.map { Int32(clamping: $0.serial) } ?? .min }
        }

        /// Why the row is as it is (another therapist, or why it could not be booked); empty
        /// when booked with the client's own therapist. Worded when read, not stored: most
        /// rows would hold their own copy of the same sentence.
        public var note: String {
            let own = request.therapist ?? ""
            let name = therapist ?? ""
            switch outcome {
            case .pending, .booked: return ""
            case .bookedNoTherapistNamed: return "no therapist named; booked with \(name)"
            case .bookedOwnHasNoHours: return "\(own) has no working hours in clinic.yaml; booked with \(name)"
            case .bookedOwnHasNoTime: return "\(own) has no time on the allowed days; booked with \(name)"
            case .noAllowedDay: return "no allowed day this week (window \(request.window.from) to \(request.window.to))"
            case .nobodyWorks: return "no therapist works on the allowed days"
            case .noHoursLeft: return "no therapist hours left on the allowed days"
            }
        }

        /// Unbooked because every therapist's time on the allowed days was taken.
        public var shortOfHours: Bool { outcome == .noHoursLeft }

        /// A request not yet booked, for ``Timetable/schedule(pending:therapists:week:asOf:)``.
        public init(pending request: BookingRequest) {
            self.init(request: request, priority: 0, date: nil, therapist: nil, outcome: .pending)
        }

        init(request: BookingRequest, priority: Int, date: Day?, therapist: String?, outcome: Outcome) {
            self.request = request
            self.therapist = therapist
            priorityStored = Int32(clamping: priority)
            dateStored = date.map { Int32(clamping: $0.serial) } ?? .min
            self.outcome = outcome
        }
    }

    /// How a request fared (``Row/init(pending:)``: not yet booked).
    public enum Outcome: UInt8, Hashable, Sendable {
        /// Not yet through ``Timetable/schedule(pending:therapists:week:asOf:)``.
        case pending
        /// Booked with the client's own therapist.
        case booked
        /// Booked with another therapist: the client names none, theirs has no hours in
        /// clinic.yaml, or theirs has no time on the allowed days.
        case bookedNoTherapistNamed, bookedOwnHasNoHours, bookedOwnHasNoTime
        /// Not booked: no allowed day this week, nobody works on the allowed days, or
        /// every therapist's time on those days is taken.
        case noAllowedDay, nobodyWorks, noHoursLeft
    }

    /// Booked rows by date, therapist and need, then unbooked rows by need; each row is
    /// made when read from the compact storage below.
    public var rows: Rows { Rows(stored: stored, names: names) }

    /// The rows as stored: 64 bytes each instead of the 112 of a ``Row``, since they are
    /// the largest block the stream keeps. Team and therapist names are numbers.
    private var stored: [Stored]
    private var names: Names

    /// A timetable of these rows (as ``schedule(_:therapists:week:asOf:)`` orders them).
    public init(rows: [Row] = []) {
        var pending = Pending()
        for row in rows { pending.append(row) }
        self.init(stored: pending.stored, names: pending.names)
    }

    init(stored: [Stored], names: Names) {
        self.stored = stored
        self.names = names
    }

    /// Minutes of the sessions left unbooked for lack of therapist time.
    public var missingMinutes: Int {
        stored.lazy.filter { $0.outcome == .noHoursLeft }.map { Int($0.minutes) }.reduce(0, +)
    }

    /// The timetable's rows, each made from its stored numbers when read.
    public struct Rows: RandomAccessCollection, Equatable, Sendable {
        let stored: [Stored]
        let names: Names

        public var startIndex: Int { 0 }
        public var endIndex: Int { stored.count }
        public subscript(i: Int) -> Row { stored[i].row(names) }

        /// The input order (plans.jsonl line) of row `i`, without making the row.
        public func order(at i: Int) -> Int { stored[i].order }

        public static func == (a: Rows, b: Rows) -> Bool { a.elementsEqual(b) }
    }

    /// Clients due a session this week, held until the week is booked: the requests in
    /// compact form, as ``schedule(pending:therapists:week:asOf:)`` takes them.
    public struct Pending: Sendable {
        var stored: [Stored] = []
        var names = Names()

        public init() {}

        /// How many requests are held.
        public var count: Int { stored.count }

        /// Room for `n` requests, asked for once.
        public mutating func reserveCapacity(_ n: Int) { stored.reserveCapacity(n) }

        /// Adds a request not yet booked.
        public mutating func append(_ request: BookingRequest) { append(Row(pending: request)) }

        mutating func append(_ row: Row) {
            let r = row.request
            stored.append(
                Stored(
                    clientID: r.clientID, order: r.order, minutes: Int32(clamping: r.minutes),
                    from: Int32(clamping: r.window.from.serial), to: Int32(clamping: r.window.to.serial),
                    overdue: Int32(clamping: r.overdueDays), team: names.number(of: r.team), therapist: names.number(of: r.therapist),
                    booked: names.number(of: row.therapist), priority: Int32(clamping: row.priority),
                    date: row.date.map { Int32(clamping: $0.serial) } ?? .min, kind: r.kind, attention: r.attention,
                    outcome: row.outcome))
        }
    }

    /// Names of teams and therapists, numbered as first seen (-1: none).
    struct Names: Equatable, Sendable {
        private(set) var list = OrderedSet<String>()

        mutating func number(of name: String?) -> Int32 {
            guard let name else { return -1 }
            return Int32(list.append(name).index)
        }

        func name(_ n: Int32) -> String? { n < 0 ? nil : list[Int(n)] }
    }

    /// The bytes a row takes while held (for the test that keeps it small).
    public static let storedRowBytes = MemoryLayout<Stored>.stride

    /// One row in numbers: what ``Row`` holds, names by number.
    struct Stored: Sendable {
        var clientID: String
        var order: Int
        var minutes, from, to, overdue: Int32
        var team, therapist, booked: Int32
        var priority: Int32
        /// The booked day's serial; `Int32.min`: not booked.
        var date: Int32
        var kind: SessionKind
        var attention: AttentionLevel?
        var outcome: Outcome

        var window: DayRange { DayRange(from: Day(serial: Int(from)), to: Day(serial: Int(to))) }

        /// What ``BookingRequest/higherNeed(_:_:)`` ranks it by.
        var need: (attention: AttentionLevel?, overdueDays: Int, order: Int) { (attention, Int(overdue), order) }

        func row(_ names: Names) -> Row {
            Row(
                request: BookingRequest(
                    clientID: clientID, team: names.name(team), therapist: names.name(therapist), kind: kind,
                    minutes: Int(minutes), window: window, attention: attention, overdueDays: Int(overdue), order: order),
                priority: Int(priority), date: date == .min ? nil : Day(serial: Int(date)), therapist: names.name(booked),
                outcome: outcome)
        }
    }

}

/// A therapist's minutes left on one day, in a max-heap: most minutes first, then the
/// name first in order. Entries go stale when a therapist is booked; the booking drops
/// those it meets (``Heap/currentMax(where:)``).
struct TimeLeft: Comparable {
    var left: Int
    var rank: Int
    /// The therapist's number in the timetable's names.
    var therapist: Int32

    static func < (a: TimeLeft, b: TimeLeft) -> Bool { a.left != b.left ? a.left < b.left : a.rank > b.rank }
}

extension Heap {
    /// The largest element for which `current` holds; larger stale ones are removed.
    mutating func currentMax(where current: (Element) -> Bool) -> Element? {
        while let top = max {
            if current(top) { return top }
            removeMax()
        }
        return nil
    }
}
