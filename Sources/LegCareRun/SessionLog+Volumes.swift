import LegCareCore

/// The log's volumes: totals per ISO week, therapist and kind, read from the records.
extension SessionLog {
    /// The volumes of some ISO weeks on numbers, for the sheets that total them several
    /// ways: keys of three Strings were a third of the summary sheets' time.
    public struct Period: Sendable {
        /// One week, therapist and kind with sessions in the period.
        ///
        /// Stored in 32 bytes instead of the 56 of Ints: a league has a few hundred
        /// thousand of them. A count past Int32 would need a log of two billion rows.
        public struct Entry: Sendable {
            private var weekStored: Int32
            private var therapistStored: Int32
            private var completed: Int32 = 0
            private var cancelled: Int32 = 0
            private var noShow: Int32 = 0
            private var kindStored: UInt8
            private var minutes = 0

            init(week: Int, therapist: Int, kind: Int) {
                weekStored = Int32(week)
                therapistStored = Int32(therapist)
                kindStored = UInt8(kind)
            }

            /// The week's place in ``weeks``.
            public var week: Int { Int(weekStored) }
            /// The therapist's number: ``therapists`` names it.
            public var therapist: Int { Int(therapistStored) }
            /// The kind's place in ``kinds``.
            public var kind: Int { Int(kindStored) }
            public var volume: Volume {
                Volume(completed: Int(completed), cancelled: Int(cancelled), noShow: Int(noShow), minutes: minutes)
            }

            /// Counts one session of the group.
            mutating func count(_ status: SessionStatus, minutes sessionMinutes: Int) {
                switch status {
                case .completed:
                    completed += 1
                    minutes += sessionMinutes
                case .cancelled: cancelled += 1
                case .noShow: noShow += 1
                }
            }
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

    /// The volumes of the named ISO weeks, one week at a time: `body` gets, for each week
    /// at its first place in `weeks`, in that order, that place and a period holding that
    /// week's entries only (in the order their first session comes in the file); a week
    /// with no sessions too.
    ///
    /// Why a week at a time: a week's entries are a twelfth of the period's, which every
    /// sheet that totals them would otherwise hold; sessions are grouped by week once.
    ///
    /// `through`: sessions dated after this day are bookings, not delivered sessions, and
    /// are left out (`nil`: every session).
    public func forEachWeek(of weeks: [String], through: Day? = nil, _ body: (Int, Period) throws -> Void) throws {
        try forEachWeek(of: weeks, through: through, denseKeys: nil, body)
    }

