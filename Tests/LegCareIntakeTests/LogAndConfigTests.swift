import Foundation
import LegCareCore
import LegCareIntake
import LegCareRun
import Testing

@Suite("sessions.csv, training.csv and clinic.yaml")
struct LogAndConfigTests {
    @Test("sessions: totals per therapist and week; bad rows rejected with reasons")
    func sessions() throws {
        let csv = """
            session_id,client_id,date,therapist,kind,minutes,status
            S1,C1,2026-11-16,Ana,sports,60,completed
            S2,C1,2026-11-18,Ana,sports,45,no_show
            S3,C2,2026-11-17,Ana,reiki,60,completed
            S1,C2,2026-11-17,Ana,sports,300,completed
            S4,C9,2026-11-19,Ben,swedish,30,cancelled

            """
        let r = try SessionsReader.read(ByteSource(bytes: Array(csv.utf8)), file: "sessions.csv")
        #expect(r.rowsRead == 5 && r.rejected == 2)
        #expect(
            try r.log.therapistTotals(inWeeks: ["2026-W47"])["Ana"] == SessionLog.Volume(completed: 1, cancelled: 0, noShow: 1, minutes: 60)
        )
        #expect(r.log.lastCompleted("C1", onOrBefore: Day(iso: "2026-11-23")!) == Day(iso: "2026-11-16"))
        #expect(r.diagnostics.map { "\($0.row) \($0.column)" } == ["4 kind", "5 session_id", "5 minutes"])
    }

    @Test("training: load is RPE x minutes per client; wellness 1-5 checked")
    func training() throws {
        let csv = "client_id,date,minutes,rpe,sleep\nA,2026-11-20,60,5,4\nA,2026-11-20,30,2,\nA,2026-11-21,60,11,3\nA,2026-11-22,60,5,9\n"
        let r = try TrainingReader.read(ByteSource(bytes: Array(csv.utf8)), file: "training.csv")
        #expect(r.histories["A"]?.loadByDay[Day(iso: "2026-11-20")!] == 360)
        #expect(r.rowsRead == 4 && r.rejected == 2)
        #expect(r.diagnostics.map(\.column) == ["rpe", "sleep"])
    }

    @Test(
        "training: a log with no row in the 7 days before the as-of day is a warning, since unlogged days count as rest",
        arguments: [
            // (as-of, the warning's value, or nil for none). The log runs 2026-11-10 to 11-21,
            // and a rejected row dated later does not count. On 11-28 the 7 days before still
            // hold 11-21; from 11-29 they hold no row.
            ("2026-11-28", nil), ("2026-11-29", "2026-11-21"), ("2026-11-23", nil), ("2026-11-12", nil),
            ("2026-11-10", ""), ("2026-12-20", "2026-11-21"),
        ] as [(String, String?)])
    func staleTraining(asOf: String, value: String?) throws {
        let csv = """
            client_id,date,minutes,rpe
            A,2026-11-10,60,5
            B,2026-11-21,30,4
            A,2026-11-15,45,6
            B,2026-12-30,60,11

            """
        let day = Day(iso: asOf)!
        let r = try TrainingReader.read(ByteSource(bytes: Array(csv.utf8)), file: "training.csv", asOf: day)
        let warnings = r.diagnostics.filter { $0.severity == .warning }
        #expect(r.diagnostics.filter { $0.severity == .error }.map(\.column) == ["rpe"], "the bad row is still an error of its own")
        guard let value else {
            #expect(warnings.isEmpty, "\(warnings)")
            return
        }
        let warning = try #require(warnings.first)
        #expect(warnings.count == 1)
        #expect(warning.file == "training.csv" && warning.row == 0 && warning.column == "date" && warning.value == value)
        #expect(warning.message.contains(asOf), "names the as-of day: \(warning.message)")
        if let last = Day(iso: value) { #expect(warning.message.contains("\(day.days(since: last)) days before")) }
        #expect(
            try TrainingReader.read(ByteSource(bytes: Array(csv.utf8)), file: "training.csv").diagnostics.count == 1,
            "no as-of day, no warning")
    }

    @Test("training handed over in pieces as it is read: the pieces add up to the log read whole")
    func trainingInPieces() throws {
        // Athletes interleaved, several rows on a day, wellness set and replaced, a bad row:
        // with a piece every 3 accepted rows, most athletes' days are split across pieces.
        var csv = "client_id,date,minutes,rpe,sleep,mood\n"
        for i in 0..<40 {
            let day = Day(iso: "2026-11-01")!.adding(days: (i * 7) % 19)
            csv += "A\(i % 5),\(day),\(10 + i),\(i % 11),\(i % 3 == 0 ? "" : String(1 + i % 5)),\(1 + (i * 3) % 5)\n"
            if i == 17 { csv += "A1,2026-11-05,60,12,3,3\n" }
        }
        let whole = try TrainingReader.read(ByteSource(bytes: Array(csv.utf8)), file: "training.csv")
        var pieces: [[String: TrainingHistory]] = []
        let split = try TrainingReader.read(ByteSource(bytes: Array(csv.utf8)), file: "training.csv", spillRows: 3) {
            pieces.append($0)
        }
        #expect(split.histories.isEmpty)
        #expect(pieces.count == 14 && pieces.allSatisfy { $0.values.reduce(0) { $0 + $1.dayCount } <= 3 })
        var joined: [String: TrainingHistory] = [:]
        for piece in pieces { for (id, h) in piece { joined[id, default: TrainingHistory()].append(h) } }
        #expect(joined == whole.histories)
        #expect(split.rowsRead == whole.rowsRead && split.rejected == 1 && split.diagnostics == whole.diagnostics)
        #expect(split.clientRows == whole.clientRows)
    }

    @Test("clinic.yaml: names, therapists and thresholds")
    func config() throws {
        let c = try ClinicConfigLoader.load(
            yaml: """
                clinic_name: Test Clinic
                week_start: sunday
                therapists:
                  - name: Ana
                    hours: 12.5
                thresholds:
                  pain_gate: 7
                  interval_days:
                    heavy: 14
                """, file: "clinic.yaml")
        #expect(c.clinicName == "Test Clinic")
        #expect(c.weekStart == 7)
        #expect(c.therapists == [.init(name: "Ana", hoursAvailable: 12.5)])
        #expect(c.settings.painGate == 7)
        #expect(c.settings.intervalDays[.heavy] == 14)
    }

    @Test(
        "clinic.yaml errors name the line and the key",
        arguments: [
            ("clinic_name: A\nthresholds:\n  pain_gate: twelve\n", 3, "thresholds.pain_gate"),
            ("clinic_name: A\ncolour: blue\n", 2, "colour"),
            ("week_start: someday\n", 1, "week_start"),
            ("thresholds:\n  interval_days:\n    heavy: 10\n", 3, "thresholds.interval_days.heavy"),
            ("emergency_number: call me\n", 1, "emergency_number"),
            ("therapists:\n  - name: Ana\n    days: [mon, funday]\n", 3, "therapists.days"),
            ("therapists:\n  - name: Ana\n    hours: -4\n", 3, "therapists.hours"),
            ("therapists:\n  - name: Ana\n  - name: Ben\n  - name: Ana\n", 4, "therapists.name"),
            ("therapists:\n  - name: Ana\n  - name: \"  \"\n    hours: 10\n", 3, "therapists.name"),
            ("therapists:\n  - name: \"\"\n", 2, "therapists.name"),
            ("wellness:\n  amber_sd: 1\n  purple_sd: 3\n", 3, "wellness.purple_sd"),
        ])
    func configErrors(_ yaml: String, _ line: Int, _ key: String) {
        do {
            _ = try ClinicConfigLoader.load(yaml: yaml, file: "clinic.yaml")
            Issue.record("expected an error")
        } catch let e as IntakeError {
            guard case .config(let l, let k, _) = e.reason else {
                Issue.record("wrong reason \(e)")
                return
            }
            #expect(l == line)
            #expect(k == key)
        } catch { Issue.record("unexpected \(error)") }
    }

    @Test("clinic.yaml: emergency number, therapists' working days (hours spread evenly), wellness thresholds")
    func timetableKeys() throws {
        let c = try ClinicConfigLoader.load(
            yaml: """
                emergency_number: "112"
                therapists:
                  - name: Ana
                    hours: 30
                  - name: Ben
                    hours: 12
                    days: [Sat, sunday, sat]
                wellness:
                  amber_sd: 1.5
                  red_sd: 2.5
                """, file: "clinic.yaml")
        #expect(c.emergencyNumber == "112")
        #expect(c.therapists.map(\.days) == [[1, 2, 3, 4, 5], [6, 7]])
        #expect(c.therapists.map(\.minutesPerDay) == [360, 360])
        #expect(c.settings.wellnessAmberSD == 1.5 && c.settings.wellnessRedSD == 2.5)
        #expect(throws: IntakeError.self) {
            try ClinicConfigLoader.load(yaml: "wellness:\n  amber_sd: 2\n  red_sd: 1\n", file: "clinic.yaml")
        }
    }

    @Test("the previous week: the newest run folder under the output folder that is older than this week")
    func previousWeek() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("prev-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
            .path
        defer { try? FileManager.default.removeItem(atPath: out) }
        for week in ["2026-W45", "2026-W47", "2026-W48", "2026-W50", "notes", ".2026-W47.partial-1"] {
            try FileManager.default.createDirectory(atPath: "\(out)/\(week)", withIntermediateDirectories: true)
            try "{}\n".write(toFile: "\(out)/\(week)/plans.jsonl", atomically: true, encoding: .utf8)
        }
        try FileManager.default.createDirectory(atPath: "\(out)/2026-W46", withIntermediateDirectories: true)
        #expect(PreviousPlansReader.previousWeek(in: out, before: "2026-W48") == "\(out)/2026-W47")
        #expect(PreviousPlansReader.previousWeek(in: out, before: "2026-W45") == nil)
        #expect(PreviousPlansReader.previousWeek(in: out, before: "2027-W01") == "\(out)/2026-W50")
    }

    @Test("previous plans: each line read back; a damaged line is a warning naming its line")
    func previousPlans() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("plans-\(getpid()).jsonl").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try """
        {"client_id":"A","status":"refer","refer_to":"gp","professional":{"kind":null,"interval_days":null},"self_massage":{"items":[]}}
        not json
        {"client_id":"B","status":"cleared","professional":{"kind":"sports","interval_days":14},"self_massage":{"items":[{"area":"calves"}]},"attention":{"level":"amber"}}
        """.write(toFile: path, atomically: true, encoding: .utf8)
        let r = try PreviousPlansReader.read(path: path, file: "2026-W47/plans.jsonl")
        #expect(
            r.plans["A"]
                == PlanSnapshot(clientID: "A", status: .refer, referTo: .gp, intervalDays: nil, kind: nil, areas: [], attention: nil))
        #expect(
            r.plans["B"]
                == PlanSnapshot(
                    clientID: "B", status: .cleared, referTo: nil, intervalDays: 14, kind: .sports, areas: [.calves], attention: .amber))
        #expect(r.diagnostics.map(\.row) == [2] && r.diagnostics[0].severity == .warning)
        #expect(throws: (any Error).self) { try PreviousPlansReader.read(path: path + ".missing", file: "x") }
    }

    @Test("malformed YAML names its line")
    func malformed() {
        #expect(throws: IntakeError.self) { try ClinicConfigLoader.load(yaml: "a: [1, 2\nb: 3\n", file: "clinic.yaml") }
    }
}
