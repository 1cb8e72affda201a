import Foundation
import Testing

@Suite("the squad's week on the sample Input/", .serialized)
struct SquadWeekTests {
    @Test("the sample writes timetable.csv, a page per team and bookings that agree with each other")
    func sampleSquadWeek() throws {
        let dir = try sampleWorkspace()
        defer { try? FileManager.default.removeItem(at: dir) }
        let run = try legcare(["report", "--as-of", "2026-11-23"], in: dir)
        #expect(run.status == 3)
        let week = "Reports/2026-W48"
        let teams = try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("\(week)/teams").path).sorted()
        #expect(teams == ["northgate-netball.txt", "riverside-fc.txt"])
        let timetable = try #require(contents(dir, "\(week)/timetable.csv")).split(separator: "\n").dropFirst().map {
            $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        }
        let booked = timetable.filter { $0[0] == "booked" }
        #expect(!booked.isEmpty && booked.count < timetable.count, "the sample has more demand than hours on Monday")

        // plans.jsonl's booking says what timetable.csv says, client by client.
        var bookings: [String: String] = [:]
        for line in try #require(contents(dir, "\(week)/plans.jsonl")).split(separator: "\n") {
            let plan = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
            guard let booking = plan["booking"] else { continue }
            let slot = booking as? [String: String]
            bookings[plan["client_id"] as! String] = slot.map { "\($0["date"]!) \($0["therapist"]!)" } ?? "none"
        }
        #expect(bookings.count == timetable.count)
        for row in timetable {
            #expect(bookings[row[4]] == (row[0] == "booked" ? "\(row[1]) \(row[3])" : "none"), "\(row[4])")
        }

        // The spike, the wellness drop and Saturday's match reach the coach.
        // Wrapped lines joined back: a sentence may break anywhere.
        let coach = try #require(contents(dir, "\(week)/teams/riverside-fc.txt")).replacingOccurrences(of: "\n  ", with: " ")
        #expect(coach.contains("Ibrahim Diallo: reports pain of 9 out of 10"))
        #expect(coach.contains("training load spiked"))
        #expect(coach.contains("Oskar Nowak: wellness scores (fatigue, mood, sleep) far below their own"))
        #expect(coach.contains("Match or race on Saturday 28 November"))
        #expect(contents(dir, "\(week)/teams/northgate-netball.txt")?.contains("DUE BUT NOT BOOKED: 1") == true)
        #expect(!coach.contains("dvt") && !coach.contains("strain"))

        // Reports/README.md (in git) names everything a run folder holds.
        let reportsReadme = try String(contentsOf: repositoryRoot.appendingPathComponent("Reports/README.md"), encoding: .utf8)
        for entry in try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent(week).path) {
            #expect(reportsReadme.contains("`\(entry)"), "Reports/README.md does not mention \(entry)")
        }

        let script = "import openpyxl,sys; print(','.join(openpyxl.load_workbook(sys.argv[1]).sheetnames))"
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", "-c", script, dir.appendingPathComponent("\(week)/summary.xlsx").path]
        let pipe = Pipe()
        p.standardOutput = pipe
        try p.run()
        let sheets = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        #expect(sheets.hasPrefix("Overview,Changes,Timetable,Squad,Squad charts,Clients"))
    }
}