    /// ``forEachWeek(of:_:)``, with the choice of key table forced (`nil`: by size), for the
    /// test that holds the two to the same result.
    func forEachWeek(of weeks: [String], through: Day? = nil, denseKeys: Bool?, _ body: (Int, Period) throws -> Void) throws {
        let records = try allRecords()
        let last = through.map { Int32(clamping: $0.serial) } ?? .max
        var place: [String: Int] = [:]
        for (i, w) in weeks.enumerated() where place[w] == nil { place[w] = i }
        // Each day's week, looked up once per day: a log spans a few hundred days at most.
        var weekOf: [Int32: Int] = [:]
        func week(_ r: Record) -> Int {
            if let known = weekOf[r.day] { return known }
            let found = r.day > last ? -1 : place[Day(serial: Int(r.day)).isoWeekName] ?? -1
            weekOf[r.day] = found
            return found
        }
        // The sessions' places grouped by week, file order kept (a counting sort).
        var starts = [Int](repeating: 0, count: weeks.count + 1)
        for r in records {
            let w = week(r)
            if w >= 0 { starts[w + 1] += 1 }
        }
        for w in weeks.indices { starts[w + 1] += starts[w] }
        var next = starts
        var grouped = [Int32](repeating: 0, count: starts[weeks.count])
        for (i, r) in records.enumerated() {
            let w = week(r)
            guard w >= 0 else { continue }
            grouped[next[w]] = Int32(i)
            next[w] += 1
        }
        let kindCount = Self.kindCases.count
        // Each key's entry (therapist and kind): a dense table of Int32 (entry + 1; 0: no
        // session), cleared after each week, when there are no more keys than twice the
        // sessions, else a dictionary (smaller than a dictionary that grows).
        let keySpace = therapistNames.count * kindCount
        let useDense = denseKeys ?? (keySpace <= max(1 << 16, 2 * grouped.count))
        var dense = useDense ? [Int32](repeating: 0, count: keySpace) : []
        let therapistRank = Self.ranks(therapistNames)
        let kindRank = Self.ranks(Self.kinds)
        for w in weeks.indices where place[weeks[w]] == w {
            let sessions = grouped[starts[w]..<starts[w + 1]]
            func key(_ r: Record) -> Int { Int(r.therapist) * kindCount + Int(r.kind) }
            var entries: [Period.Entry] = []
            var entryOf: [Int: Int] = [:]
            if useDense {
                // The entries counted first (-1: a key seen), so their array is made once at
                // its size: doubling as it grew held up to three halves of it at once.
                var distinct = 0
                for i in sessions where dense[key(records[Int(i)])] == 0 {
                    dense[key(records[Int(i)])] = -1
                    distinct += 1
                }
                entries.reserveCapacity(distinct)
            }
            for i in sessions {
                let r = records[Int(i)]
                let k = key(r)
                let at: Int
                let newEntry: Bool
                if useDense {
                    newEntry = dense[k] < 0
                    if newEntry { dense[k] = Int32(clamping: entries.count + 1) }
                    at = Int(dense[k]) - 1
                } else {
                    (at, newEntry) = Self.number(of: k, in: &entryOf)
                }
                if newEntry { entries.append(Period.Entry(week: w, therapist: Int(r.therapist), kind: Int(r.kind))) }
                entries[at].count(Self.statuses[Int(r.status)], minutes: Int(r.minutes))
            }
            if useDense { for e in entries { dense[e.therapist * kindCount + e.kind] = 0 } }
            try body(
                w,
                Period(
                    weeks: weeks, therapists: therapistNames, therapistRank: therapistRank, kinds: Self.kinds, kindRank: kindRank,
                    entries: entries))
        }
    }

    /// Every entry of the named ISO weeks at once, week by week (for tests: the sheets go
    /// a week at a time, ``forEachWeek(of:_:)``).
    func period(weeks: [String], denseKeys: Bool? = nil) throws -> Period {
        var entries: [Period.Entry] = []
        try forEachWeek(of: weeks, denseKeys: denseKeys) { _, p in entries += p.entries }
        return Period(
            weeks: weeks, therapists: therapistNames, therapistRank: Self.ranks(therapistNames), kinds: Self.kinds,
            kindRank: Self.ranks(Self.kinds), entries: entries)
    }

    /// The number of `key`: the one it has, or the next one, given now (`isNew`).
    static func number<Key: Hashable>(of key: Key, in numbers: inout [Key: Int]) -> (number: Int, isNew: Bool) {
        if let known = numbers[key] { return (known, false) }
        numbers[key] = numbers.count
        return (numbers.count - 1, true)
    }

    /// Each name's place in natural name order (``NaturalOrder``).
    private static func ranks(_ names: [String]) -> [Int] {
        var rank = [Int](repeating: 0, count: names.count)
        for (place, i) in names.indices.sorted(by: { NaturalOrder.less(names[$0], names[$1]) }).enumerated() { rank[i] = place }
        return rank
    }

    /// Totals per therapist (`unassigned` when blank) over the named ISO weeks, all kinds
    /// together; every therapist with a session in the log has an entry, a zero one when
    /// none falls in those weeks. Only those weeks are totalled, and with `through`, only
    /// the sessions up to that day.
    public func therapistTotals(inWeeks weeks: Set<String>, through: Day? = nil) throws -> [String: Volume] {
        var totals = [Volume](repeating: Volume(), count: therapistNames.count)
        try forEachWeek(of: weeks.sorted(), through: through) { _, p in
            for e in p.entries { totals[e.therapist] = totals[e.therapist] + e.volume }
        }
        return Dictionary(zip(therapistNames, totals), uniquingKeysWith: { a, _ in a })
    }
}
