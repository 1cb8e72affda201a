import PropertyBased
import Testing

@testable import LegCareCore

let isoWeek48 = DayRange(from: monday, to: monday.adding(days: 6))

func request(
    _ id: String, therapist: String? = "Ana", minutes: Int = 60, from: Int = 0, to: Int = 2, attention: AttentionLevel? = nil,
    overdue: Int = 0, order: Int
) -> BookingRequest {
    BookingRequest(
        clientID: id, team: nil, therapist: therapist, kind: .sports, minutes: minutes,
        window: DayRange(from: monday.adding(days: from), to: monday.adding(days: to)), attention: attention, overdueDays: overdue,
        order: order)
}

/// Random clients (the engine's own plans, referred ones included) and random therapists
/// with random days and hours, from a seed.
struct RandomSquad: CustomStringConvertible {
    let requests: [BookingRequest]
    let referredIDs: Set<String>
    let therapists: [ClinicConfig.Therapist]
    let asOf: Day

    init(seed: UInt64) {
        var state = seed
        func next() -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(state >> 33)
        }
        let names = ["Ana", "Ben", "Cy", "Dee"]
        therapists = names.prefix(1 + next() % 4).map { name in
            ClinicConfig.Therapist(
                name: name, hoursAvailable: Double(next() % 30), days: (1...7).filter { _ in next() % 2 == 0 })
        }
        asOf = monday.adding(days: next() % 3)
        var requests: [BookingRequest] = []
        var referred: Set<String> = []
        for i in 0..<(next() % 40) {
            var c = RandomClient(seed: UInt64(next())).profile
            c.clientID = "R\(i)"
            c.therapist = next() % 5 == 0 ? nil : names[next() % names.count]
            var training = TrainingHistory()
            if next() % 2 == 0 {
                for back in 1...30 { training.add(day: asOf.adding(days: -back), minutes: next() % 90, rpe: next() % 10) }
            }
            let p = PlanEngine().plan(for: c, asOf: asOf, training: training)
            if p.status == .refer { referred.insert(c.clientID) }
            if let r = BookingRequest(plan: p, profile: c, week: isoWeek48, asOf: asOf, order: i) { requests.append(r) }
        }
        self.requests = requests
        referredIDs = referred
    }

    var description: String { "\(requests.count) requests, therapists \(therapists), as of \(asOf)" }
}

@Suite("The week's timetable")
struct TimetableTests {
    @Test("timetable: own therapist first; another with time otherwise (said in the note); need goes first; short hours counted")
    func handExample() {
        let ana = ClinicConfig.Therapist(name: "Ana", hoursAvailable: 10, days: [1, 2, 3, 4, 5])  // 120 min a day
        let ben = ClinicConfig.Therapist(name: "Ben", hoursAvailable: 1, days: [1])  // 60 min on Monday
        let t = Timetable.schedule(
            [
                request("low", to: 0, order: 0),
                request("amber", to: 0, attention: .amber, order: 1),
                request("red", to: 0, attention: .red, order: 2),
                request("overdue", to: 0, overdue: 9, order: 3),
                request("nobody", therapist: nil, from: 1, to: 1, order: 4),
                request("later", from: 9, to: 12, order: 5),
            ], therapists: [ana, ben], week: isoWeek48, asOf: monday)
        let byID = Dictionary(uniqueKeysWithValues: t.rows.map { ($0.request.clientID, $0) })
        #expect(t.rows.map(\.request.clientID) == ["red", "amber", "overdue", "nobody", "low", "later"])
        #expect(byID["red"]!.priority == 1 && byID["red"]!.therapist == "Ana" && byID["red"]!.date == monday)
        #expect(byID["amber"]!.therapist == "Ana")
        #expect(byID["overdue"]!.therapist == "Ben" && byID["overdue"]!.note == "Ana has no time on the allowed days; booked with Ben")
        #expect(byID["nobody"]!.therapist == "Ana" && byID["nobody"]!.note == "no therapist named; booked with Ana")
        #expect(byID["low"]!.date == nil && byID["low"]!.shortOfHours && byID["low"]!.note == "no therapist hours left on the allowed days")
        #expect(byID["later"]!.date == nil && byID["later"]!.note.hasPrefix("no allowed day this week"))
        #expect(t.missingMinutes == 60)
    }

