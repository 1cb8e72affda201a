import Foundation
import LegCareCore
import LegCareRun
import Testing
import ZIPFoundation

@testable import LegCareNative
@testable import LegCareReports

@Suite("Overview: hours short and spare, read as a manager would", .serialized)
struct OverviewTests {
    @Test("a therapist short of hours is red; hours missing beside hours spare say why; every bar keeps its label")
    func shortAndSpare() throws {
        let asOf = Day(iso: "2026-11-23")!
        var config = ClinicConfig()
        config.therapists = [.init(name: "Ana", hoursAvailable: 1, days: [1]), .init(name: "Ben", hoursAvailable: 10, days: [2, 3, 4, 5])]
        let dir = try temporaryFolder("ov")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let wb = try SummaryWorkbook(
            path: dir + "/summary.xlsx", tmpdir: dir, config: config, asOf: asOf, constantMemory: false, hasTraining: false)
        for i in 0..<3 {
            let p = ClientProfile(
                clientID: "C\(i)", name: "Client \(i)", therapist: "Ana", trainingLoad: .heavy, lastMassage: Day(iso: "2026-10-01"))
            try wb.add(PlanEngine().plan(for: p, asOf: asOf), profile: p)
        }
        // Three clients who can only come on Monday, when only Ana (one hour) works.
        let monday = DayRange(from: asOf, to: asOf)
        let requests = (0..<3).map { i in
            BookingRequest(
                clientID: "C\(i)", team: nil, therapist: "Ana", kind: .sports, minutes: 60, window: monday, attention: nil, overdueDays: 0,
                order: i)
        }
        let timetable = Timetable.schedule(
            requests, therapists: config.therapists, week: DayRange(from: asOf, to: asOf.adding(days: 6)), asOf: asOf)
        _ = try wb.finish(diagnostics: [], facts: RunFacts(files: []), sessions: SessionLog(), timetable: timetable)
        let path = dir + "/summary.xlsx"
        let overview = rows(try readWithOpenpyxl(path), "Overview").map { $0.compactMap(text) }
        #expect(overview.contains { $0.first == "Therapist hours missing to book everyone due" })
        #expect(overview.contains { $0.first?.hasPrefix("Why, with hours spare:") == true })
        let fill =
            try openpyxl(
                """
                import json, sys, openpyxl
                ws = openpyxl.load_workbook(sys.argv[1])["Overview"]
                out = {}
                for row in ws.iter_rows():
                    if row[0].value in ("Ana", "Ben") and len(row) > 4 and isinstance(row[4].value, (int, float)):
                        out[row[0].value] = [row[4].value, row[4].fill.fgColor.rgb]
                print(json.dumps(out))
                """, path) as? [String: [Any]]
        let ana = try #require(fill?["Ana"])
        let ben = try #require(fill?["Ben"])
        #expect((ana[0] as? Double).map { $0 < 0 } == true)
        #expect((ana[1] as? String)?.hasSuffix("FFC7CE") == true, "a negative spare is highlighted")
        #expect((ben[1] as? String)?.hasSuffix("FFC7CE") == false)
        // Every column chart labels every category.
        let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        var charts = 0
        for entry in archive where entry.path.hasPrefix("xl/charts/chart") {
            var xml = Data()
            _ = try archive.extract(entry) { xml.append($0) }
            let text = String(decoding: xml, as: UTF8.self)
            guard text.contains("<c:barChart>") else { continue }
            charts += 1
            #expect(text.contains("<c:tickLblSkip val=\"1\"/>"), "\(entry.path)")
        }
        #expect(charts > 0)
    }
}
