import LegCareCore
import Testing

@testable import LegCareRun

/// The session log keeps each client's sessions as records chained in file order, and
/// volumes under numbered keys: what it gives back must be what was added.
@Suite("Session log: visits per client in file order, volumes per week, therapist and kind")
struct SessionLogTests {
    static func record(_ client: String, _ day: String, _ status: SessionStatus, therapist: String? = "Ana", kind: DeliveredKind? = .sports)
        -> SessionRecord
    {
        SessionRecord(sessionID: "", clientID: client, day: Day(iso: day)!, therapist: therapist, kind: kind, minutes: 60, status: status)
    }

    static let log: SessionLog = {
        var log = SessionLog()
        // Clients interleaved, and dates out of order, as a real export may have them.
        log.add(record("C1", "2026-11-16", .completed), row: 2)
        log.add(record("C2", "2026-11-10", .noShow, therapist: nil), row: 3)
        log.add(record("C1", "2026-11-02", .completed, kind: nil), row: 4)
        log.add(record("C1", "2026-11-30", .completed), row: 5)
        log.add(record("C2", "2026-11-11", .cancelled, therapist: nil), row: 6)
        log.add(record("C1", "2026-11-20", .cancelled), row: 7)
        return log
    }()

    @Test("a client's sessions come back in file order, however they were interleaved")
    func visitsInFileOrder() {
        #expect(Self.log.visits(of: "C1")?.map(\.day.description) == ["2026-11-16", "2026-11-02", "2026-11-30", "2026-11-20"])
        #expect(Self.log.visits(of: "C2")?.map(\.status) == [.noShow, .cancelled])
        #expect(Self.log.visits(of: "C9") == nil)
    }

    @Test("the last completed session on or before a day: later ones are bookings, cancelled ones do not count")
    func lastCompleted() {
        #expect(Self.log.lastCompleted("C1", onOrBefore: Day(iso: "2026-11-23")!) == Day(iso: "2026-11-16"))
        #expect(Self.log.lastCompleted("C1", onOrBefore: Day(iso: "2026-11-01")!) == nil)
        #expect(Self.log.lastCompleted("C2", onOrBefore: Day(iso: "2026-11-23")!) == nil)
    }

    /// A period's volumes by "week|therapist|kind", by name.
    static func named(_ log: SessionLog, weeks: [String]) throws -> [String: SessionLog.Volume] {
        let p = try log.period(weeks: weeks)
        return Dictionary(
            uniqueKeysWithValues: p.entries.map { ("\(p.weeks[$0.week])|\(p.therapists[$0.therapist])|\(p.kinds[$0.kind])", $0.volume) })
    }

    @Test("volumes by ISO week, therapist (unassigned when blank) and kind (other when blank); only the weeks asked for")
    func volumes() throws {
        let v = try Self.named(Self.log, weeks: Self.log.weeks)
        #expect(v["2026-W47|Ana|sports"] == .init(completed: 1, cancelled: 1, minutes: 60))
        #expect(v["2026-W45|Ana|other"] == .init(completed: 1, minutes: 60))
        #expect(v["2026-W46|unassigned|sports"] == .init(cancelled: 1, noShow: 1))
        #expect(try Self.named(Self.log, weeks: ["2026-W46"]).keys.map { $0.prefix(8) } == ["2026-W46"])
        #expect(try Self.log.weeks == ["2026-W45", "2026-W46", "2026-W47", "2026-W49"])
        // Names in order: each name's place when sorted.
        let p = try Self.log.period(weeks: Self.log.weeks)
        #expect(p.therapists.indices.sorted { p.therapistRank[$0] < p.therapistRank[$1] }.map { p.therapists[$0] } == p.therapists.sorted())
        #expect(p.kinds.indices.sorted { p.kindRank[$0] < p.kindRank[$1] }.map { p.kinds[$0] } == p.kinds.sorted())
    }

