import Foundation
import LegCareCore
import LegCareNative
import Testing

@testable import LegCareReports

/// A squad of four athletes with training logs and one without, for the coach's page,
/// the timetable and the Squad sheet.
enum SquadFixture {
    static let asOf = Day(iso: "2026-11-23")!
    static var config: ClinicConfig {
        var c = ClinicConfig()
        c.clinicName = "Golden Test Clinic"
        c.contactLine = "Questions: 01234 567890"
        c.emergencyNumber = "999"
        c.therapists = [.init(name: "Ana Silva", hoursAvailable: 5, days: [1, 2, 3, 4, 5])]
        return c
    }

    static func athlete(_ id: String, _ name: String, _ change: (inout ClientProfile) -> Void = { _ in }) -> ClientProfile {
        var p = ClientProfile(
            clientID: id, name: name, team: "Riverside FC", therapist: "Ana Silva", activity: .known(.football), trainingLoad: .heavy,
            nextEvent: Day(iso: "2026-11-28"), soreAreas: [.hamstrings], painLevel: 3, tools: [.foamRoller])
        change(&p)
        return p
    }

    /// 28 days of steady training; `spike` makes the last week much heavier.
    static func training(spike: Bool = false, sleepDrop: Bool = false) -> TrainingHistory {
        var h = TrainingHistory()
        for back in 1...28 where back % 7 != 1 {
            let day = asOf.adding(days: -back)
            let minutes = 30 + (back * 37) % 60  // hard and easy days mixed
            h.add(
                day: day, minutes: spike && back <= 7 ? minutes * 2 : minutes, rpe: 6,
                wellness: ["sleep": back == 2 && sleepDrop ? 1 : (back % 3 == 0 ? 3 : 4)])
        }
        return h
    }

    static let cases: [(ClientProfile, TrainingHistory?)] = [
        (athlete("RV1", "Tomás Ferreira"), training()),
        (athlete("RV2", "Ibrahim Diallo"), training(spike: true)),
        (athlete("RV3", "Liam O'Connell") { $0.conditions = [.hamstringStrain, .sharpPain] }, training()),
        (athlete("RV4", "Mateo Ruiz"), training(sleepDrop: true)),
        (athlete("RV5", "Hannah Schultz") { $0.conditions = [.pregnancy, .dvtSigns, .activeCancer] }, nil),
        (athlete("RV6", "Sami Haddad") { $0.conditions = [.saddleNumbness] }, training()),
    ]

    static func members() -> ([SquadMember], Timetable, ClientNames) {
        var members: [SquadMember] = []
        var requests: [BookingRequest] = []
        var names = ClientNames()
        let week = DayRange(from: asOf, to: asOf.adding(days: 6))
        for (i, (profile, training)) in cases.enumerated() {
            let plan = PlanEngine(settings: config.settings).plan(for: profile, asOf: asOf, training: training)
            members.append(SquadMember(order: i, plan: plan, profile: profile))
            if let r = BookingRequest(plan: plan, profile: profile, week: week, asOf: asOf, order: i) { requests.append(r) }
            names.append(order: i, name: profile.name)
        }
        return (members, Timetable.schedule(requests, therapists: config.therapists, week: week, asOf: asOf), names)
    }
}

@Suite("Team pages, timetable.csv and bookings in plans.jsonl")
struct SquadOutputTests {
    static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("golden/team-riverside-fc.txt")

    func page() -> String {
        let (members, timetable, names) = SquadFixture.members()
        return TeamPage.text(
            team: "Riverside FC", members: members, bookings: Array(timetable.rows), names: names, config: SquadFixture.config,
            asOf: SquadFixture.asOf)
    }

    @Test("the coach's page matches its golden file")
    func goldenPage() throws {
        let text = page()
        if ProcessInfo.processInfo.environment["LEGCARE_UPDATE_GOLDEN"] == "1" {
            try text.write(to: Self.golden, atomically: true, encoding: .utf8)
        }
        #expect(text == (try String(contentsOf: Self.golden, encoding: .utf8)))
    }

