import Foundation
import LegCareCore
import Testing

@testable import LegCareReports

@Suite("Training logs: each athlete's days kept on disk until their client streams by")
struct TrainingLogsTests {
    /// Logs of every shape: a day, many days out of order, several rows on a day, wellness
    /// scores, the earliest and latest days the readers take, and an athlete with no days.
    static func histories() -> [String: TrainingHistory] {
        var logs: [String: TrainingHistory] = [:]
        for i in 0..<500 {
            var h = TrainingHistory()
            for d in 0..<(i % 40) {
                let day = Day(iso: "2026-11-22")!.adding(days: -((d * 7919) % 60))
                h.add(day: day, minutes: (i + d) % 601, rpe: d % 11, wellness: ["sleep": 1 + d % 5, "mood": 1 + i % 5])
            }
            logs["A\(i)-" + String(repeating: "é", count: i % 3)] = h
        }
        var edges = TrainingHistory()
        edges.add(day: Day(iso: "0001-01-01")!, minutes: 600, rpe: 10)
        edges.add(day: Day(iso: "9999-12-31")!, minutes: 1, rpe: 1, wellness: ["soreness": 5])
        logs["edges"] = edges
        return logs
    }

    @Test("a spilled log comes back as it went in, once; an unknown client has none; the file has no name")
    func roundTrip() throws {
        let dir = try ScratchRowsTests().folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let histories = Self.histories()
        #expect(histories.values.contains { $0.dayCount == 0 } && histories.values.contains { $0.dayCount > 30 })
        let logs = try TrainingLogs(scratchFolder: dir)
        try logs.add(histories)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).isEmpty)
        for (id, history) in histories.sorted(by: { $0.key < $1.key }) {
            #expect(try logs.take(id) == history, "\(id)")
            #expect(try logs.take(id) == nil, "\(id) is taken once")
        }
        #expect(try logs.take("nobody") == nil)
    }

    @Test("logs added in pieces as they are read come back whole, once, from a file with no name")
    func inPieces() throws {
        let dir = try ScratchRowsTests().folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        // Each log cut into up to three pieces at different points; the pieces are added
        // in order, each piece holding many athletes, as the reader hands them over.
        let histories = Self.histories()
        var pieces = [[String: TrainingHistory]](repeating: [:], count: 3)
        for (id, h) in histories {
            let bytes = h.withEntryBytes { Array($0) }
            let days = bytes.count / TrainingHistory.entryBytes
            let cuts = [0, days / 3, (days * 2) / 3, days]
            for p in 0..<3 where cuts[p] < cuts[p + 1] || (p == 0 && days == 0) {
                let slice = bytes[(cuts[p] * TrainingHistory.entryBytes)..<(cuts[p + 1] * TrainingHistory.entryBytes)]
                pieces[p][id] = Array(slice).withUnsafeBytes { TrainingHistory(entryBytes: $0) }
            }
        }
        #expect(histories.keys.contains { id in pieces.allSatisfy { $0[id] != nil } })
        let logs = try TrainingLogs(scratchFolder: dir)
        for piece in pieces { try logs.add(piece) }
        logs.finishAdding()
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).isEmpty)
        for (id, history) in histories.sorted(by: { $0.key < $1.key }) {
            #expect(try logs.take(id) == history, "\(id)")
            #expect(try logs.take(id) == nil, "\(id) is taken once")
        }
        #expect(try logs.take("nobody") == nil)
    }

    @Test("kept in memory (as `check` runs), a log is taken once all the same")
    func inMemory() throws {
        let histories = Self.histories()
        let logs = TrainingLogs(histories)
        #expect(try logs.take("edges") == histories["edges"])
        #expect(try logs.take("edges") == nil)
        // A piece added in memory goes after what the log held.
        var later = TrainingHistory()
        later.add(day: Day(iso: "2026-11-21")!, minutes: 30, rpe: 4)
        try logs.add(["A1-é": later, "new": later])
        var joined = try #require(histories["A1-é"])
        joined.append(later)
        #expect(try logs.take("A1-é") == joined && joined.dayCount > later.dayCount)
        #expect(try logs.take("new") == later)
        #expect(try logs.take("nobody") == nil)
    }

    @Test("the plan from a spilled log is the plan from the log itself")
    func samePlan() throws {
        let dir = try ScratchRowsTests().folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let (profile, training) = SquadFixture.cases[1]  // the load spike
        let history = try #require(training)
        let logs = try TrainingLogs(scratchFolder: dir)
        try logs.add(["RV2": history])
        let engine = PlanEngine(settings: SquadFixture.config.settings)
        let plan = engine.plan(for: profile, asOf: SquadFixture.asOf, training: try logs.take("RV2"))
        #expect(plan == engine.plan(for: profile, asOf: SquadFixture.asOf, training: history))
        #expect(plan.attention?.reasons.contains("acwr_spike") == true)
    }
}
