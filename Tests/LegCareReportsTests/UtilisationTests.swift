import Foundation
import LegCareCore
import LegCareRun
import Testing

@testable import LegCareNative
@testable import LegCareReports

/// A week not yet over is the week so far; a week before the log is no data, not 0%.
@Suite("Utilisation: the week so far and the weeks before the log", .serialized)
struct UtilisationTests {
    /// Thursday 26 November 2026: Monday to Wednesday of W48 have passed.
    static let thursday = Day(iso: "2026-11-26")!
    static let ana = ClinicConfig.Therapist(name: "Ana", hoursAvailable: 10)  // 120 minutes a day, Monday to Friday

    @Test("coverage: weeks before the log's first week have none; the as-of week counts the days before the as-of day")
    func coverage() {
        let figures = ManagerFigures(asOf: Self.thursday)
        let c = UtilisationSheet.Coverage(weeks: figures.weeks, asOf: Self.thursday, firstLogged: "2026-W45")
        #expect(c.days.prefix(8).allSatisfy { $0 == nil }, "W37-W44 before the log")
        #expect(c.days[8] == Set(1...7) && !c.isPartial(8))
        #expect(c.days[11] == [1, 2, 3] && c.isPartial(11))
        #expect(c.available(Self.ana, week: 8) == 600)
        #expect(c.available(Self.ana, week: 11) == 360, "three working days of 120 minutes")
        #expect(c.available(.init(name: "Ben", hoursAvailable: 16, days: [1, 3, 5]), week: 11) == 640, "Monday and Wednesday of 320")
        #expect(c.available(.init(name: "Cy", hoursAvailable: 12, days: [4, 5]), week: 11) == 0, "no working day yet")
        #expect(c.available(Self.ana, week: 0) == 0)
        let monday = UtilisationSheet.Coverage(
            weeks: ManagerFigures(asOf: day("2026-11-23")).weeks, asOf: day("2026-11-23"), firstLogged: "2026-W45")
        #expect(monday.days[11] == [] && monday.isPartial(11), "on a Monday no day of the week has passed")
        #expect(monday.available(Self.ana, week: 11) == 0)
        let ended = UtilisationSheet.Coverage(
            weeks: figures.weeks, asOf: Self.thursday, firstLogged: "2026-W45", lastLogged: "2026-W46")
        #expect(ended.days[9] != nil && ended.days[10] == nil && ended.days[11] == nil, "weeks after the log's last are no data yet")
        #expect(UtilisationSheet.coverageNote(ended, weeks: figures.weeks, asOf: Self.thursday).contains("covers 2026-W45 to 2026-W46"))
    }

    func day(_ iso: String) -> Day { Day(iso: iso)! }

    /// A log that starts in W45: Ana 60 minutes in W45, 45 in W47, 60 on Tuesday of W48, 60
    /// on Thursday (the as-of day, still under way) and 60 on Friday (a booking).
    static func book() throws -> [String: Any] {
        var log = SessionLog()
        for (id, day, minutes) in [
            ("S1", "2026-11-02", 60), ("S2", "2026-11-17", 45), ("S3", "2026-11-24", 60), ("S4", "2026-11-27", 60),
            ("S5", "2026-11-26", 60),
        ] {
            log.add(
                SessionRecord(
                    sessionID: id, clientID: "C1", day: Day(iso: day)!, therapist: "Ana", kind: .sports, minutes: minutes,
                    status: .completed))
        }
        var config = ClinicConfig()
        config.therapists = [Self.ana]
        let dir = try temporaryFolder("util")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let wb = try SummaryWorkbook(
            path: dir + "/summary.xlsx", tmpdir: dir, config: config, asOf: Self.thursday, constantMemory: false, hasTraining: false,
            hasSessions: true)
        _ = try wb.finish(diagnostics: [], facts: RunFacts(files: []), sessions: log, figures: ManagerFigures(asOf: Self.thursday))
        return try readWithOpenpyxl(dir + "/summary.xlsx")
    }

