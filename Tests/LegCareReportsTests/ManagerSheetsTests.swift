import Foundation
import LegCareCore
import LegCareRun
import Testing

@testable import LegCareNative
@testable import LegCareReports

/// A small session log whose every figure was worked out by hand (as of Monday
/// 2026-11-23, ISO week 48; the 12 weeks are W37-W48).
enum ManagerFixture {
    static let asOf = Day(iso: "2026-11-23")!
    static let log: SessionLog = {
        var log = SessionLog()
        let rows: [(String, String, String, String?, DeliveredKind?, Int, SessionStatus)] = [
            ("S1", "C1", "2026-11-02", "Ana", .sports, 60, .completed),  // W45
            ("S2", "C1", "2026-11-09", "Ana", .sports, 60, .noShow),  // W46
            ("S3", "C1", "2026-11-16", "Ana", .sports, 45, .completed),  // W47
            ("S4", "C2", "2026-11-10", "Ben", .swedish, 30, .cancelled),  // W46
            ("S5", "C2", "2026-11-11", "Ben", .swedish, 30, .completed),  // W46
            ("S6", "C9", "2026-11-17", "Ana", nil, 60, .completed),  // W47, a client not in the list
            ("S7", "C1", "2026-11-30", "Ana", .sports, 60, .completed),  // after as-of: a booking
            ("S8", "C3", "2026-08-03", "Ana", .sports, 60, .completed),  // before the 12 weeks
        ]
        for r in rows {
            log.add(SessionRecord(sessionID: r.0, clientID: r.1, day: Day(iso: r.2)!, therapist: r.3, kind: r.4, minutes: r.5, status: r.6))
        }
        return log
    }()
    static var config: ClinicConfig {
        var c = ClinicConfig()
        c.therapists = [
            .init(name: "Ana", hoursAvailable: 10), .init(name: "Ben", hoursAvailable: 5), .init(name: "Dee", hoursAvailable: 4),
        ]
        return c
    }
    static let profiles = [
        ClientProfile(clientID: "C1", name: "Ann", therapist: "Ana", trainingLoad: .moderate),  // every 14 days
        ClientProfile(clientID: "C2", name: "Bo", therapist: "Ben", trainingLoad: .heavy),  // every 7 days
        ClientProfile(clientID: "C3", name: "Cy", therapist: "Ana", trainingLoad: .light),  // every 21 days
        ClientProfile(clientID: "C4", name: "Di", therapist: "Ana", conditions: [.dvtSigns]),  // referred: no forecast
    ]

    static func figures() throws -> ManagerFigures { try run().figures }

    /// The fixture's clients through the figures: what they keep, and each client's plan
    /// and row of Client visits as the run streams them to the workbook.
    static func run() throws -> (figures: ManagerFigures, clients: [(Plan, ClientProfile, ManagerFigures.VisitRow?)]) {
        var f = ManagerFigures(asOf: asOf)
        var clients: [(Plan, ClientProfile, ManagerFigures.VisitRow?)] = []
        for (i, p) in profiles.enumerated() {
            var p = p
            p.lastMassage = log.lastCompleted(p.clientID, onOrBefore: asOf)
            let plan = PlanEngine().plan(for: p, asOf: asOf)
            clients.append((plan, p, try f.add(plan, profile: p, order: i, log: log, settings: EngineSettings(), asOf: asOf)))
        }
        return (f, clients)
    }
}