    @Test("an out-of-date training log is said at the top of the team page, before the load reasons it makes read low")
    func staleLogOnPage() {
        let (members, timetable, names) = SquadFixture.members()
        func page(_ stale: StaleTrainingLog?) -> String {
            TeamPage.text(
                team: "Riverside FC", members: members, bookings: Array(timetable.rows), names: names, config: SquadFixture.config,
                asOf: SquadFixture.asOf, staleTraining: stale)
        }
        let last = SquadFixture.asOf.adding(days: -12)
        let text = page(StaleTrainingLog(lastDay: last))
        let header = text.components(separatedBy: "SEE FIRST (RED)")[0]
        let said = header.replacingOccurrences(of: "\n", with: " ")  // wrapped at 72 columns
        #expect(said.contains("TRAINING LOG OUT OF DATE: the last day logged is \(ReportDates.date(last)), 12 days"), "\(header)")
        #expect(said.contains("before \(ReportDates.date(SquadFixture.asOf))"))
        #expect(page(StaleTrainingLog(lastDay: nil)).contains("TRAINING LOG OUT OF DATE: nothing is logged before"))
        #expect(!page(nil).contains("OUT OF DATE"), "an up-to-date log says nothing")
        #expect(text.split(separator: "\n").allSatisfy { $0.count <= 72 }, "wrapped like the rest of the page")
        #expect(
            text.replacingOccurrences(of: header, with: "")
                == page(nil).replacingOccurrences(of: page(nil).components(separatedBy: "SEE FIRST (RED)")[0], with: ""),
            "the rest of the page is unchanged")
    }

    @Test("a team page never names a condition or flag: no condition id, no condition word")
    func noConditions() {
        let text = page().lowercased()
        let (members, _, _) = SquadFixture.members()
        let flags = Set(members.flatMap(\.flags))
        #expect(flags.isSuperset(of: ["pregnancy", "dvt_signs", "active_cancer", "hamstring_strain", "saddle_numbness", "sharp_pain"]))
        for condition in Condition.allCases {
            #expect(!text.contains(condition.rawValue), "condition id \(condition.rawValue)")
        }
        // What is said of each athlete: never a word of their flags. (The squad reminders'
        // general advice may say "sharp pain": it names nobody.)
        let athleteLines = text.components(separatedBy: "squad reminders")[0]
        for flag in flags {
            for word in flag.split(separator: "_") where word.count > 4 && word != "signs" {
                #expect(!athleteLines.contains(word), "\(word) (from \(flag))")
            }
        }
        for word in ["pregnan", "clot", "cancer", "dvt", "strain", "numb", "bladder", "bowel", "midwife"] {
            #expect(!text.contains(word), "\(word)")
        }
        #expect(text.contains("emergency: call 999 now"), "what to do, not why")
        #expect(text.contains("must see a gp today before any massage"))
    }

    @Test("a referral to a midwife reads as a GP on the coach's page: the professional alone would say why")
    func midwifeHidden() throws {
        var profile = ClientProfile(clientID: "P1", name: "Pat Doe", conditions: [.pregnancy])
        profile.team = "Reds"
        let plan = PlanEngine().plan(for: profile, asOf: SquadFixture.asOf)
        try #require(plan.referTo == .midwife)
        let line = TeamPage.referral(SquadMember(order: 0, plan: plan, profile: profile), config: SquadFixture.config)
        #expect(line.hasPrefix("must see a GP") && line.hasSuffix("before any massage"), "\(line)")
        #expect(!line.lowercased().contains("midwife"))
    }

    @Test("every line of a team page fits 72 columns and the same inputs give the same page")
    func layout() {
        let text = page()
        #expect(text.split(separator: "\n").allSatisfy { $0.count <= 72 })
        #expect(text == page())
    }

    @Test("timetable.csv: the contract's columns, booked rows first, formula-like ids made inert")
    func timetableCSV() {
        let (_, scheduled, _) = SquadFixture.members()
        var rows = Array(scheduled.rows)
        rows[0].request.clientID = "=HACK()"
        let timetable = Timetable(rows: rows)
        let lines = TimetableCSV.text(timetable).split(separator: "\n")
        #expect(lines[0] == "status,date,weekday,therapist,client_id,team,kind,minutes,priority,note")
        #expect(lines[1].hasPrefix("booked,2026-11-23,Mon,Ana Silva,'=HACK(),Riverside FC,"))
        #expect(lines.count == timetable.rows.count + 1)
    }

    @Test("bookings join plans.jsonl in one pass: due lines gain booking (a slot or null), others are untouched")
    func splice() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("splice-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let scratch = dir.appendingPathComponent("in").path
        let long = String(repeating: "x", count: 3 << 20)  // a line longer than one read
        try "{\"client_id\":\"A\"}\n{\"client_id\":\"B\",\"n\":\"\(long)\"}\n{\"client_id\":\"C\"}\n".write(
            toFile: scratch, atomically: true, encoding: .utf8)
        #expect(FileManager.default.createFile(atPath: dir.appendingPathComponent("out").path, contents: nil))
        let out = try FileHandle(forWritingTo: dir.appendingPathComponent("out"))
        try PlanLinesBooking.copy(
            from: scratch, to: out, bookings: [(line: 0, json: "{\"date\":\"2026-11-24\",\"therapist\":\"Ana\"}"), (line: 1, json: "null")])
        try out.close()
        let lines = try String(contentsOf: dir.appendingPathComponent("out"), encoding: .utf8).split(separator: "\n")
        #expect(lines[0] == "{\"client_id\":\"A\",\"booking\":{\"date\":\"2026-11-24\",\"therapist\":\"Ana\"}}")
        #expect(lines[1].hasSuffix("\"n\":\"\(long)\",\"booking\":null}"))
        #expect(lines[2] == "{\"client_id\":\"C\"}")

        // Many lines over many reads, a booking on every third: each line as a naive splice gives it.
        let many = (0..<150_000).map { "{\"client_id\":\"K\($0)\"}" }
        try (many.joined(separator: "\n") + "\n").write(toFile: scratch, atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(at: dir.appendingPathComponent("out"))
        #expect(FileManager.default.createFile(atPath: dir.appendingPathComponent("out").path, contents: nil))
        let out2 = try FileHandle(forWritingTo: dir.appendingPathComponent("out"))
        let bookings = stride(from: 0, to: many.count, by: 3).map { (line: $0, json: "\($0)") }
        try PlanLinesBooking.copy(from: scratch, to: out2, bookings: bookings)
        try out2.close()
        let spliced = try String(contentsOf: dir.appendingPathComponent("out"), encoding: .utf8)
        let expected = many.enumerated().map { i, l in i % 3 == 0 ? String(l.dropLast()) + ",\"booking\":\(i)}" : l }
        #expect(spliced == expected.joined(separator: "\n") + "\n")
    }
}