    @Test("totals per therapist over some weeks, all kinds together; a therapist with none in them is zero, not missing")
    func therapistTotals() throws {
        let recent = try Self.log.therapistTotals(inWeeks: ["2026-W47", "2026-W49"])
        #expect(recent["Ana"] == .init(completed: 2, cancelled: 1, minutes: 120))
        #expect(recent["unassigned"] == .init())
        #expect(recent.count == 2)
        // The same figures as the volumes summed by hand.
        let all = try Self.log.therapistTotals(inWeeks: Set(Self.log.weeks))
        let named = try Self.named(Self.log, weeks: Self.log.weeks)
        for (therapist, total) in all {
            let byHand = named.filter { $0.key.split(separator: "|")[1] == therapist }.values
            #expect(total.completed == byHand.map(\.completed).reduce(0, +))
            #expect(total.minutes == byHand.map(\.minutes).reduce(0, +))
            #expect(total.cancelled == byHand.map(\.cancelled).reduce(0, +))
            #expect(total.noShow == byHand.map(\.noShow).reduce(0, +))
        }
    }

    @Test("a blank kind and an explicit other in the same week count together, neither is lost")
    func blankKindIsOther() throws {
        var log = SessionLog()
        log.add(Self.record("C1", "2026-11-16", .completed, kind: .other), row: 2)
        log.add(Self.record("C2", "2026-11-17", .completed, kind: nil), row: 3)
        log.add(Self.record("C3", "2026-11-18", .noShow, kind: nil), row: 4)
        #expect(try Self.named(log, weeks: ["2026-W47"]) == ["2026-W47|Ana|other": .init(completed: 2, noShow: 1, minutes: 120)])
        #expect(try log.therapistTotals(inWeeks: ["2026-W47"])["Ana"] == .init(completed: 2, noShow: 1, minutes: 120))
    }

    @Test("letting go of the clients keeps every volume and week, and names no client any more")
    func releaseClients() throws {
        var log = Self.log
        log.releaseClients()
        #expect(try Self.named(log, weeks: log.weeks) == Self.named(Self.log, weeks: Self.log.weeks))
        #expect(try log.weeks == Self.log.weeks && log.rows == Self.log.rows)
        #expect(try log.therapistTotals(inWeeks: Set(log.weeks)) == Self.log.therapistTotals(inWeeks: Set(Self.log.weeks)))
        #expect(log.clientCount == 0 && log.visits(of: "C1") == nil && Array(log.clients).isEmpty)
        #expect(Self.log.visits(of: "C1") != nil, "another copy keeps its own index")
    }

    @Test("each client named once, with the row of its first session")
    func clients() {
        let clients = Dictionary(uniqueKeysWithValues: Self.log.clients.map { ($0.id, $0.firstRow) })
        #expect(clients == ["C1": 2, "C2": 3])
        #expect(Self.log.clientCount == 2 && Self.log.number(of: "C2") != nil && Self.log.number(of: "C9") == nil)
    }

