import HeapModule

/// Booking: the week's requests into the therapists' working days, highest need first.
extension Timetable {
    /// Books the requests, highest need first, into the therapists' working days.
    ///
    /// A booking lies in the client's window, in the week, on or after the as-of day, on a
    /// day its therapist works, and never takes a therapist past that day's share of their
    /// hours. The client's own therapist is tried first, on the earliest day with room;
    /// otherwise the therapist with the most time left on the earliest allowed day. Need
    /// goes first, so a higher-need client is never left out while a lower-need one holds
    /// a slot that would have fitted them. The same requests give the same timetable.
    public static func schedule(
        _ requests: [BookingRequest], therapists: [ClinicConfig.Therapist], week: DayRange, asOf: Day
    ) -> Timetable {
        var pending = Pending()
        for r in requests { pending.append(r) }
        return schedule(pending: pending, therapists: therapists, week: week, asOf: asOf)
    }

    /// Books requests held compactly in place: the same timetable as
    /// ``schedule(_:therapists:week:asOf:)``, without a second copy of every request:
    /// booking is a large run's memory peak.
    public static func schedule(
        pending: consuming Pending, therapists: [ClinicConfig.Therapist], week: DayRange, asOf: Day
    ) -> Timetable {
        var rows = pending.stored
        pending.stored = []  // so `rows` is the buffer's only owner and is booked in place
        var names = pending.names
        // Therapists by number, in the same table as the requests' names.
        let therapistNumbers = therapists.map { names.number(of: $0.name) }
        var left: [Int32: [Day: Int]] = [:]
        // Each name's place in name order: rows sort by therapist name, heaps break ties by it.
        var rank = [Int](repeating: 0, count: names.list.count)
        for (place, n) in names.list.indices.sorted(by: { NaturalOrder.less(names.list[$0], names.list[$1]) }).enumerated() {
            rank[n] = place
        }
        // Per day, the therapists by time left (most first, then name): a heap, so finding
        // "the one with most time" does not scan every therapist for every client.
        var free: [Day: Heap<TimeLeft>] = [:]
        for (t, number) in zip(therapists, therapistNumbers) {
            for offset in 0..<7 {
                let day = week.from.adding(days: offset)
                if t.days.contains(day.weekday) {
                    left[number, default: [:]][day] = t.minutesPerDay
                    free[day, default: Heap()].insert(TimeLeft(left: t.minutesPerDay, rank: rank[Int(number)], therapist: number))
                }
            }
        }
        // Int32 indexes sorted, not a sorted copy of the requests: no second copy at the peak.
        let byNeed = rows.indices.map { Int32($0) }.sorted { BookingRequest.higherNeed(rows[Int($0)].need, rows[Int($1)].need) }
        for (i, place) in byNeed.enumerated() {
            let index = Int(place)
            var row = rows[index]
            row.priority = Int32(clamping: i + 1)
            row.booked = -1
            row.date = .min
            let window = row.window
            let minutes = Int(row.minutes)
            let days = (0..<7).map { week.from.adding(days: $0) }.filter { $0 >= asOf && window.contains($0) }
            func fits(_ t: Int32, _ day: Day) -> Bool { (left[t]?[day] ?? -1) >= minutes }
            var slot: (Int32, Day)?
            if row.therapist >= 0, let day = days.first(where: { fits(row.therapist, $0) }) {
                slot = (row.therapist, day)
                row.outcome = .booked
            } else {
                for day in days {
                    if let best = free[day]?.currentMax(where: { left[$0.therapist]?[day] == $0.left }), best.left >= minutes {
                        slot = (best.therapist, day)
                        break
                    }
                }
                if slot != nil {
                    row.outcome =
                        row.therapist < 0
                        ? .bookedNoTherapistNamed : left[row.therapist] == nil ? .bookedOwnHasNoHours : .bookedOwnHasNoTime
                }
            }
            if let (t, day) = slot {
                left[t]![day]! -= minutes
                free[day]!.insert(TimeLeft(left: left[t]![day]!, rank: rank[Int(t)], therapist: t))
                row.date = Int32(clamping: day.serial)
                row.booked = t
            } else if days.isEmpty {
                row.outcome = .noAllowedDay
            } else if !days.contains(where: { free[$0] != nil }) {
                row.outcome = .nobodyWorks
            } else {
                row.outcome = .noHoursLeft
            }
            rows[index] = row
        }
        // Places sorted, then the rows moved into their order in place: sorting the rows
        // themselves takes a scratch copy. Priorities all differ, so the order is the same.
        let order = rows.indices.map { Int32($0) }.sorted { i, j in
            let a = rows[Int(i)]
            let b = rows[Int(j)]
            switch (a.date == .min, b.date == .min) {
            case (false, false): return (a.date, rank[Int(a.booked)], a.priority) < (b.date, rank[Int(b.booked)], b.priority)
            case (false, true): return true
            case (true, false): return false
            case (true, true): return a.priority < b.priority
            }
        }
        Self.permute(&rows, into: order)
        return Timetable(stored: rows, names: names)
    }

    /// Puts `rows[order[k]]` at place `k` for every `k`, moving rows along the cycles of
    /// the permutation, one row held aside at a time.
    static func permute<Element>(_ rows: inout [Element], into order: [Int32]) {
        precondition(order.count == rows.count, "an order for every row")
        var placed = [Bool](repeating: false, count: rows.count)
        for start in rows.indices where !placed[start] {
            // Along the cycle from `start`: each place takes the row its order names.
            let held = rows[start]
            var at = start
            while true {
                placed[at] = true
                let from = Int(order[at])
                if from == start {
                    rows[at] = held
                    break
                }
                rows[at] = rows[from]
                at = from
            }
        }
    }
}
