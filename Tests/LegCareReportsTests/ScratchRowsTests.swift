import Foundation
import LegCareCore
import Testing

@testable import LegCareReports
@testable import LegCareRun

@Suite("Scratch rows: text kept on disk until the run's end")
struct ScratchRowsTests {
    func folder() throws -> String {
        let dir = try temporaryFolder("scratch")
        return dir
    }

    @Test("rows read back in the order added, cell for cell: empty cells, other scripts, a row longer than a read")
    func roundTrip() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let scratch = try ScratchRows(folder: dir)
        let long = String(repeating: "Zhang Wei 张伟 ", count: 120_000)  // about 2 MB: past one read of 1 MiB
        let rows: [[String]] = [
            ["urgent", "gp", "C1", "Ann", "", "Ana", "dvt_signs", "calf swelling | redness"],
            [],
            [""],
            ["José", long, "end"],
            ["last"],
        ]
        for row in rows { try scratch.append(row) }
        var back: [[String]] = []
        try scratch.readBack { back.append($0) }
        #expect(back == rows)
        // Read twice: the second pass sees the same rows.
        var again = 0
        try scratch.readBack { _ in again += 1 }
        #expect(again == rows.count)
    }

    @Test("a row read back by its place, in any order, after and between appends")
    func byPlace() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let scratch = try ScratchRows(folder: dir)
        let rows = (0..<3000).map { ["C\($0)", String(repeating: "é", count: $0 % 97), "", "\($0 * 7)"] }
        var places = try rows.map { try scratch.append($0) }
        #expect(try scratch.row(at: places[1500]) == rows[1500], "read before the buffer reaches the file")
        places.reverse()
        for (i, place) in places.enumerated() { #expect(try scratch.row(at: place) == rows[rows.count - 1 - i]) }
        let late = try scratch.append(["after reading"])
        #expect(try scratch.row(at: late) == ["after reading"])
    }

    @Test("the file has no name: nothing is left in the folder, before or after reading")
    func leavesNothing() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let scratch = try ScratchRows(folder: dir)
        try scratch.append(["client data"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).isEmpty)
        try scratch.readBack { _ in }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).isEmpty)
    }

    @Test("the session log's volumes kept in a scratch store come back whole, in order, from a file with no name")
    func sessionVolumesInAStore() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let store = try ScratchStore(folder: dir)
        var stored = SessionLog(store: store, batch: 1000)
        var memory = SessionLog()
        let therapists = ["Ana", "Ben", "Zoë", nil]
        for i in 0..<5000 {
            let record = SessionRecord(
                sessionID: "S\(i)", clientID: "C\(i % 333)", day: Day(iso: "2026-08-03")!.adding(days: (i * 37) % 120),
                therapist: therapists[i % 4], kind: i % 6 == 0 ? nil : DeliveredKind.allCases[i % 7], minutes: 1 + i % 240,
                status: SessionStatus.allCases[i % 3])
            stored.add(record, row: i + 2)
            memory.add(record, row: i + 2)
        }
        try stored.finishAdding()
        try memory.finishAdding()
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).isEmpty)
        let weeks = try memory.weeks
        #expect(try stored.weeks == weeks && weeks.count > 12)
        #expect(try stored.therapistTotals(inWeeks: Set(weeks)) == memory.therapistTotals(inWeeks: Set(weeks)))
        var (a, b): ([SessionLog.Volume], [SessionLog.Volume]) = ([], [])
        try memory.forEachWeek(of: weeks) { _, p in a += p.entries.map(\.volume) }
        try stored.forEachWeek(of: weeks) { _, p in b += p.entries.map(\.volume) }
        #expect(a == b && a.map(\.minutes).reduce(0, +) > 0)
    }

    @Test("a folder that cannot hold the file is an error, not a crash")
    func missingFolder() {
        #expect(throws: RunFolderError.self) { _ = try ScratchRows(folder: "/nonexistent-legcare-folder") }
    }

    @Test("booking requests held on disk come back as they went in: every field, nil team and therapist, any name")
    func pendingBookings() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let pending = try PendingBookings(folder: dir)
        let week = DayRange(from: Day(iso: "2026-11-23")!, to: Day(iso: "2026-11-29")!)
        let requests = (0..<2000).map { i in
            BookingRequest(
                clientID: i % 7 == 0 ? "C-\(i)-" + String(repeating: "x", count: 40) : "C\(i)", team: i % 3 == 0 ? nil : "Team \(i % 5)",
                therapist: i % 4 == 0 ? nil : "Thérapeute \(i % 9)", kind: SessionKind.allCases[i % SessionKind.allCases.count],
                minutes: [30, 45, 60, 90][i % 4], window: i == 1 ? DayRange(from: Day(serial: -719_162), to: Day(serial: 2_932_896)) : week,
                attention: i % 5 == 0 ? nil : AttentionLevel.allCases[i % AttentionLevel.allCases.count],
                overdueDays: i == 2 ? 3_000_000 : i % 40,
                order: i == 1999 ? 5_000_000_000 : i * 3)
        }
        let names = (0..<2000).map { $0 % 11 == 0 ? "" : "Zhang Wei 张伟 \($0)" }
        for (r, name) in zip(requests, names) { try pending.append(r, name: name) }
        #expect(pending.count == 2000)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).isEmpty, "the scratch file has no name")
        let (back, backNames) = try pending.readBack()
        // Booked with nobody working, every row keeps its request whole, in the same order.
        let asOf = week.from
        let expected = Timetable.schedule(requests, therapists: [], week: week, asOf: asOf)
        #expect(Timetable.schedule(pending: back, therapists: [], week: week, asOf: asOf).rows == expected.rows)
        #expect(Set(expected.rows.map(\.request)) == Set(requests), "the comparison covers every request")
        #expect(backNames.count == 2000)
        for (r, name) in zip(requests, names) { #expect(backNames[r.order] == name) }
    }
}