    @Test("the sheet: blank before the log, the week so far against three days, the last column over weeks with data")
    func sheet() throws {
        let util = rows(try Self.book(), "Utilisation")
        let header = try #require(util.first { $0.first.flatMap(text) == "Therapist" }).map(text)
        #expect(header[12] == "2026-W48 so far" && header[13] == "Weeks with data")
        let ana = try #require(util.first { $0.first.flatMap(text) == "Ana" }).map(text)
        #expect(ana[1...8].allSatisfy { $0 == nil }, "W37-W44 are blank, not 0%")
        #expect(ana[9] == "0.1" && ana[10] == "0" && ana[11] == "0.075", "W45 60/600, W46 0/600, W47 45/600")
        let soFar: Double = Double(ana[12] ?? "") ?? 0
        let withData: Double = Double(ana[13] ?? "") ?? 0
        #expect(abs(soFar - 60.0 / 360) < 1e-9, "Tuesday only: Thursday is under way, Friday a booking")
        #expect(abs(withData - 165.0 / 2160) < 1e-9, "165 minutes over three weeks of 600 and 360")
        let note = util.flatMap { $0.compactMap(text) }.first { $0.hasPrefix("The session log begins") } ?? ""
        #expect(note.contains("2026-W45") && note.contains("week so far"))
        let weekly = util.compactMap { $0.first.flatMap(text) }.filter { $0.hasPrefix("2026-W") }
        #expect(weekly == ["2026-W45", "2026-W46", "2026-W47", "2026-W48 so far"], "only weeks with data; the week so far last")
    }
}

@Suite("Forecast: the week's unbooked clients carried into next week's need", .serialized)
struct ForecastBacklogTests {
    @Test("three sessions due, one hour of therapist time: two carried into W49, and the sheet says so")
    func backlog() throws {
        let asOf = Day(iso: "2026-11-23")!
        var config = ClinicConfig()
        config.therapists = [.init(name: "Ana", hoursAvailable: 1, days: [1])]
        let week = DayRange(from: asOf, to: asOf.adding(days: 6))
        let requests = (0..<3).map { i in
            BookingRequest(
                clientID: "C\(i)", team: nil, therapist: "Ana", kind: .sports, minutes: 60, window: week, attention: nil, overdueDays: 0,
                order: i)
        }
        let timetable = Timetable.schedule(requests, therapists: config.therapists, week: week, asOf: asOf)
        #expect(timetable.rows.filter { $0.date == nil }.count == 2)
        let dir = try temporaryFolder("fc")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let wb = try SummaryWorkbook(
            path: dir + "/summary.xlsx", tmpdir: dir, config: config, asOf: asOf, constantMemory: false, hasTraining: false,
            hasSessions: true)
        _ = try wb.finish(
            diagnostics: [], facts: RunFacts(files: []), sessions: SessionLog(), timetable: timetable, figures: ManagerFigures(asOf: asOf))
        let forecast = rows(try readWithOpenpyxl(dir + "/summary.xlsx"), "Forecast").map { $0.compactMap(text) }
        #expect(forecast.contains { $0.first?.hasPrefix("2 sessions due this week could not be booked") == true })
        let ana = try #require(forecast.first { $0.count > 1 && $0[0].hasPrefix("2026-W49") && $0[1] == "Ana" })
        #expect(ana == ["2026-W49 (Mon 30 Nov)", "Ana", "2", "2", "1", "1", "2"], "2 sessions, 2 hours against 1, 1 short, 2 carried")
        let totals = Array(forecast.drop { $0.first != "Totals per week, all therapists" }.dropFirst(2))
        #expect(totals.first == ["2026-W49 (Mon 30 Nov)", "2", "2", "1", "1", "2"])
        #expect(totals.dropFirst().allSatisfy { $0.count == 4 && $0[1] == "0" }, "later weeks carry nothing")
    }
}
