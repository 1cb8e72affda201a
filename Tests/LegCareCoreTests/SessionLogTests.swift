import Testing

@testable import LegCareCore

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

    @Test("volumes by ISO week, therapist (unassigned when blank) and kind (other when blank); filtered by week")
    func volumes() {
        let v = Self.log.volumes
        #expect(v[.init(week: "2026-W47", therapist: "Ana", kind: "sports")] == .init(completed: 1, cancelled: 1, minutes: 60))
        #expect(v[.init(week: "2026-W45", therapist: "Ana", kind: "other")] == .init(completed: 1, minutes: 60))
        #expect(v[.init(week: "2026-W46", therapist: "unassigned", kind: "sports")] == .init(cancelled: 1, noShow: 1))
        #expect(Self.log.volumes(inWeeks: ["2026-W46"]).keys.map(\.week) == ["2026-W46"])
        #expect(Self.log.weeks == ["2026-W45", "2026-W46", "2026-W47", "2026-W49"])
    }

    @Test("totals per therapist over some weeks, all kinds together; a therapist with none in them is zero, not missing")
    func therapistTotals() {
        let recent = Self.log.therapistTotals(inWeeks: ["2026-W47", "2026-W49"])
        #expect(recent["Ana"] == .init(completed: 2, cancelled: 1, minutes: 120))
        #expect(recent["unassigned"] == .init())
        #expect(recent.count == 2)
        // The same figures as the volumes summed by hand.
        let all = Self.log.therapistTotals(inWeeks: Set(Self.log.weeks))
        for (therapist, total) in all {
            let byHand = Self.log.volumes.filter { $0.key.therapist == therapist }.values
            #expect(total.completed == byHand.map(\.completed).reduce(0, +))
            #expect(total.minutes == byHand.map(\.minutes).reduce(0, +))
            #expect(total.cancelled == byHand.map(\.cancelled).reduce(0, +))
            #expect(total.noShow == byHand.map(\.noShow).reduce(0, +))
        }
    }

    @Test("a blank kind and an explicit other in the same week count together, neither is lost")
    func blankKindIsOther() {
        var log = SessionLog()
        log.add(Self.record("C1", "2026-11-16", .completed, kind: .other), row: 2)
        log.add(Self.record("C2", "2026-11-17", .completed, kind: nil), row: 3)
        log.add(Self.record("C3", "2026-11-18", .noShow, kind: nil), row: 4)
        #expect(log.volumes[.init(week: "2026-W47", therapist: "Ana", kind: "other")] == .init(completed: 2, noShow: 1, minutes: 120))
        #expect(log.volume["Ana"]?["2026-W47"] == .init(completed: 2, noShow: 1, minutes: 120))
    }

    @Test("each client named once, with the row of its first session")
    func clients() {
        let clients = Dictionary(uniqueKeysWithValues: Self.log.clients.map { ($0.id, $0.firstRow) })
        #expect(clients == ["C1": 2, "C2": 3])
        #expect(Self.log.clientCount == 2 && Self.log.number(of: "C2") != nil && Self.log.number(of: "C9") == nil)
    }
}