    @Test("a session takes 8 bytes beside its 12-byte volume record; finishing keeps everything, and later sessions chain on")
    func compactRecords() throws {
        #expect(SessionLog.recordBytes == 8, "a session's link, against 16 with its volume record beside it")
        #expect(SessionLog.volumeRecordBytes == 12)
        var log = Self.log
        try log.finishAdding()
        #expect(log.visits(of: "C1") == Self.log.visits(of: "C1") && log.visits(of: "C2") == Self.log.visits(of: "C2"))
        #expect(try Self.named(log, weeks: log.weeks) == Self.named(Self.log, weeks: Self.log.weeks))
        log.add(Self.record("C1", "2026-12-01", .noShow), row: 8)
        log.add(Self.record("C3", "2026-12-01", .completed), row: 9)
        log.add(Self.record("C1", "2026-12-02", .completed), row: 10)
        #expect(
            log.visits(of: "C1")?.map(\.day.description) == [
                "2026-11-16", "2026-11-02", "2026-11-30", "2026-11-20", "2026-12-01", "2026-12-02",
            ])
        #expect(log.visits(of: "C3")?.count == 1 && log.clientCount == 3 && log.rows == 9)
    }

    @Test("volumes are the same whether the keys sit in a dense table or a dictionary")
    func periodKeyTables() throws {
        var log = SessionLog()
        let days = ["2026-10-05", "2026-11-02", "2026-11-16", "2026-11-18", "2026-11-30"]
        for i in 0..<3000 {
            let status: SessionStatus = [.completed, .cancelled, .noShow][i % 3]
            let kind = i % 5 == 0 ? nil : DeliveredKind.allCases[i % DeliveredKind.allCases.count]
            log.add(
                Self.record("C\(i % 700)", days[i % days.count], status, therapist: i % 11 == 0 ? nil : "T\(i % 97)", kind: kind),
                row: i + 2)
        }
        for weeks in try [log.weeks, ["2026-W47"], ["2026-W47", "2026-W01", "2026-W47"]] {
            let dense = try log.period(weeks: weeks, denseKeys: true)
            let dictionary = try log.period(weeks: weeks, denseKeys: false)
            #expect(dense.entries.map(\.volume) == dictionary.entries.map(\.volume))
            #expect(dense.entries.map { [$0.week, $0.therapist, $0.kind] } == dictionary.entries.map { [$0.week, $0.therapist, $0.kind] })
            #expect(dense.entries.map(\.volume.completed).reduce(0, +) > 0 || weeks == ["2026-W01"])
        }
        #expect(try Self.named(log, weeks: ["2026-W47"]).values.map { $0.completed + $0.cancelled + $0.noShow }.reduce(0, +) == 1200)
    }
    @Test("volumes a week at a time: each week asked for once, in order, an empty one too, with that week's sessions only")
    func weekByWeek() throws {
        var seen: [Int] = []
        var byWeek: [String: [String: SessionLog.Volume]] = [:]
        try Self.log.forEachWeek(of: ["2026-W47", "2026-W01", "2026-W45", "2026-W47"]) { week, period in
            seen.append(week)
            #expect(period.entries.allSatisfy { $0.week == week })
            byWeek[period.weeks[week]] = Dictionary(
                uniqueKeysWithValues: period.entries.map { ("\(period.therapists[$0.therapist])|\(period.kinds[$0.kind])", $0.volume) })
        }
        #expect(seen == [0, 1, 2], "a week named twice comes once, at its first place")
        #expect(byWeek["2026-W01"] == [:])
        #expect(byWeek["2026-W45"] == ["Ana|other": .init(completed: 1, minutes: 60)])
        #expect(byWeek["2026-W47"] == ["Ana|sports": .init(completed: 1, cancelled: 1, minutes: 60)])
        // Week by week, the same volumes as every week at once.
        var summed = SessionLog.Volume()
        try Self.log.forEachWeek(of: Self.log.weeks) { _, p in for e in p.entries { summed = summed + e.volume } }
        #expect(summed.completed + summed.cancelled + summed.noShow == Self.log.rows)
    }

    /// A store in memory that counts its writes, and fails them when told to.
    final class MemoryStore: SpillStore, @unchecked Sendable {
        var bytes: [UInt8] = []
        var writes = 0
        var failing = false
        struct Refused: Error {}

        func append(_ chunk: UnsafeRawBufferPointer) throws {
            if failing { throw Refused() }
            writes += 1
            bytes += chunk
        }

        func readAll(_ body: (UnsafeRawBufferPointer) throws -> Void) throws {
            // In uneven chunks of whole records, as a file read a buffer at a time gives them.
            var at = 0
            while at < bytes.count {
                let n = min(bytes.count - at, SessionLog.volumeRecordBytes * (1 + at % 7))
                try Array(bytes[at..<(at + n)]).withUnsafeBytes(body)
                at += n
            }
        }
    }

    /// The same sessions as ``periodKeyTables()``: many clients, therapists, kinds and weeks.
    static func manySessions(into log: inout SessionLog) {
        let days = ["2026-10-05", "2026-11-02", "2026-11-16", "2026-11-18", "2026-11-30"]
        for i in 0..<3000 {
            let status: SessionStatus = [.completed, .cancelled, .noShow][i % 3]
            let kind = i % 5 == 0 ? nil : DeliveredKind.allCases[i % DeliveredKind.allCases.count]
            log.add(
                record("C\(i % 700)", days[i % days.count], status, therapist: i % 11 == 0 ? nil : "T\(i % 97)", kind: kind),
                row: i + 2)
        }
    }

    @Test("volume records waiting in a store give the same volumes, weeks, visits and clients as a log in memory")
    func volumesInAStore() throws {
        var memory = SessionLog()
        Self.manySessions(into: &memory)
        try memory.finishAdding()
        let store = MemoryStore()
        var stored = SessionLog(store: store, batch: 256)
        Self.manySessions(into: &stored)
        #expect(store.writes == 3000 / 256, "written a batch at a time while adding")
        try stored.finishAdding()
        #expect(store.writes == 3000 / 256 + 1 && store.bytes.count == 3000 * SessionLog.volumeRecordBytes)
        let weeks = try memory.weeks
        #expect(try stored.weeks == weeks && weeks.count == 4)
        for asked in [weeks, ["2026-W47"], ["2026-W47", "2026-W01", "2026-W47"]] {
            let (a, b) = (try memory.period(weeks: asked), try stored.period(weeks: asked))
            #expect(a.entries.map(\.volume) == b.entries.map(\.volume))
            #expect(a.entries.map { [$0.week, $0.therapist, $0.kind] } == b.entries.map { [$0.week, $0.therapist, $0.kind] })
        }
        #expect(try stored.therapistTotals(inWeeks: Set(weeks)) == memory.therapistTotals(inWeeks: Set(weeks)))
        for c in ["C0", "C1", "C699", "C700"] {
            #expect(stored.visits(of: c) == memory.visits(of: c), "\(c)")
            let asOf = Day(iso: "2026-11-23")!
            #expect(stored.lastCompleted(c, onOrBefore: asOf) == memory.lastCompleted(c, onOrBefore: asOf))
        }
        #expect(stored.clients.map(\.firstRow) == memory.clients.map(\.firstRow) && stored.clientCount == 700)
        // Sessions added after finishing, not yet in the store, count too.
        stored.add(Self.record("C1", "2026-11-17", .completed), row: 3002)
        memory.add(Self.record("C1", "2026-11-17", .completed), row: 3002)
        #expect(try stored.therapistTotals(inWeeks: ["2026-W47"]) == memory.therapistTotals(inWeeks: ["2026-W47"]))
    }

    @Test("a visit on the first and last day the readers take keeps its day and each status")
    func farDays() throws {
        var log = SessionLog(store: MemoryStore(), batch: 2)
        let days = ["0001-01-01", "9999-12-31", "1970-01-01", "1969-12-31"]
        for (i, day) in days.enumerated() {
            for status in SessionStatus.allCases { log.add(Self.record("C\(i)", day, status), row: 2) }
        }
        try log.finishAdding()
        for (i, day) in days.enumerated() {
            #expect(log.visits(of: "C\(i)")?.map { "\($0.day) \($0.status)" } == SessionStatus.allCases.map { "\(day) \($0)" })
        }
        #expect(try log.weeks.count == 3, "1969-12-31 and 1970-01-01 share a week")
    }

    @Test("a store that refuses a write makes finishing the log throw, not lose sessions")
    func storeRefuses() {
        let store = MemoryStore()
        store.failing = true
        var log = SessionLog(store: store, batch: 100)
        Self.manySessions(into: &log)
        #expect(throws: MemoryStore.Refused.self) { try log.finishAdding() }
    }
}

@Suite("Session log: bookings after the as-of day")
struct SessionLogBookingTests {
    @Test("volumes through a day leave out the sessions dated after it, even in the same week")
    func through() throws {
        var log = SessionLog()
        for (id, day) in [("S1", "2026-11-24"), ("S2", "2026-11-25"), ("S3", "2026-11-27")] {
            log.add(
                SessionRecord(
                    sessionID: id, clientID: "C1", day: Day(iso: day)!, therapist: "Ana", kind: .sports, minutes: 60, status: .completed))
        }
        let wednesday = Day(iso: "2026-11-25")!
        #expect(try log.therapistTotals(inWeeks: ["2026-W48"], through: wednesday)["Ana"]?.completed == 2)
        #expect(try log.therapistTotals(inWeeks: ["2026-W48"])["Ana"]?.completed == 3)
    }
}