@Suite("Manager sheets: volumes, utilisation, visits, overdue, forecast (hand-computed)", .serialized)
struct ManagerSheetsTests {
    @Test("visits: a future session is a booking (not a visit) that still counts as a rebooking; rates over the 12 weeks")
    func visits() throws {
        let rows = Dictionary(uniqueKeysWithValues: try ManagerFixture.run().clients.compactMap { $0.2 }.map { ($0.clientID, $0.visits) })
        let c1 = rows["C1"]!
        #expect(c1.visits == 2 && c1.sessions == 3 && c1.noShows == 1 && c1.rebooked == 2)
        #expect(c1.lastCompleted == Day(iso: "2026-11-16"), "the completed session on 30 November has not happened yet")
        #expect(c1.noShowRate == 1.0 / 3 && c1.rebookingRate == 1)
        let c2 = rows["C2"]!
        #expect(c2.visits == 1 && c2.sessions == 2 && c2.rebooked == 0 && c2.rebookingRate == 0 && c2.noShowRate == 0)
        let c3 = rows["C3"]!
        #expect(c3.visits == 0 && c3.sessions == 0 && c3.noShowRate == nil && c3.rebookingRate == nil)
        #expect(rows["C4"] == nil && rows["C9"] == nil, "no sessions, or not in the client list")
    }

    @Test("overdue: past the interval since the last completed session, most overdue first; not the referred")
    func overdue() throws {
        var list: [ManagerFigures.Overdue] = []
        try ManagerFixture.figures().forEachOverdue { list.append($0) }
        // C3: 3 August + 21 days = 24 August, 91 days before 23 November. C2: 11 + 7 = 18 November, 5 days.
        #expect(list.map(\.clientID) == ["C3", "C2"])
        #expect(list.map(\.days) == [91, 5])
        #expect(list.map(\.name) == ["Cy", "Bo"] && list.map(\.therapist) == ["Ana", "Ben"])
        #expect(list.map(\.intervalDays) == [21, 7])
        #expect(list.map { $0.lastCompleted?.description } == ["2026-08-03", "2026-11-11"])
    }

    @Test("forecast: each plan's window, then every interval, in the 4 weeks after this one; the referred need nothing")
    func forecast() throws {
        let f = try ManagerFixture.figures().forecast
        #expect(f.weeks.map(\.from.description) == ["2026-11-30", "2026-12-07", "2026-12-14", "2026-12-21"])
        // C1: due 30 Nov (16 Nov + 14), then 14 Dec. C3: overdue, window from 23 Nov, then 14 Dec.
        // C2: from 23 Nov every 7 days: 30 Nov, 7, 14, 21 Dec (60 minutes each, heavy week).
        #expect(f.sessions["Ana"] == [1, 0, 2, 0])
        #expect(f.sessions["Ben"] == [1, 1, 1, 1])
        #expect(f.minutes["Ben"] == [60, 60, 60, 60])
    }

    @Test(
        "the workbook's Session volumes, Utilisation, Overdue and Forecast sheets, read back with openpyxl (tables, and constant memory)",
        arguments: [false, true])
    func sheets(constantMemory: Bool) throws {
        let book = try Self.book(constantMemory: constantMemory, hasTraining: true)
        #expect(
            (book["sheets"] as! [String]).starts(with: [
                "Overview", "Changes", "Timetable", "Squad", "Squad charts", "Clients", "Routines", "Referrals", "Session volumes",
                "Volume totals",
            ]))

        let volumes = rows(book, "Session volumes").map { $0.compactMap(text) }
        #expect(volumes[0] == ["Week", "Therapist", "Kind", "Completed", "Minutes", "Cancelled", "No-shows"])
        // The table: detail rows only (W45 1, W46 2, W47 2), by week, then therapist and
        // kind in name order; the totals stand on a sheet of their own, so the table's
        // header, repeated on every printed page, never stands over them.
        let detail = Array(volumes.dropFirst())
        #expect(detail.count == 5, "nothing but detail rows: \(detail)")
        #expect(detail.contains(["2026-W47", "Ana", "other", "1", "60", "0", "0"]), "a session of an unknown client still counts")
        #expect(zip(detail, detail.dropFirst()).allSatisfy { ($0[0], $0[1], $0[2]) < ($1[0], $1[1], $1[2]) })
        #expect(!volumes.contains { $0.first == "Total" }, "no total row among the details")
        let totals = rows(book, "Volume totals").map { $0.compactMap(text) }
        let weekBlock = Array(totals.drop { $0.first != "Totals per week, all therapists and kinds" }.dropFirst(2).prefix { !$0.isEmpty })
        #expect(weekBlock.count == 12 && weekBlock.first?.first == "2026-W37")
        #expect(weekBlock.contains(["2026-W46", "1", "30", "1", "1"]))
        #expect(weekBlock.contains(["2026-W48 so far", "0", "0", "0", "0"]), "the as-of day's week, not over")
        let therapistBlock = Array(totals.drop { $0.first != "Totals per therapist, all 12 weeks" }.dropFirst(2))
        #expect(therapistBlock.contains(["Ana", "3", "165", "0", "1"]), "W32 and the booking on 30 Nov left out")
        #expect(therapistBlock.contains(["Dee", "0", "0", "0", "0"]), "a therapist with no sessions")
        #expect(therapistBlock.last == ["All therapists", "4", "195", "1", "1"])