@Suite("What the run's end keeps of each client: squad loads and names")
struct RunEndMemoryTests {
    @Test("the Squad chart's daily load is the squad's mean per athlete with a log, summed as athletes stream by")
    func teamLoads() {
        let asOf = SquadFixture.asOf
        var loads = TeamLoads(asOf: asOf)
        let logs = SquadFixture.cases.compactMap(\.1)
        for h in logs { loads.add(team: "Riverside FC", history: h) }
        loads.add(team: "Northgate", history: SquadFixture.training(spike: true))
        #expect(loads.athletes("Riverside FC") == logs.count)
        for back in 1...TeamLoads.days {
            let day = asOf.adding(days: -back)
            let mean = logs.map { $0.load(on: day) }.reduce(0, +) / Double(logs.count)
            #expect(loads.average("Riverside FC", daysBack: back) == (mean * 100).rounded() / 100, "\(back) days back")
            #expect(loads.average("Northgate", daysBack: back) == SquadFixture.training(spike: true).load(on: day))
        }
        #expect(loads.average("Riverside FC", daysBack: 2) > 0, "the fixture trains two days back")
        #expect(loads.average("Nobody", daysBack: 2) == 0)
        #expect(loads.athletes("Nobody") == 0)
        #expect(loads.average("Riverside FC", daysBack: TeamLoads.days + 1) == 0, "outside the chart's days")
    }

