import LegCareCore
import Testing

@Suite("What changed since last week")
struct PlanChangeTests {
    static func snapshot(
        _ status: Status = .cleared, referTo: ReferTo? = nil, interval: Int? = 14, kind: SessionKind? = .sports,
        areas: [Area] = [.calves], attention: AttentionLevel? = nil
    ) -> PlanSnapshot {
        PlanSnapshot(
            clientID: "C1", status: status, referTo: referTo, intervalDays: interval, kind: kind, areas: areas, attention: attention)
    }

    @Test("changes: each kind is one row with before and after; nothing when nothing moved")
    func kinds() {
        #expect(PlanChange.between(Self.snapshot(), Self.snapshot()).isEmpty)
        #expect(
            PlanChange.between(Self.snapshot(), Self.snapshot(.refer, referTo: .gp, interval: nil, kind: nil, areas: [])).map {
                "\($0.kind.rawValue) \($0.before)>\($0.after)"
            } == ["status cleared>refer", "refer_to >gp", "interval_days 14>", "session_kind sports>", "routine calves>"])
        #expect(
            PlanChange.between(Self.snapshot(areas: [.calves, .glutes]), Self.snapshot(areas: [.glutes, .calves, .shins])).map(\.after)
                == ["calves;glutes;shins"], "areas compared as sets, written in a fixed order")
        #expect(
            PlanChange.between(nil, Self.snapshot(.modified)) == [
                PlanChange(clientID: "C1", kind: .newClient, before: "", after: "modified")
            ])
        #expect(PlanChange.gone(Self.snapshot(.refer)) == PlanChange(clientID: "C1", kind: .gone, before: "refer", after: ""))
    }

    @Test("changes: attention only where both weeks had it (an athlete both weeks)")
    func attention() {
        #expect(PlanChange.between(Self.snapshot(attention: .green), Self.snapshot(attention: .red)).map(\.kind) == [.attention])
        #expect(PlanChange.between(Self.snapshot(), Self.snapshot(attention: .red)).isEmpty)
    }

    @Test("changes.csv order: by client, then by change name")
    func order() {
        let list = [
            PlanChange(clientID: "B", kind: .status, before: "", after: ""),
            PlanChange(clientID: "A", kind: .routine, before: "", after: ""),
            PlanChange(clientID: "A", kind: .intervalDays, before: "", after: ""),
        ].sorted()
        #expect(list.map { "\($0.clientID) \($0.kind.rawValue)" } == ["A interval_days", "A routine", "B status"])
    }
}