        let util = rows(book, "Utilisation").map { $0.compactMap(text) }
        let ana = try #require(util.first { $0.first == "Ana" })
        #expect(ana[9] == "0.1" && ana[11] == "0.175", "W45 60/600, W47 105/600")
        let overall = try #require(util.first { $0.first == "Clinic overall" })
        #expect(Double(overall[11])! == 105.0 / 1140)

        // Client visits is written as clients arrive: every client with sessions, in input order.
        let visits = rows(book, "Client visits").map { $0.compactMap(text) }
        #expect(visits.first?.first == "Client ID" && visits.dropFirst().map(\.first) == ["C1", "C2", "C3"])
        #expect(visits[1].prefix(7) == ["C1", "Ann", "Ana", "cleared", "2", "3", "1"])

        let overdue = rows(book, "Overdue").map { $0.compactMap(text) }
        #expect(overdue.dropFirst().map { $0.prefix(2) } == [["91", "C3"], ["5", "C2"]])

        let forecast = rows(book, "Forecast").map { $0.compactMap(text) }
        #expect(!forecast.contains { $0.first == "Total" }, "no total row among the therapists'")
        let weekTotals = Array(forecast.drop { $0.first != "Totals per week, all therapists" }.dropFirst(2))
        #expect(weekTotals.count == 4 && weekTotals.first?.starts(with: ["2026-W49 (Mon 30 Nov)", "2"]) == true)
    }

    /// The fixture's workbook with a week of bookings, its sheets limited to `rowLimit` rows.
    static func book(rowLimit: Int = Workbook.rowLimit, constantMemory: Bool, hasTraining: Bool = false) throws -> [String: Any] {
        let dir = try temporaryFolder("lim")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/summary.xlsx"
        let wb = try SummaryWorkbook(
            path: path, tmpdir: dir, config: ManagerFixture.config, asOf: ManagerFixture.asOf, constantMemory: constantMemory,
            hasTraining: hasTraining, hasSessions: true, rowLimit: rowLimit)
        let run = try ManagerFixture.run()
        for (plan, profile, visit) in run.clients { try wb.add(plan, profile: profile, visit: visit) }
        let week = DayRange(from: ManagerFixture.asOf, to: ManagerFixture.asOf.adding(days: 6))
        let requests = (0..<9).map { i in
            BookingRequest(
                clientID: "B\(i)", team: nil, therapist: i < 7 ? "Ana" : "Nobody", kind: .sports, minutes: 60, window: week,
                attention: nil, overdueDays: 0, order: i)
        }
        let timetable = Timetable.schedule(requests, therapists: ManagerFixture.config.therapists, week: week, asOf: ManagerFixture.asOf)
        _ = try wb.finish(
            diagnostics: [], facts: RunFacts(files: []), sessions: ManagerFixture.log, timetable: timetable, figures: run.figures)
        return try readWithOpenpyxl(path)
    }

    /// A sheet and its continuations (`Name (2)`...), in order.
    static func parts(_ book: [String: Any], _ name: String) -> [[[String]]] {
        let sheets = (book["sheets"] as! [String]).filter { $0 == name || $0.hasPrefix(name + " (") }
        return sheets.map { rows(book, $0).map { $0.map { text($0) ?? "" } } }
    }

    @Test(
        "Timetable and Overdue continue on 'Name (2)' past the row limit, headers on each part, no row lost or moved",
        arguments: [false, true])
    func rowLimit(constantMemory: Bool) throws {
        let whole = try Self.book(constantMemory: constantMemory)
        let limited = try Self.book(rowLimit: 6, constantMemory: constantMemory)
        let ids = { (rows: [[String]]) in rows.compactMap { $0.count > 2 && $0[2].hasPrefix("B") ? $0[2] : nil } }

        let one = Self.parts(whole, "Timetable")
        let many = Self.parts(limited, "Timetable")
        #expect(one.count == 1 && many.count > 2)
        #expect(ids(one[0]).count == 9)
        #expect(many.flatMap(ids) == ids(one[0]), "the same bookings in the same order")
        for part in many.dropFirst() {
            #expect(part.first?.prefix(3) == ["Day", "Therapist", "Client ID"], "each continuation starts with the headings")
            #expect(part.count <= 6)
        }

        // Two overdue clients: with room for one row under the headings, a second part.
        let overdue = Self.parts(try Self.book(rowLimit: 2, constantMemory: constantMemory), "Overdue")
        #expect(overdue.count == 2)
        #expect(overdue.map { $0.first?.first } == ["Days overdue", "Days overdue"])
        #expect(overdue.flatMap { $0.dropFirst().map { $0[1] } } == ["C3", "C2"])
    }

    @Test(
        "Session volumes continues on 'Session volumes (2)' past the row limit, a table on each part, no row lost or moved",
        arguments: [false, true])
    func volumesRowLimit(constantMemory: Bool) throws {
        let whole = Self.parts(try Self.book(constantMemory: constantMemory), "Session volumes")
        let book = try Self.book(rowLimit: 3, constantMemory: constantMemory)
        let limited = Self.parts(book, "Session volumes")
        let details = whole[0].dropFirst()
        #expect(whole.count == 1 && details.count >= 3, "the fixture has rows enough for several parts")
        #expect(limited.count == (details.count + 1) / 2, "two rows under the headings on each part")
        #expect(Array(limited.flatMap { $0.dropFirst() }) == Array(details), "the same rows in the same order")
        for part in limited { #expect(part.first == SessionVolumesSheet.headers, "each part starts with the headings") }
        for (i, name) in (book["sheets"] as! [String]).filter({ $0.hasPrefix("Session volumes") }).enumerated() {
            let sheet = book[name] as! [String: Any]
            let filtered =
                constantMemory
                ? sheet["filter"] as? String != nil
                : sheet["tables"] as? [String] == [i == 0 ? "SessionVolumes" : "SessionVolumes_\(i + 1)"]
            #expect(filtered, "filter buttons on \(name)")
        }
    }
}

@Suite("Session volumes: a filtered or summed column never counts twice", .serialized)
struct VolumeSumTests {
    @Test("summing each number column of the Session volumes table gives the 12 weeks' totals exactly")
    func tableSums() throws {
        let dir = try temporaryFolder("vol")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let wb = try SummaryWorkbook(
            path: dir + "/summary.xlsx", tmpdir: dir, config: ManagerFixture.config, asOf: ManagerFixture.asOf, constantMemory: false,
            hasTraining: false, hasSessions: true)
        _ = try wb.finish(
            diagnostics: [], facts: RunFacts(files: []), sessions: ManagerFixture.log, figures: try ManagerFixture.figures())
        let sums = try openpyxl(
            """
            import json, sys, openpyxl
            ws = openpyxl.load_workbook(sys.argv[1])["Session volumes"]
            ref = ws.tables["SessionVolumes"].ref
            cells = ws[ref]
            print(json.dumps([sum(row[c].value for row in cells[1:]) for c in range(3, 7)]))
            """, dir + "/summary.xlsx")
        #expect(sums as? [Int] == [4, 195, 1, 1], "completed, minutes, cancelled, no-shows of the 12 weeks")
    }
}
