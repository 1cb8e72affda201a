import Foundation
import LegCareCore
import Testing

/// Runs the built `legcare` binary on fixtures in a temporary folder.
struct Run {
    let status: Int32
    let stdout: String
    let stderr: String
}

/// The folder holding the test binaries (and `legcare` beside them).
let productsDirectory: URL = {
    let bundle = Bundle.allBundles.first { $0.bundlePath.hasSuffix(".xctest") }
    return bundle.map { $0.bundleURL.deletingLastPathComponent() }
        ?? URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
}()

let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

func legcare(_ args: [String], in dir: URL, program: String? = nil) throws -> Run {
    let p = Process()
    p.executableURL = program.map(URL.init(fileURLWithPath:)) ?? productsDirectory.appendingPathComponent("legcare")
    p.arguments = args
    p.currentDirectoryURL = dir
    let out = Pipe()
    let err = Pipe()
    p.standardOutput = out
    p.standardError = err
    try p.run()
    let o = out.fileHandleForReading.readDataToEndOfFile()
    let e = err.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return Run(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
}

/// A fresh working folder holding a copy of the sample `Input/`.
func sampleWorkspace() throws -> URL {
    let dir = try workspace([:])
    for f in ["clients.csv", "sessions.csv", "training.csv", "clinic.yaml"] {
        try FileManager.default.copyItem(
            at: repositoryRoot.appendingPathComponent("Input/\(f)"), to: dir.appendingPathComponent("Input/\(f)"))
    }
    return dir
}

/// A fresh working folder with an `Input/` folder holding the given files.
func workspace(_ files: [String: String]) throws -> URL {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("legcare-e2e-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
    try FileManager.default.createDirectory(at: dir.appendingPathComponent("Input"), withIntermediateDirectories: true)
    for (name, text) in files {
        try text.write(to: dir.appendingPathComponent("Input/\(name)"), atomically: true, encoding: .utf8)
    }
    return dir
}

func contents(_ dir: URL, _ path: String) -> String? {
    FileManager.default.contents(atPath: dir.appendingPathComponent(path).path).map { String(decoding: $0, as: UTF8.self) }
}

let goodClients = """
    client_id,name,team,activity,training_load,sore_areas,pain_level,conditions,tools
    A1,Ann Lee,Reds,football,heavy,hamstrings,3,,foam_roller
    A2,Bo Chen,Reds,football,moderate,calves,2,dvt_signs,
    A3,Cy Díaz,,running,light,,1,,spiky_ball

    """

@Suite("legcare end to end", .serialized)
struct EndToEndTests {
    @Test("report: all rows accepted -> exit 0 and every output in Reports/<ISO week>/")
    func report() throws {
        let dir = try workspace(["clients.csv": goodClients])
        defer { try? FileManager.default.removeItem(at: dir) }
        let run = try legcare(["report", "--as-of", "2026-11-23"], in: dir)
        #expect(run.status == 0, "\(run.stderr)")
        let week = "Reports/2026-W48"
        for f in ["summary.xlsx", "plans.jsonl", "input-issues.csv", "handouts-print.txt"] {
            #expect(contents(dir, "\(week)/\(f)") != nil, "missing \(f)")
        }
        let handouts = try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("\(week)/handouts").path).sorted()
        #expect(handouts == ["A1-ann-lee.txt", "A2-bo-chen.txt", "A3-cy-diaz.txt"])
        let plans = contents(dir, "\(week)/plans.jsonl")!.split(separator: "\n")
        #expect(plans.count == 3)
        #expect(plans[1].contains("\"status\":\"refer\""))
        #expect(contents(dir, "\(week)/handouts-print.txt")!.components(separatedBy: "\u{0C}").count == 3)
        #expect(!run.stderr.contains("Ann Lee"), "no client data in logs beyond ids")
        let attrs = try FileManager.default.attributesOfItem(atPath: dir.appendingPathComponent(week).path)
        #expect((attrs[.posixPermissions] as? Int) == 0o700)
        let handoutAttrs = try FileManager.default.attributesOfItem(
            atPath: dir.appendingPathComponent("\(week)/handouts/A1-ann-lee.txt").path)
        #expect((handoutAttrs[.posixPermissions] as? Int) == 0o600)
    }

    @Test("report: a training log that ends 9 days before the as-of day is a warning and a line on the coach's page")
    func staleTraining() throws {
        let training =
            "client_id,date,minutes,rpe\n" + (1...20).map { "A1,2026-10-\(String(format: "%02d", $0 + 5)),60,5" }.joined(separator: "\n")
        let dir = try workspace(["clients.csv": goodClients, "training.csv": training + "\n"])
        defer { try? FileManager.default.removeItem(at: dir) }
        // The log's last day is 2026-10-25: 9 days before 2026-11-03, 2 before 2026-10-27.
        let stale = try legcare(["report", "--as-of", "2026-11-03"], in: dir)
        #expect(stale.status == 0, "a warning, not a rejected row: \(stale.stderr)")
        let issues = try #require(contents(dir, "Reports/2026-W45/input-issues.csv"))
        #expect(
            issues.contains("training.csv,0,date,2026-10-25,\"is the last day logged, 9 days before the as-of day 2026-11-03"), "\(issues)")
        let page = try #require(contents(dir, "Reports/2026-W45/teams/reds.txt"))
        #expect(page.contains("TRAINING LOG OUT OF DATE"))
        let fresh = try legcare(["report", "--as-of", "2026-10-27"], in: dir)
        #expect(fresh.status == 0)
        #expect(contents(dir, "Reports/2026-W44/input-issues.csv")?.contains("training.csv") == false)
        #expect(contents(dir, "Reports/2026-W44/teams/reds.txt")?.contains("OUT OF DATE") == false)
    }

    @Test("report: a bad row -> exit 3, the row listed, every other row still planned")
    func rejected() throws {
        let dir = try workspace(["clients.csv": goodClients + "A4,Dee,,,,,eleven,,\n"])
        defer { try? FileManager.default.removeItem(at: dir) }
        let run = try legcare(["report", "--as-of", "2026-11-23"], in: dir)
        #expect(run.status == 3)
        let issues = contents(dir, "Reports/2026-W48/input-issues.csv")!
        #expect(issues.contains("clients.csv,5,pain_level,eleven,is not a whole number from 0 to 10,error,5"))
        #expect(contents(dir, "Reports/2026-W48/plans.jsonl")!.split(separator: "\n").count == 3)
    }

    @Test("a log naming a client that clients.csv lacks or rejected: a warning per id at its first row, in row order")
    func crossFileWarnings() throws {
        let dir = try workspace([
            "clients.csv": goodClients + "A4,Dee,,,,,eleven,,\n",
            "sessions.csv": """
            session_id,client_id,date,therapist,kind,minutes,status
            X1,A1,2026-11-02,Ana,sports,60,completed
            X2,Z9,2026-11-03,Ana,sports,60,completed
            X3,A4,2026-11-04,Ana,sports,60,completed
            X4,Z9,2026-11-05,Ana,sports,60,cancelled

            """,
            "training.csv": "client_id,date,minutes,rpe\nA2,2026-11-20,60,5\nQ1,2026-11-20,60,5\nA1,2026-11-21,60,5\n",
        ])
        defer { try? FileManager.default.removeItem(at: dir) }
        let run = try legcare(
            ["report", "--as-of", "2026-11-23", "--sessions", "Input/sessions.csv", "--training", "Input/training.csv"], in: dir)
        #expect(run.status == 3, "\(run.stderr)")
        let warnings = contents(dir, "Reports/2026-W48/input-issues.csv")!.split(separator: "\n")
            .filter { $0.contains("is not an accepted client") }
        #expect(
            warnings.map { $0.split(separator: ",").prefix(4).joined(separator: ",") } == [
                "sessions.csv,3,client_id,Z9", "sessions.csv,4,client_id,A4", "training.csv,3,client_id,Q1",
            ])
    }

    @Test("a missing required column -> exit 2, the message lists missing and found, nothing written")
    func missingColumn() throws {
        let dir = try workspace(["clients.csv": "client_id,team\nA1,Reds\n"])
        defer { try? FileManager.default.removeItem(at: dir) }
        let run = try legcare(["report", "--as-of", "2026-11-23"], in: dir)
        #expect(run.status == 2)
        #expect(run.stderr.contains("missing required column name; found: client_id, team"))
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("Reports").path))
    }

    @Test("a log missing a required column -> exit 2 naming the file, nothing written, not even Reports/")
    func logMissingColumn() throws {
        for (file, text) in [
            ("sessions.csv", "session_id,client_id,date,minutes\nS1,A1,2026-11-20,60\n"),
            ("training.csv", "client_id,date,minutes\nA1,2026-11-20,60\n"),
        ] {
            let dir = try workspace(["clients.csv": goodClients, file: text])
            defer { try? FileManager.default.removeItem(at: dir) }
            let run = try legcare(["report", "--as-of", "2026-11-23"], in: dir)
            #expect(run.status == 2, "\(file)")
            #expect(run.stderr.contains(file) && run.stderr.contains("missing required column"), "\(run.stderr)")
            #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("Reports").path), "\(file)")
        }
    }

    @Test("a missing clients.csv or a bad argument -> exit 2, nothing written")
    func usageErrors() throws {
        let dir = try workspace([:])
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(try legcare(["report"], in: dir).status == 2)
        #expect(try legcare(["report", "--as-of", "23/11/2026"], in: dir).status == 2)
        #expect(try legcare(["report", "--no-such-flag"], in: dir).status == 2)
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("Reports").path))
    }

    @Test("a malformed clinic.yaml -> exit 2 naming line and key, nothing written")
    func badConfig() throws {
        let dir = try workspace(["clients.csv": goodClients, "clinic.yaml": "clinic_name: X\nthresholds:\n  pain_gate: high\n"])
        defer { try? FileManager.default.removeItem(at: dir) }
        let run = try legcare(["report", "--as-of", "2026-11-23"], in: dir)
        #expect(run.status == 2)
        #expect(run.stderr.contains("clinic.yaml:3: error: thresholds.pain_gate: must be a whole number from 1 to 10"))
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("Reports").path))
    }

    @Test("validate: prints every problem, writes nothing, exits 0 or 3")
    func validate() throws {
        let dir = try workspace(["clients.csv": goodClients + "A4,Dee,,,,elbow,,,\n"])
        defer { try? FileManager.default.removeItem(at: dir) }
        let run = try legcare(["validate"], in: dir)
        #expect(run.status == 3)
        #expect(run.stdout.contains("clients.csv:5: error: sore_areas is not one of"))
        let shown = try legcare(["validate", "--show-values"], in: dir)
        #expect(shown.stdout.contains("clients.csv:5: error: sore_areas \"elbow\" is not one of"))
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("Reports").path))
        let clean = try workspace(["clients.csv": goodClients])
        defer { try? FileManager.default.removeItem(at: clean) }
        #expect(try legcare(["validate"], in: clean).status == 0)
    }

    @Test("the same inputs and --as-of give byte-identical outputs")
    func deterministic() throws {
        let dir = try workspace(["clients.csv": goodClients])
        defer { try? FileManager.default.removeItem(at: dir) }
        _ = try legcare(["report", "--as-of", "2026-11-23", "--out", "one"], in: dir)
        _ = try legcare(["report", "--as-of", "2026-11-23", "--out", "two"], in: dir)
        for f in ["summary.xlsx", "plans.jsonl", "input-issues.csv", "handouts-print.txt", "handouts/A2-bo-chen.txt"] {
            let a = FileManager.default.contents(atPath: dir.appendingPathComponent("one/2026-W48/\(f)").path)
            let b = FileManager.default.contents(atPath: dir.appendingPathComponent("two/2026-W48/\(f)").path)
            #expect(a != nil && a == b, "\(f) differs between runs")
        }
    }

    @Test("the workbook written on its own thread: five runs of the sample give the same bytes in every file")
    func deterministicInParallel() throws {
        let dir = try sampleWorkspace()
        defer { try? FileManager.default.removeItem(at: dir) }
        for i in 0..<5 { _ = try legcare(["report", "--as-of", "2026-11-23", "--out", "run\(i)"], in: dir) }
        let files = allPaths(dir.appendingPathComponent("run0/2026-W48")).filter { !$0.hasSuffix("/") }
        #expect(files.contains("summary.xlsx") && files.contains("timetable.csv") && files.count > 40)
        for i in 1..<5 {
            for f in files {
                let a = FileManager.default.contents(atPath: dir.appendingPathComponent("run0/2026-W48/\(f)").path)
                let b = FileManager.default.contents(atPath: dir.appendingPathComponent("run\(i)/2026-W48/\(f)").path)
                #expect(a == b, "\(f) differs in run \(i)")
            }
        }
    }

    @Test("a rerun of the same week replaces it whole and leaves no staging folders")
    func rerun() throws {
        let dir = try workspace(["clients.csv": goodClients])
        defer { try? FileManager.default.removeItem(at: dir) }
        _ = try legcare(["report", "--as-of", "2026-11-23"], in: dir)
        try "client_id,name\nZ9,Zed\n".write(to: dir.appendingPathComponent("Input/clients.csv"), atomically: true, encoding: .utf8)
        _ = try legcare(["report", "--as-of", "2026-11-25"], in: dir)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("Reports").path) == ["2026-W48"])
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("Reports/2026-W48/handouts").path) == [
                "Z9-zed.txt"
            ])
    }

    @Test("semicolon-delimited UTF-16 input from a spreadsheet is read")
    func spreadsheetExport() throws {
        let dir = try workspace([:])
        defer { try? FileManager.default.removeItem(at: dir) }
        let text = "Client ID;Name;Sore Areas\r\nX1;Zoë Brontë;calf|quads\r\n"
        var bytes: [UInt8] = [0xFF, 0xFE]
        for u in text.utf16 { bytes += [UInt8(u & 0xFF), UInt8(u >> 8)] }
        try Data(bytes).write(to: dir.appendingPathComponent("Input/clients.csv"))
        let run = try legcare(["report", "--as-of", "2026-11-23"], in: dir)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(contents(dir, "Reports/2026-W48/handouts/X1-zoe-bronte.txt")?.contains("Zoë Brontë") == true)
        #expect(contents(dir, "Reports/2026-W48/input-issues.csv")?.contains("UTF-16LE") == true)
    }

    /// The sample clients who ask for a language, by id (`es-MX` is served by `es`).
    static func sampleLanguages() -> [String: String] {
        let rows = contents(repositoryRoot, "Input/clients.csv")!.split(separator: "\n").map {
            $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        }
        let column = rows[0].firstIndex(of: "language")!
        var found: [String: String] = [:]
        for row in rows.dropFirst() where row.count > column && !row[column].isEmpty {
            found[row[0]] = String(row[column].prefix(2))
        }
        return found
    }

    @Test("the sample Input/ runs: every client planned or listed as rejected")
    func sampleInput() throws {
        let dir = try sampleWorkspace()
        defer { try? FileManager.default.removeItem(at: dir) }
        let run = try legcare(["report", "--as-of", "2026-11-23"], in: dir)
        #expect(run.status == 3)
        let rows = contents(dir, "Input/clients.csv")!.split(separator: "\n").count - 1
        let plans = contents(dir, "Reports/2026-W48/plans.jsonl")!.split(separator: "\n").count
        let rejectedRows = Set(
            contents(dir, "Reports/2026-W48/input-issues.csv")!.split(separator: "\n")
                .filter { $0.hasPrefix("clients.csv,") && $0.contains(",error,") }.map { $0.split(separator: ",")[1] })
        #expect(plans + rejectedRows.count == rows)
        let statuses = Set(
            contents(dir, "Reports/2026-W48/plans.jsonl")!.split(separator: "\n").compactMap { line in
                ["cleared", "modified", "refer"].first { line.contains("\"status\":\"\($0)\"") }
            })
        #expect(statuses == ["cleared", "modified", "refer"])

        // Each booked client's handout names the day and therapist timetable.csv gives
        // them, in the client's language; each due client not booked is told so, and why.
        let timetable = contents(dir, "Reports/2026-W48/timetable.csv")!.split(separator: "\n").dropFirst().map {
            $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        }
        #expect(timetable.count > 5)
        let catalogs = try Dictionary(uniqueKeysWithValues: ["de", "en", "es", "fr", "pl"].map { ($0, try ShippedCatalog($0)) })
        let languageOf = Self.sampleLanguages()
        let handoutNames = try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("Reports/2026-W48/handouts").path)
        var bookedIn: Set<String> = []
        for cells in timetable {
            let file = try #require(handoutNames.first { $0.hasPrefix(cells[4] + "-") }, "\(cells[4]) has a handout")
            let text = contents(dir, "Reports/2026-W48/handouts/" + file)!.replacingOccurrences(of: "\n", with: " ")
            let catalog = catalogs[languageOf[cells[4]] ?? "en"]!
            if cells[0] == "booked" {
                let when = catalog.date(Day(iso: cells[1])!)
                #expect(text.contains(catalog.opening("booking.booked")), "\(cells[4]) in \(catalog.tag)")
                #expect(text.contains(when) && text.contains(cells[3]), "\(cells[4]): \(when), \(cells[3]) in \(catalog.tag)")
                bookedIn.insert(catalog.tag)
            } else {
                #expect(text.contains(catalog.notBooked), "\(cells[4]) in \(catalog.tag)")
            }
        }
        #expect(bookedIn.count >= 3, "booked clients in several languages: \(bookedIn)")
        let print = contents(dir, "Reports/2026-W48/handouts-print.txt")!.replacingOccurrences(of: "\n", with: " ")
        let bookedSentences = catalogs.values.map { print.components(separatedBy: $0.opening("booking.booked")).count - 1 }.reduce(0, +)
        #expect(bookedSentences == timetable.filter { $0[0] == "booked" }.count)

        // A client who asks for a language has the whole handout in it, from the title on.
        for (id, tag) in languageOf {
            let file = try #require(handoutNames.first { $0.hasPrefix(id + "-") })
            let lines = contents(dir, "Reports/2026-W48/handouts/" + file)!.split(separator: "\n")
            let catalog = catalogs[tag]!
            #expect(lines[1].hasPrefix(catalog.opening("title")), "\(id): \(lines[1])")
            #expect(lines.contains { $0 == catalog.messages["help.heading"]! }, "\(id) in \(tag)")
        }
        #expect(Set(languageOf.values).union(["en"]).count == 5, "the sample asks for five languages")

        // The README's handout excerpt is real output of this sample.
        let readme = try String(contentsOf: repositoryRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let section = try #require(readme.components(separatedBy: "## A handout (excerpt)").dropFirst().first)
        let excerpt = try #require(section.components(separatedBy: "```").dropFirst().first).trimmingCharacters(in: .newlines)
        #expect(contents(dir, "Reports/2026-W48/handouts/RV06-sami-haddad.txt")?.contains(excerpt) == true, "README excerpt is stale")
    }
}