    @Test("timetable: a day no therapist works is said so; a therapist missing from clinic.yaml is passed over")
    func notWorking() {
        let ana = ClinicConfig.Therapist(name: "Ana", hoursAvailable: 10, days: [2])
        let t = Timetable.schedule(
            [request("mon", therapist: "Zoe", to: 0, order: 0), request("tue", therapist: "Zoe", from: 1, to: 1, order: 1)],
            therapists: [ana], week: isoWeek48, asOf: monday)
        #expect(t.rows[0].note == "Zoe has no working hours in clinic.yaml; booked with Ana" && t.rows[0].date == monday.adding(days: 1))
        #expect(t.rows[1].note == "no therapist works on the allowed days" && !t.rows[1].shortOfHours)
    }

    @Test(
        "timetable rules over random squads: in the window, in the week, on a working day, within each day's hours, nobody twice, no referral, need never displaced"
    )
    func properties() async {
        await propertyCheck(count: 300, input: Gen.int(in: 0...Int(Int32.max)).map { RandomSquad(seed: UInt64($0)) }) { squad in
            Self.check(squad)
        }
    }

    static func check(_ squad: RandomSquad) {
        let t = Timetable.schedule(squad.requests, therapists: squad.therapists, week: isoWeek48, asOf: squad.asOf)
        #expect(t.rows.count == squad.requests.count)
        #expect(Set(t.rows.map(\.request.clientID)).count == t.rows.count, "a client at most once")
        #expect(t.rows.allSatisfy { !squad.referredIDs.contains($0.request.clientID) }, "no referred client")
        var used: [String: Int] = [:]
        for row in t.rows {
            guard let day = row.date, let name = row.therapist else { continue }
            let therapist = squad.therapists.first { $0.name == name }
            #expect(row.request.window.contains(day) && isoWeek48.contains(day) && day >= squad.asOf)
            #expect(therapist?.days.contains(day.weekday) == true, "a day the therapist works")
            used["\(name) \(day)", default: 0] += row.request.minutes
        }
        for (key, minutes) in used {
            let name = String(key.split(separator: " ")[0])
            #expect(minutes <= squad.therapists.first { $0.name == name }!.minutesPerDay, "\(key) over capacity")
        }
        // A higher-need client left unbooked never finds a lower-need one holding a slot
        // that would have fitted them (with what was left that day, plus that slot).
        for u in t.rows where u.date == nil {
            for b in t.rows where b.date != nil && b.priority > u.priority {
                let left = squad.therapists.first { $0.name == b.therapist! }!.minutesPerDay - used["\(b.therapist!) \(b.date!)"]!
                let fits = u.request.window.contains(b.date!) && b.date! >= squad.asOf && left + b.request.minutes >= u.request.minutes
                #expect(!fits, "\(u.request.clientID) (priority \(u.priority)) displaced by \(b.request.clientID)")
            }
        }
        // Booked first by date, therapist, priority; then unbooked by priority.
        let booked = t.rows.prefix { $0.date != nil }
        #expect(t.rows.dropFirst(booked.count).allSatisfy { $0.date == nil })
        for (x, y) in zip(booked, booked.dropFirst()) {
            let ordered = (x.date!, x.therapist!, x.priority) < (y.date!, y.therapist!, y.priority)
            #expect(ordered, "rows out of order")
        }
    }

    @Test("timetable: the same requests give the same timetable, whatever their order")
    func deterministic() {
        let squad = RandomSquad(seed: 42)
        let a = Timetable.schedule(squad.requests, therapists: squad.therapists, week: isoWeek48, asOf: squad.asOf)
        let b = Timetable.schedule(squad.requests.reversed(), therapists: squad.therapists, week: isoWeek48, asOf: squad.asOf)
        #expect(a.rows == b.rows)
    }

