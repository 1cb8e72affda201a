import Foundation
import LegCareCore
import Testing

@testable import LegCareReports

@Suite("plans.jsonl, input-issues.csv, file names and the run folder")
struct OutputFileTests {
    @Test("a plan line has every contract key, with explicit nulls")
    func planLine() throws {
        let profile = ClientProfile(clientID: "C\"1", name: "X", conditions: [.dvtSigns])
        let plan = PlanEngine().plan(for: profile, asOf: Day(iso: "2026-11-23")!)
        let line = PlanJSON.line(for: plan)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        for key in [
            "client_id", "status", "refer_to", "urgency", "flags", "avoid_areas", "avoid", "professional", "self_massage", "aftercare",
            "reasons", "rules_version",
        ] {
            #expect(object[key] != nil, "missing \(key)")
        }
        #expect(object["client_id"] as? String == "C\"1")
        #expect(object["refer_to"] as? String == "gp")
        let professional = try #require(object["professional"] as? [String: Any])
        #expect(professional["kind"] is NSNull)
        #expect(professional["next_window"] is NSNull)
        #expect(professional["deep_work_allowed"] as? Bool == false)
        #expect(line.hasPrefix("{\"client_id\":\"C\\\"1\",\"status\":\"refer\",\"refer_to\":\"gp\",\"urgency\":\"urgent\""))
    }

    @Test("load figures appear with 2 decimals when training rows exist")
    func loadKey() throws {
        var h = TrainingHistory()
        h.add(day: Day(iso: "2026-11-22")!, minutes: 61, rpe: 7)
        let plan = PlanEngine().plan(for: ClientProfile(clientID: "A", name: "A"), asOf: Day(iso: "2026-11-23")!, training: h)
        #expect(
            PlanJSON.line(for: plan).contains(
                "\"load\":{\"acute\":427,\"chronic\":106.75,\"acwr\":null,\"monotony\":0.41,\"strain\":174.32}"))
    }

    @Test("input-issues.csv quotes what needs quoting")
    func issuesCSV() {
        let d = Diagnostic(.error, file: "clients.csv", row: 3, column: "name", value: "a,\"b\"", message: "is odd")
        #expect(IssuesCSV.text([d]) == "file,row,column,value,message,severity,line\nclients.csv,3,name,\"a,\"\"b\"\"\",is odd,error,3\n")
    }

    @Test(
        "handout names: safe id, ASCII slug, collisions numbered, never a path",
        arguments: [
            ("C-001", "José Álvarez", "C-001-jose-alvarez.txt"),
            ("../../etc/passwd", "x", "etc-passwd-x.txt"),
            ("a/b", "张伟", "a-b.txt"),
            ("--", "", "client.txt"),
            ("C 7", "Mary-Jane O'Neil", "C-7-mary-jane-o-neil.txt"),
        ])
    func names(_ id: String, _ name: String, _ expected: String) {
        var namer = HandoutFileNamer()
        #expect(namer.name(clientID: id, name: name) == expected)
    }

    @Test("handout name collisions get -2, -3")
    func collisions() {
        var namer = HandoutFileNamer()
        #expect(namer.name(clientID: "A1", name: "Li") == "A1-li.txt")
        #expect(namer.name(clientID: "A1", name: "LI") == "A1-li-2.txt")
        #expect(namer.name(clientID: "A-1", name: "li") == "A-1-li.txt")
        #expect(namer.name(clientID: "a1", name: "li") == "a1-li-3.txt")
    }

    @Test("the run folder is private, hidden until published, and replaces the previous run whole")
    func runFolder() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("runs-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
            .path
        defer { try? FileManager.default.removeItem(atPath: out) }
        let first = try RunFolder(out: out, week: "2026-W48")
        try first.write("plans.jsonl", "old\n")
        try first.publish()
        let second = try RunFolder(out: out, week: "2026-W48")
        try second.write("plans.jsonl", "new\n")
        #expect(
            try String(contentsOfFile: out + "/2026-W48/plans.jsonl", encoding: .utf8) == "old\n",
            "previous run intact while the new one is built")
        try second.publish()
        #expect(try String(contentsOfFile: out + "/2026-W48/plans.jsonl", encoding: .utf8) == "new\n")
        let attrs = try FileManager.default.attributesOfItem(atPath: out + "/2026-W48")
        #expect((attrs[.posixPermissions] as? Int) == 0o700)
        let file = try FileManager.default.attributesOfItem(atPath: out + "/2026-W48/plans.jsonl")
        #expect((file[.posixPermissions] as? Int) == 0o600)
        #expect(try FileManager.default.contentsOfDirectory(atPath: out) == ["2026-W48"])
    }

    @Test("an abandoned run leaves nothing behind")
    func abandoned() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("runs-abandon-\(getpid())").path
        defer { try? FileManager.default.removeItem(atPath: out) }
        do {
            let folder = try RunFolder(out: out, week: "2026-W48")
            try folder.write("plans.jsonl", "x\n")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: out).isEmpty)
    }
}