    @Test("client names are found by input place, in any script, and a place without a name has none")
    func clientNames() {
        var names = ClientNames()
        let written = ["Tomás Ferreira", "", "王小明", "Ибрагим Диалло", "Liam O'Connell"]
        for (i, name) in written.enumerated() { names.append(order: i * 3 + 1, name: name) }
        for (i, name) in written.enumerated() {
            #expect(names[i * 3 + 1] == name)
            #expect(names[i * 3] == nil && names[i * 3 + 2] == nil)
        }
        #expect(names[-1] == nil && names[1_000] == nil)
        #expect(names.count == written.count)

        var many = ClientNames()
        for order in stride(from: 0, to: 50_000, by: 7) { many.append(order: order, name: "C\(order)") }
        for order in stride(from: 0, to: 50_000, by: 3) { #expect(many[order] == (order % 7 == 0 ? "C\(order)" : nil)) }
    }

    @Test("names kept with 4-byte ends read back the same once their text passes what 4 bytes hold")
    func clientNamesPastNarrowEnds() {
        // A limit of 40 bytes stands in for 4 GiB: the ends widen part way through, and
        // again when room for more than the limit is asked for at once.
        let written = (0..<30).map { i in String(repeating: ["a", "é", "王"][i % 3], count: i % 5) + "\(i)" }
        for reserved in [0, 1_000] {
            var names = ClientNames(narrowLimit: 40)
            names.reserveCapacity(written.count, bytes: reserved)
            for (i, name) in written.enumerated() { names.append(order: 2 * i, name: name) }
            for (i, name) in written.enumerated() { #expect(names[2 * i] == name && names[2 * i + 1] == nil, "\(i)") }
            #expect(names.count == written.count)
        }
    }
}

@Suite("Squad charts: whom the ACWR chart covers")
struct SquadChartsTests {
    @Test("highest ACWR first; ties by team, then name, in natural order")
    func ranked() {
        let athletes: [SquadCharts.Athlete] = [
            .init(name: "B", team: "Team 10", acwr: 1.2), .init(name: "A", team: "Team 2", acwr: 1.2),
            .init(name: "C", team: "Team 1", acwr: 1.6), .init(name: "D", team: "Team 2", acwr: 0.9),
        ]
        #expect(SquadCharts.ranked(athletes).map(\.name) == ["C", "A", "B", "D"])
    }

    @Test("a few athletes: all shown and the note says all; more than the chart holds: the note says how many of how many")
    func note() {
        #expect(SquadCharts.note(shown: 3, of: 3).contains("shows all 3 athletes"))
        #expect(SquadCharts.note(shown: 1, of: 1).contains("shows the one athlete with an ACWR"))
        #expect(SquadCharts.note(shown: 40, of: 41).contains("the 40 highest of 41 athletes"))
    }

    @Test(
        "both tables the charts read are whole in constant-memory mode, which takes rows in order only",
        arguments: [false, true])
    func tables(constantMemory: Bool) throws {
        let dir = try temporaryFolder("squad-charts")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/summary.xlsx"
        let wb = try Workbook(path: path, tmpdir: dir, constantMemory: constantMemory, created: SquadFixture.asOf, title: "t")
        let sheet = try wb.addSheet("Squad charts")
        // More athletes than the chart shows, fewer than the 28 days of the load table, and
        // the other way round: the longer table sets the rows.
        let athletes = (1...45).map { SquadCharts.Athlete(name: "Athlete \($0)", team: "Team \($0 % 3)", acwr: Double($0) / 30) }
        var loads = TeamLoads(asOf: SquadFixture.asOf)
        loads.add(team: "Team 1", history: SquadFixture.training(spike: true))
        try SquadCharts.write(
            athletes, teams: ["Team 10", "Team 1", "Team 2"], loads: loads, config: SquadFixture.config, asOf: SquadFixture.asOf,
            to: wb, sheet: sheet)
        try wb.close()
        let script = """
            import json, sys, openpyxl
            ws = openpyxl.load_workbook(sys.argv[1])["Squad charts"]
            top = [row[0].row for row in ws.iter_rows() if row[0].value == "Athlete"][0]
            rows = list(ws.iter_rows(min_row=top, values_only=True))
            print(json.dumps({"header": [c for c in rows[0] if c], "acwr": [r[2] for r in rows[1:] if r[2] is not None],
                              "dates": [r[5] for r in rows[1:] if r[5] is not None], "note": ws["A2"].value}))
            """
        let found = try #require(try openpyxl(script, path) as? [String: Any])
        #expect(found["header"] as? [String] == ["Athlete", "Team", "ACWR", "Spike above", "Date", "Team 1", "Team 2", "Team 10"])
        let acwr = try #require(found["acwr"] as? [Double])
        #expect(acwr.count == 40 && acwr.first == 1.5 && acwr == acwr.sorted(by: >), "the 40 highest, highest first")
        #expect((found["dates"] as? [String])?.count == TeamLoads.days)
        #expect((found["note"] as? String)?.contains("the 40 highest of 45 athletes") == true)
    }
}