    @Test("timetable: rows moved into their sorted order in place end as a sorted copy would, for any order")
    func permuteInPlace() async {
        // An order of 0-300 places: a seeded shuffle (a cycle of every length, fixed points too).
        let orders = Gen.int(in: 0...Int(Int32.max)).map { seed -> [Int32] in
            var g = seed
            func next(_ n: Int) -> Int {
                g = (g &* 1_103_515_245 &+ 12345) & 0x7fff_ffff
                return g % n
            }
            var order = (0..<next(300)).map { Int32($0) }
            for i in order.indices.reversed() where i > 0 { order.swapAt(i, next(i + 1)) }
            return order
        }
        await propertyCheck(count: 200, input: orders) { order in
            let rows = order.indices.map { "row \($0)" }
            var moved = rows
            Timetable.permute(&moved, into: order)
            #expect(moved == order.map { rows[Int($0)] })
        }
    }

    @Test("timetable: a request and a row keep their numbers compactly and give back what was put in")
    func compactRows() {
        // Held for every client due a session until the week is booked: 690,000 at a million.
        #expect(MemoryLayout<BookingRequest>.stride <= 80)
        #expect(MemoryLayout<Timetable.Row>.stride <= 112)
        let early = Day(iso: "0001-01-01")!
        let late = Day(iso: "9999-12-31")!
        var r = BookingRequest(
            clientID: "A", team: "T", therapist: nil, kind: .gentle, minutes: 45, window: DayRange(from: early, to: late),
            attention: .red, overdueDays: 3_000_000, order: 5_000_000_000)
        #expect(r.window == DayRange(from: early, to: late) && r.minutes == 45 && r.overdueDays == 3_000_000)
        #expect(r.order == 5_000_000_000)
        r.minutes = 90
        r.window = DayRange(from: late, to: late)
        #expect(r.minutes == 90 && r.window.from == late)
        var row = Timetable.Row(pending: r)
        #expect(row.date == nil && row.priority == 0 && row.outcome == .pending)
        row.date = early
        row.priority = 690_000
        #expect(row.date == early && row.priority == 690_000)
        row.date = nil
        #expect(row.date == nil)
        // Stored in the timetable with names by number, and made again whole when read: a
        // team and a therapist of the same name, a row booked with another therapist.
        var booked = Timetable.Row(
            pending: BookingRequest(
                clientID: "B", team: "Ana", therapist: "Ana", kind: .sports, minutes: 60, window: DayRange(from: early, to: late),
                attention: nil, overdueDays: 0, order: 6))
        (booked.date, booked.therapist, booked.priority, booked.outcome) = (late, "Ben", 2, .bookedOwnHasNoTime)
        row.outcome = .noAllowedDay
        #expect(Array(Timetable(rows: [booked, row]).rows) == [booked, row])
        #expect(Timetable.storedRowBytes <= 64, "a stored row, against 112 for a Row")
    }

    @Test("timetable: requests held compactly are booked in place into the requests' timetable, each row with its outcome and its words")
    func inPlace() {
        for seed in [1, 7, 42] {
            let squad = RandomSquad(seed: UInt64(seed))
            var pending = Timetable.Pending()
            for r in squad.requests { pending.append(r) }
            #expect(pending.count == squad.requests.count)
            let t = Timetable.schedule(pending: pending, therapists: squad.therapists, week: isoWeek48, asOf: squad.asOf)
            #expect(t.rows == Timetable.schedule(squad.requests, therapists: squad.therapists, week: isoWeek48, asOf: squad.asOf).rows)
            #expect(t.rows.count == squad.requests.count)
            #expect(Set(t.rows.map(\.priority)) == Set(1...max(1, squad.requests.count)) || squad.requests.isEmpty)
            for row in t.rows {
                #expect(row.outcome != .pending, "seed \(seed): a row left unbooked without a reason")
                #expect(
                    (row.date != nil)
                        == [.booked, .bookedNoTherapistNamed, .bookedOwnHasNoHours, .bookedOwnHasNoTime].contains(row.outcome))
                #expect(row.note.isEmpty == (row.outcome == .booked), "seed \(seed): \(row.outcome) worded \(row.note)")
            }
        }
    }
}
