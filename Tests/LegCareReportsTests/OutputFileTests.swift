import Foundation
import LegCareCore
import PropertyBased
import Testing

@testable import LegCareReports
@testable import LegCareRun

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

    @Test("input-issues.csv quotes what needs quoting and names the row's client")
    func issuesCSV() {
        let d = Diagnostic(.error, file: "clients.csv", row: 3, column: "name", value: "a,\"b\"", message: "is odd", clientID: "C7")
        #expect(
            IssuesCSV.text([d])
                == "file,row,column,value,message,severity,line,client_id\nclients.csv,3,name,\"a,\"\"b\"\"\",is odd,error,3,C7\n")
    }

    @Test(
        "input-issues.csv: a value a spreadsheet would run as a formula gets a leading quote",
        arguments: [
            ("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\""), ("+1", "'+1"), ("-5", "'-5"), ("@SUM(A1)", "'@SUM(A1)"),
            ("\tx", "'\tx"), ("\rx", "\"'\rx\""), ("a=b", "a=b"), ("", ""),
        ])
    func formulaValues(_ value: String, _ written: String) {
        let d = Diagnostic(.error, file: "clients.csv", row: 2, column: "pain_level", value: value, message: "is bad", clientID: value)
        let line = IssuesCSV.text([d]).split(separator: "\n", omittingEmptySubsequences: false)[1]
        #expect(line == "clients.csv,2,pain_level,\(written),is bad,error,2,\(written)")
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

    @Test("a handout name is at most 100 bytes: the name slug is cut first, the id kept, -2 still fits")
    func longNames() {
        var namer = HandoutFileNamer()
        let long = String(repeating: "Anna ", count: 20_000)
        let first = namer.name(clientID: "C-001", name: long)
        #expect((95...100).contains(first.utf8.count))
        #expect(first.hasPrefix("C-001-anna-anna"))
        #expect(first.hasSuffix("anna.txt"), "no dash left hanging before .txt: \(first)")
        let second = namer.name(clientID: "C-001", name: long)
        #expect(second.utf8.count <= 100 && second.hasSuffix("-2.txt") && second != first)
        let hugeID = namer.name(clientID: String(repeating: "7", count: 500), name: "Bo")
        #expect(hugeID == String(repeating: "7", count: 96) + ".txt")
    }

    @Test("handout names always match ^[A-Za-z0-9._-]{1,100}$ and are never . or .. (any id, any name)")
    func namesProperty() async {
        let pieces = ["", ".", "..", "/", "-", " ", "é", "张", "😀", "A", "z", "9", "\u{0}", "\\", String(repeating: "x", count: 70)]
        let gen = Gen.int(in: 0...Int(Int32.max)).map { seed -> [String] in
            var s = UInt64(seed)
            func next() -> Int {
                s = s &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                return Int(s >> 33)
            }
            return (0..<(2 + next() % 6)).map { _ in (0..<(next() % 5)).map { _ in pieces[next() % pieces.count] }.joined() }
        }
        await propertyCheck(count: 300, input: gen) { texts in
            var namer = HandoutFileNamer()
            var seen: Set<String> = []
            for (i, id) in texts.enumerated() {
                let name = namer.name(clientID: id, name: texts[(i + 1) % texts.count])
                #expect(name.utf8.count <= 100 && !name.isEmpty && name != "." && name != "..")
                #expect(
                    name.utf8.allSatisfy { b in
                        b == 0x2E || b == 0x2D || b == 0x5F || (0x30...0x39).contains(b) || (0x41...0x5A).contains(b)
                            || (0x61...0x7A).contains(b)
                    })
                #expect(seen.insert(name.lowercased()).inserted, "names repeat: \(name)")
            }
        }
    }

    @Test("handout name collisions get -2, -3")
    func collisions() {
        var namer = HandoutFileNamer()
        #expect(namer.name(clientID: "A1", name: "Li") == "A1-li.txt")
        #expect(namer.name(clientID: "A1", name: "LI") == "A1-li-2.txt")
        #expect(namer.name(clientID: "A-1", name: "li") == "A-1-li.txt")
        #expect(namer.name(clientID: "a1", name: "li") == "a1-li-3.txt")
    }

    @Test("a name's key is FNV-1a of its lower-case bytes: the same in every run, whatever the case")
    func nameKeys() {
        // FNV-1a 64's published values for "" and "a".
        #expect(HandoutFileNamer.key(lowercasing: []) == 0xcbf2_9ce4_8422_2325)
        #expect(HandoutFileNamer.key(lowercasing: Array("a".utf8)) == 0xaf63_dc4c_8601_ec8c)
        #expect(HandoutFileNamer.key(lowercasing: Array("A1-Li".utf8)) == HandoutFileNamer.key(lowercasing: Array("a1-li".utf8)))
        #expect(HandoutFileNamer.key(lowercasing: Array("A1-li".utf8)) != HandoutFileNamer.key(lowercasing: Array("A1-lj".utf8)))
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

    @Test("a run removes the staging folders interrupted runs left, and puts back a week it died moving")
    func staleFolders() throws {
        let fm = FileManager.default
        let out = fm.temporaryDirectory.appendingPathComponent("runs-stale-\(getpid())-\(UInt32.random(in: 0...UInt32.max))").path
        defer { try? fm.removeItem(atPath: out) }
        for stale in [".2026-W47.partial-99999991", ".2026-W48.partial-99999992"] {
            try fm.createDirectory(atPath: out + "/" + stale, withIntermediateDirectories: true)
            try "client data".write(toFile: out + "/" + stale + "/plans.jsonl", atomically: false, encoding: .utf8)
        }
        // Killed between moving last week aside and moving the new one in: W46 is missing.
        try fm.createDirectory(atPath: out + "/.2026-W46.previous-99999993", withIntermediateDirectories: true)
        let folder = try RunFolder(out: out, week: "2026-W48")
        #expect(folder.staleRemoved == 2)
        try folder.publish()
        #expect(try fm.contentsOfDirectory(atPath: out).sorted() == ["2026-W46", "2026-W48"])
    }

    @Test("a second run into the same folder stops while the first is writing, and may start once it is done")
    func concurrentRuns() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent(
            "runs-lock-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        )
        .path
        defer { try? FileManager.default.removeItem(atPath: out) }
        let first = try RunFolder(out: out, week: "2026-W48")
        #expect(throws: RunFolderError.self) { _ = try RunFolder(out: out, week: "2026-W49") }
        do {
            _ = try RunFolder(out: out, week: "2026-W48")
        } catch let error as RunFolderError {
            #expect(error.description.contains("another legcare run is writing into this folder now"))
        }
        try first.publish()
        let second = try RunFolder(out: out, week: "2026-W48")
        #expect(second.staleRemoved == 0)
    }

    @Test("a handout the file system refuses rejects that client alone; a full disk still stops the run")
    func perRowFailure() throws {
        let fm = FileManager.default
        let out = fm.temporaryDirectory.appendingPathComponent("runs-row-\(getpid())-\(UInt32.random(in: 0...UInt32.max))").path
        defer { try? fm.removeItem(atPath: out) }
        let writer = try ReportWriter(
            out: out, template: try HandoutTemplate.load(folder: nil), config: ClinicConfig(), asOf: Day(iso: "2026-11-23")!,
            clientsFileBytes: 0, hasTraining: false)
        // Something already stands where A1's handout would go.
        try fm.createDirectory(atPath: out + "/.2026-W48.partial-\(getpid())/handouts/A1-ann.txt", withIntermediateDirectories: true)
        let a1 = ClientProfile(clientID: "A1", name: "Ann")
        let problem = try writer.add(PlanEngine().plan(for: a1, asOf: Day(iso: "2026-11-23")!), profile: a1)
        #expect(problem?.hasPrefix("could not be written") == true)
        let b2 = ClientProfile(clientID: "B2", name: "Bo")
        #expect(try writer.add(PlanEngine().plan(for: b2, asOf: Day(iso: "2026-11-23")!), profile: b2) == nil)
        let folder = try writer.finish(diagnostics: [], facts: RunFacts(files: []))
        let plans = try String(contentsOfFile: folder + "/plans.jsonl", encoding: .utf8)
        #expect(!plans.contains("\"A1\"") && plans.contains("\"B2\""), "nothing of the refused client is written")
        #expect(RunFolderError(path: "x", operation: "create", code: ENOSPC).isEnvironmental)
        #expect(!RunFolderError(path: "x", operation: "create", code: ENAMETOOLONG).isEnvironmental)
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

/// Golden plan lines: `plans.jsonl` is a contract other tools parse, so any change to its
/// bytes is a reviewed diff of `golden/plans.jsonl`. Regenerate after an intended change
/// with `LEGCARE_UPDATE_GOLDEN=1 swift test`.
@Suite("plans.jsonl lines (golden file)")
struct PlanLineGoldenTests {
    static let asOf = Day(iso: "2026-11-23")!

    /// Random clients, every third with a training log (load, wellness), and ids that need
    /// every kind of JSON escape.
    static func plans() -> [Plan] {
        let ids = ["Q\"1", "back\\slash", "tab\there", "line\nbreak", "ctl\u{1}", "sep\u{2028}para\u{2029}", "plain", "é张😀"]
        return CompiledTemplateTests.clients(120).enumerated().map { i, client in
            var profile = client.0
            // Sore areas come in file order from a CSV; these come from a Set, so sort them.
            profile.soreAreas.sort { $0.rawValue < $1.rawValue }
            if i < ids.count { profile.clientID = ids[i] }
            guard i % 3 == 0 else { return PlanEngine().plan(for: profile, asOf: asOf) }
            var history = TrainingHistory()
            for d in 1...35 where (d * 7 + i) % 4 != 0 {
                let wellness = d % 2 == 0 ? ["sleep": 1 + (d + i) % 5, "mood": d == 1 ? 1 : 4, "soreness": 3] : [:]
                history.add(day: asOf.adding(days: -d), minutes: 30 + (d * i) % 60, rpe: 1 + (d + i) % 10, wellness: wellness)
            }
            return PlanEngine().plan(for: profile, asOf: asOf, training: history)
        }
    }

    @Test("plan lines for 120 random clients (escapes, loads, wellness, attention) match golden/plans.jsonl byte for byte")
    func golden() throws {
        let text = Self.plans().map { PlanJSON.line(for: $0) + "\n" }.joined()
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("golden/plans.jsonl")
        if ProcessInfo.processInfo.environment["LEGCARE_UPDATE_GOLDEN"] == "1" {
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        #expect(text == expected, "plans.jsonl lines differ from golden/plans.jsonl")
        for line in text.split(separator: "\n") {
            #expect((try? JSONSerialization.jsonObject(with: Data(line.utf8))) != nil, "not JSON: \(line)")
        }
    }

    @Test("the eight-bytes-at-a-time escape scan agrees with a byte-by-byte scan (random bytes, every position)")
    func escapeScan() async {
        let interesting: [UInt8] = [0x00, 0x1F, 0x20, 0x21, 0x22, 0x5B, 0x5C, 0x5D, 0x7F, 0x80, 0xE1, 0xE2, 0xE3, 0xFF, 0x41]
        let gen = Gen.int(in: 0...Int(Int32.max)).map { seed -> [UInt8] in
            var s = UInt64(seed)
            func next() -> Int {
                s = s &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                return Int(s >> 33)
            }
            // Mostly plain letters with at most one byte of interest, at any offset.
            var bytes = (0..<(next() % 40)).map { _ in UInt8(0x61 + next() % 26) }
            if next() % 4 != 0, !bytes.isEmpty { bytes[next() % bytes.count] = interesting[next() % interesting.count] }
            return bytes
        }
        await propertyCheck(count: 1000, input: gen) { bytes in
            let naive = bytes.contains { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0xE2 }
            #expect(bytes.withUnsafeBufferPointer(JSONWriter.needsEscape) == naive, "\(bytes)")
        }
    }

    @Test("numbers and days are written as Swift writes them", arguments: [0, 7, -7, 10, 99, 100, -100, 123_456_789, Int.max, Int.min])
    func decimals(_ n: Int) {
        var json = JSONWriter()
        json.beginArray()
        json.int(n)
        json.double(Double(n) / 4)
        json.day(Day(iso: "2026-01-05")!.adding(days: n % 5000))
        json.endArray()
        let d = Double(n) / 4
        let expectedDouble = d == d.rounded() && abs(d) < 1e15 ? String(Int(d)) : d.description
        #expect(
            String(decoding: json.bytes, as: UTF8.self)
                == "[\(n),\(expectedDouble),\"\(Day(iso: "2026-01-05")!.adding(days: n % 5000).description)\"]")
    }
}
